using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Governance;

public sealed record ExampleSummary(Guid Id, string Title, string Organisation, string TargetGroup, string? Period, int Attachments);

public sealed record AttachmentFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The library of good examples (seed 000 asks for exchange of experience; seed 004's appendix is full of them): searched
/// by any word of their text, with attached files of a few document types. Seen by the collaboration's staff; a contact
/// person is personal data, so reading an example is logged.
/// </summary>
public sealed class ExampleWork(AppDbContext db, GovernanceWork governance, CurrentUser user, AccessLogger log, TimeProvider clock)
{
    private const int MaxResults = 200;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<List<ExampleSummary>> SearchAsync(Guid collaborationId, string? query, CancellationToken ct)
    {
        if (!await governance.IsMineAsync(collaborationId, ct))
        {
            return [];
        }

        var examples = db.GoodExamples.AsNoTracking().Where(e => e.CollaborationId == collaborationId);
        foreach (var word in GoodExample.Searchable(query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8))
        {
            examples = examples.Where(e => e.SearchText.Contains(word));
        }

        var found = (await examples.Take(MaxResults)
                .Select(e => new ExampleSummary(e.Id, e.Title, e.Organisation, e.TargetGroup, e.Period, e.Attachments.Count)).ToListAsync(ct))
            .OrderBy(e => e.Title, SwedishCollation.Comparer).ToList();
        if (!string.IsNullOrWhiteSpace(query))
        {
            // The words searched for are not logged: they may name a person.
            await log.RecordAsync(AccessAction.Search, "GoodExample", null, purpose: "sökning i goda exempel", resultIds: found.Select(e => e.Id), ct: ct);
        }

        return found;
    }

    public async Task<Outcome<GoodExample>> ReadAsync(Guid id, CancellationToken ct)
    {
        var mine = governance.MyCollaborations();
        var example = await db.GoodExamples.AsNoTracking().Include(e => e.Attachments.OrderBy(a => a.FileName))
            .FirstOrDefaultAsync(e => e.Id == id && mine.Contains(e.CollaborationId), ct);
        if (example is null)
        {
            return Outcome.NotFound();
        }

        if (example.Contact is not null)
        {
            await log.RecordAsync(AccessAction.Read, "GoodExample", id, purpose: "gott exempel med kontaktperson", ct: ct);
        }

        return example;
    }

    public async Task<Outcome<GoodExample>> CreateAsync(ExampleInput input, CancellationToken ct)
    {
        if (!governance.IsCoordinator && !user.IsCaseworker)
        {
            return Outcome.Forbidden("Goda exempel förs in av samordnare och handläggare.");
        }

        var errors = new Dictionary<string, string[]>();
        var collaborationId = await governance.CollaborationForChangeAsync(input.CollaborationId, errors, ct);
        var text = new ExampleText(
            Input.Text(errors, "title", input.Title, "exemplets namn", GoodExample.MaxTitle)!,
            Input.Text(errors, "organisation", input.Organisation, "vem som driver det", GoodExample.MaxShort)!,
            Input.Text(errors, "aim", input.Aim, "syfte", GoodExample.MaxText)!,
            Input.Text(errors, "targetGroup", input.TargetGroup, "målgrupp", GoodExample.MaxText)!,
            Input.Text(errors, "model", input.Model, "modell eller arbetssätt", GoodExample.MaxText)!,
            Input.Text(errors, "results", input.Results, "resultat", GoodExample.MaxText)!,
            Input.Text(errors, "contact", input.Contact, "kontakt", GoodExample.MaxShort, required: false),
            Input.Text(errors, "period", input.Period, "period", GoodExample.MaxShort, required: false));
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var example = GoodExample.Create(collaborationId!.Value, text, user.Id, Now);
        db.GoodExamples.Add(example);
        log.Add(AccessAction.Create, "GoodExample", example.Id);
        await db.SaveChangesAsync(ct);
        return example;
    }

    /// <summary>
    /// Attaches a file: PDF, Office and OpenDocument text, plain text, PNG or JPEG, at most 5 MB, its first bytes matching its
    /// name. A file of another type or over the limit is refused with a message at <c>file</c>, and nothing is saved.
    /// </summary>
    public async Task<Outcome<ExampleAttachment>> AttachAsync(Guid exampleId, IFormFile? file, CancellationToken ct)
    {
        var mine = governance.MyCollaborations();
        if (!await db.GoodExamples.AnyAsync(e => e.Id == exampleId && mine.Contains(e.CollaborationId), ct))
        {
            return Outcome.NotFound();
        }

        if (!governance.IsCoordinator && !user.IsCaseworker)
        {
            return Outcome.Forbidden("Bilagor läggs till av samordnare och handläggare.");
        }

        if (file is null)
        {
            return Outcome.Invalid("file", "Välj en fil att bifoga.");
        }

        var name = Path.GetFileName(file.FileName ?? "").Trim();
        if (name.Length is 0 or > ExampleAttachment.MaxFileName)
        {
            return Outcome.Invalid("file", $"Filens namn ska ha 1–{ExampleAttachment.MaxFileName} tecken.");
        }

        var head = new byte[16];
        var read = 0;
        if (file.Length is > 0 and <= AttachmentRules.MaxBytes)
        {
            await using var stream = file.OpenReadStream();
            read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        }

        var (contentType, error) = AttachmentRules.Check(name, file.Length, head.AsSpan(0, read));
        if (error is not null)
        {
            return Outcome.Invalid("file", error);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var attachment = new ExampleAttachment
        {
            Id = Guid.NewGuid(), ExampleId = exampleId, FileName = name, ContentType = contentType!, Size = buffer.Length, Content = buffer.ToArray(),
            UploadedAt = Now, ByUserId = user.Id,
        };
        db.Add(attachment);
        await db.SaveChangesAsync(ct);
        return attachment;
    }

    public async Task<Outcome<AttachmentFile>> DownloadAsync(Guid exampleId, Guid attachmentId, CancellationToken ct)
    {
        var mine = governance.MyCollaborations();
        var file = await db.Set<ExampleAttachment>().AsNoTracking()
            .Where(a => a.Id == attachmentId && a.ExampleId == exampleId && db.Set<GoodExample>().Any(e => e.Id == exampleId && mine.Contains(e.CollaborationId)))
            .Select(a => new AttachmentFile(a.FileName, a.ContentType, a.Content)).FirstOrDefaultAsync(ct);
        return file is null ? Outcome.NotFound() : file;
    }
}
