using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Core.Participants;

/// <summary>
/// The participant list, for the page and the API alike: the participants the user may see that match a search, one
/// page in name order, and one search row in the access log naming the ids returned.
/// </summary>
public sealed class ParticipantList(ParticipantAccess access, AccessLogger log, TimeProvider clock)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
    public const int MaxSearchLength = 200;

    public static Paged<ParticipantListItem> Empty(int page = 1) => new([], page, DefaultPageSize, 0);

    public async Task<Outcome<Paged<ParticipantListItem>>> SearchAsync(string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1 || pageSize is < 1 or > MaxPageSize)
        {
            errors[page is < 1 ? "page" : "pageSize"] = [$"Sida börjar på 1 och sidstorleken ska vara 1–{MaxPageSize}."];
        }

        if (search is { Length: > MaxSearchLength })
        {
            errors["search"] = [$"Söktexten får vara högst {MaxSearchLength} tecken, nu {search.Length}."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var result = await PageAsync(search, page ?? 1, pageSize ?? DefaultPageSize, ct);
        await log.RecordAsync(AccessAction.Search, "Participant", null, resultIds: result.Items.Select(i => i.Id), ct: ct);
        return result;
    }

    private async Task<Paged<ParticipantListItem>> PageAsync(string? search, int page, int pageSize, CancellationToken ct)
    {
        var today = SwedishTime.Today(clock);
        var (ownPart, sharedPart) = access.VisibleParts();
        var own = Matching(ownPart, search, today);
        var shared = Matching(sharedPart, search, today);
        var total = await own.CountAsync(ct) + await shared.CountAsync(ct);
        // (page - 1) * pageSize overflows int for an absurd page number; such a page simply lies past the end.
        var skip = (int)Math.Min(((long)page - 1) * pageSize, int.MaxValue);
        var wanted = (int)Math.Min((long)skip + pageSize, int.MaxValue);
        // Each half gives its first `wanted` rows in name order (the own half straight from the boundary-and-name index),
        // and the database merges those: the page never sorts a whole boundary (ADR 0009).
        var items = await Ordered(Ordered(own).Take(wanted).Concat(Ordered(shared).Take(wanted)))
            .Skip(skip).Take(pageSize)
            .Select(p => new { p.Id, p.IdentityNumber, p.FirstName, p.LastName, p.Gender, p.HomeMunicipalityCode, p.OwnerOrganisationId, p.OwnerBoundaryId, p.UpdatedAt })
            .ToListAsync(ct);
        var boundary = access.Boundary;
        return new Paged<ParticipantListItem>(items.Select(p => new ParticipantListItem(p.Id, p.IdentityNumber, p.FirstName, p.LastName,
            EnumText.ApiName(p.Gender), p.HomeMunicipalityCode, p.OwnerOrganisationId, p.OwnerBoundaryId != boundary, p.UpdatedAt)).ToList(),
            page, pageSize, total);
    }

    private static IQueryable<Participant> Ordered(IQueryable<Participant> participants) =>
        participants.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id);

    /// <summary>
    /// A full or partial identity number (digits, with or without separator) matches from the start;
    /// otherwise every word must occur in the name.
    /// </summary>
    private static IQueryable<Participant> Matching(IQueryable<Participant> query, string? search, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return query;
        }

        var text = search.Trim();
        if (PersonalIdentityNumber.TryParse(text, today, out var number, out _))
        {
            return query.Where(p => p.IdentityNumber == number.Value);
        }

        var digits = new string(text.Where(char.IsDigit).ToArray());
        if (digits.Length >= 4 && text.All(c => char.IsDigit(c) || c is '-' or '+' or ' '))
        {
            return query.Where(p => p.IdentityNumber.StartsWith(digits) || p.IdentityNumber.Substring(2).StartsWith(digits));
        }

        if (text.StartsWith("TF", StringComparison.OrdinalIgnoreCase) && text.Length == 12)
        {
            var reference = text.ToUpperInvariant();
            return query.Where(p => p.IdentityNumber == reference);
        }

        foreach (var word in Participant.NormaliseForSearch(text).Split(' '))
        {
            query = NameContains(query, word);
        }

        return query;
    }

    /// <summary>
    /// A word anywhere in the normalised name, as LIKE '%word%' (with LIKE's own characters escaped) rather than
    /// strpos/instr, so that PostgreSQL can answer it from the trigram index (migration 0024, ADR 0019).
    /// </summary>
    public static IQueryable<Participant> NameContains(IQueryable<Participant> query, string word)
    {
        var pattern = "%" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return query.Where(p => EF.Functions.Like(p.SearchName, pattern, "\\"));
    }
}
