using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Governance;

public enum AgreementStatus
{
    [Display(Name = "Utkast")] Draft,
    [Display(Name = "Gällande")] Active,
    [Display(Name = "Avslutad")] Ended,
}

/// <summary>One section of an agreement's attachment (seed 002's "Målgrupp", "Organisering av samverkan" …) as structured text.</summary>
public sealed record AgreementSectionText(string Heading, string Body);

/// <summary>What an agreement says; the use case has read and checked every field.</summary>
public sealed record AgreementText(string Title, string Purpose, string TargetGroups, DateOnly StartsOn, DateOnly EndsOn, AgreementStatus Status,
    IReadOnlyList<Guid> PartyIds, IReadOnlyList<AgreementSectionText> Sections);

/// <summary>
/// An agreement (överenskommelse) between the collaboration's parties for a period. Every change after the first
/// version is a revision: the text it replaced is kept as a snapshot with who changed it, when and why.
/// </summary>
public class Agreement
{
    public const int MaxTitle = 200;
    public const int MaxText = 4000;
    public const int MaxSectionBody = 20000;

    private Agreement() { }

    public Guid Id { get; private set; }
    public Guid CollaborationId { get; private set; }
    public string Title { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public string TargetGroups { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public AgreementStatus Status { get; private set; }
    public int Revision { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public List<AgreementParty> Parties { get; private set; } = [];
    public List<AgreementSection> Sections { get; private set; } = [];
    public List<AgreementRevision> Revisions { get; private set; } = [];

    public string Period => $"{StartsOn.Year}–{EndsOn.Year}";

    public static Agreement Create(Guid collaborationId, AgreementText text, Guid by, DateTime now)
    {
        var agreement = new Agreement { Id = Guid.NewGuid(), CollaborationId = collaborationId, Revision = 1, CreatedAt = now, CreatedByUserId = by };
        agreement.Apply(text);
        agreement.Revisions.Add(new AgreementRevision
        {
            Id = Guid.NewGuid(), AgreementId = agreement.Id, Number = 1, At = now, ByUserId = by, Note = "Första versionen", Snapshot = "",
        });
        return agreement;
    }

    /// <summary>A new revision: the previous text is kept whole in the revision row.</summary>
    public AgreementRevision Revise(AgreementText text, string note, Guid by, DateTime now)
    {
        var snapshot = JsonSerializer.Serialize(new
        {
            Title, Purpose, TargetGroups, StartsOn, EndsOn, Status = EnumText.ApiName(Status),
            Parties = Parties.Select(p => p.OrganisationId), Sections = Sections.OrderBy(s => s.Position).Select(s => new { s.Heading, s.Body }),
        });
        Apply(text);
        Revision++;
        var revision = new AgreementRevision { Id = Guid.NewGuid(), AgreementId = Id, Number = Revision, At = now, ByUserId = by, Note = note, Snapshot = snapshot };
        Revisions.Add(revision);
        return revision;
    }

    private void Apply(AgreementText text)
    {
        Title = text.Title;
        Purpose = text.Purpose;
        TargetGroups = text.TargetGroups;
        StartsOn = text.StartsOn;
        EndsOn = text.EndsOn;
        Status = text.Status;
        Parties.RemoveAll(p => !text.PartyIds.Contains(p.OrganisationId));
        Parties.AddRange(text.PartyIds.Distinct().Where(id => Parties.All(p => p.OrganisationId != id))
            .Select(id => new AgreementParty { AgreementId = Id, OrganisationId = id }));
        Sections.Clear();
        Sections.AddRange(text.Sections.Select((s, i) => new AgreementSection { Id = Guid.NewGuid(), AgreementId = Id, Position = i + 1, Heading = s.Heading, Body = s.Body }));
    }
}

public class AgreementParty
{
    public Guid AgreementId { get; set; }
    public Guid OrganisationId { get; set; }
}

public class AgreementSection
{
    public const int MaxHeading = 200;

    public Guid Id { get; set; }
    public Guid AgreementId { get; set; }
    public int Position { get; set; }
    public string Heading { get; set; } = "";
    public string Body { get; set; } = "";
}

/// <summary>One version of an agreement: number, who and when, why, and the text it replaced (JSON; empty for the first).</summary>
public class AgreementRevision
{
    public const int MaxNote = 500;

    public Guid Id { get; set; }
    public Guid AgreementId { get; set; }
    public int Number { get; set; }
    public DateTime At { get; set; }
    public Guid ByUserId { get; set; }
    public string Note { get; set; } = "";
    public string Snapshot { get; set; } = "";
}
