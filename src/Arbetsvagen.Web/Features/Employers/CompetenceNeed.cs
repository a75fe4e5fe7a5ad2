using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Employers;

public enum NeedStatus
{
    [Display(Name = "Inkommen")] Received,
    [Display(Name = "Under bearbetning")] InProgress,
    [Display(Name = "Hanterad")] Handled,
    [Display(Name = "Avböjd")] Declined,
}

/// <summary>What the employer reports: people it needs, or a placement it offers.</summary>
public enum NeedKind
{
    [Display(Name = "Kompetensbehov")] Recruitment,
    [Display(Name = "Erbjuder praktikplats")] PlacementOffer,
}

public enum NeedSource
{
    [Display(Name = "Registrerat av handläggare")] Register,
    [Display(Name = "Webbformulär")] WebForm,
}

/// <summary>The form of employment the employer offers for a need (what the job track's employment form later decides).</summary>
public enum NeedEmploymentForm
{
    [Display(Name = "Inte bestämt")] NotDecided,
    [Display(Name = "Tillsvidare med provanställning")] PermanentWithProbation,
    [Display(Name = "Visstidsanställning")] FixedTerm,
    [Display(Name = "Extratjänst")] ExtraJob,
    [Display(Name = "Nystartsjobb")] FreshStartJob,
    [Display(Name = "Introduktionsjobb")] IntroductionJob,
    [Display(Name = "Lönebidrag")] WageSubsidy,
    [Display(Name = "Anställningsstöd")] EmploymentSupport,
    [Display(Name = "Ingen anställning (praktik)")] NoEmployment,
}

/// <summary>
/// A competence need (behovsfångst): an occupation, how many people, from when, what they must know and what
/// employment is offered. Its status moves inkommen → under bearbetning → hanterad, or to avböjd with a reason, each
/// move a method that refuses it out of order and writes a history row. A need from the public form is linked to the
/// employer when its organisationsnummer is in the register, and otherwise keeps only what the sender gave.
/// </summary>
public class CompetenceNeed
{
    public const int MaxRequirements = 4000;
    public const int MaxReason = 2000;
    public const int MaxPeople = 1000;

    private CompetenceNeed()
    {
    }

    public Guid Id { get; private set; }
    public Guid CollaborationId { get; private set; }
    public Guid? EmployerId { get; private set; }
    public NeedKind Kind { get; private set; }
    public NeedSource Source { get; private set; }
    /// <summary>JobTech occupation-name concept id; null only for a web-form need that named the occupation in words.</summary>
    public string? OccupationConceptId { get; private set; }
    /// <summary>The occupation's SSYK 2012 unit group, kept with it so that matching and reports need no taxonomy join.</summary>
    public string? Ssyk4 { get; private set; }
    /// <summary>The occupation as the sender of the web form wrote it.</summary>
    public string? OccupationText { get; private set; }
    public int NumberOfPeople { get; private set; }
    public DateOnly? FromDate { get; private set; }
    public string? Requirements { get; private set; }
    public NeedEmploymentForm EmploymentForm { get; private set; }
    public string? MunicipalityCode { get; private set; }
    public NeedStatus Status { get; private set; }
    public string? DeclineReason { get; private set; }
    /// <summary>The job track that answers the need (filled by the job-track feature; no reference to its type).</summary>
    public Guid? AnsweredByJobTrackId { get; private set; }
    /// <summary>The placement that answers the need (filled by the placement feature).</summary>
    public Guid? AnsweredByPlacementId { get; private set; }
    public string? SenderOrganisationNumber { get; private set; }
    public string? SenderName { get; private set; }
    /// <summary>The sender's contact person: personal data, read through the access log like the register's contacts.</summary>
    public string? SenderContactName { get; private set; }
    public string? SenderPhone { get; private set; }
    public string? SenderEmail { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid? CreatedByUserId { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public List<NeedStatusChange> History { get; private set; } = [];

    public static CompetenceNeed Register(Employer employer, NeedKind kind, string occupationConceptId, string ssyk4, int people, DateOnly? from,
        string? requirements, NeedEmploymentForm form, string? municipalityCode, Guid by, DateTime now)
    {
        var need = New(employer.OwnerCollaborationId, kind, NeedSource.Register, people, from, requirements, form, municipalityCode, now);
        need.EmployerId = employer.Id;
        need.OccupationConceptId = occupationConceptId;
        need.Ssyk4 = ssyk4;
        need.CreatedByUserId = by;
        need.Record(null, NeedStatus.Received, by, now, null);
        return need;
    }

    /// <summary>A need sent through the public form, as the sender gave it; it waits for the collaboration's coordinators.</summary>
    public static CompetenceNeed FromWebForm(Guid collaborationId, Guid? employerId, NeedKind kind, string occupationText, string? conceptId, string? ssyk4,
        int people, DateOnly? from, string? requirements, NeedEmploymentForm form, string municipalityCode, string organisationNumber, string senderName,
        string contactName, string? phone, string? email, DateTime now)
    {
        var need = New(collaborationId, kind, NeedSource.WebForm, people, from, requirements, form, municipalityCode, now);
        need.EmployerId = employerId;
        need.OccupationText = occupationText;
        need.OccupationConceptId = conceptId;
        need.Ssyk4 = ssyk4;
        need.SenderOrganisationNumber = organisationNumber;
        need.SenderName = senderName;
        need.SenderContactName = contactName;
        need.SenderPhone = phone;
        need.SenderEmail = email;
        need.Record(null, NeedStatus.Received, null, now, "Via webbformuläret");
        return need;
    }

    private static CompetenceNeed New(Guid collaborationId, NeedKind kind, NeedSource source, int people, DateOnly? from, string? requirements,
        NeedEmploymentForm form, string? municipalityCode, DateTime now) => new()
    {
        Id = Guid.NewGuid(), CollaborationId = collaborationId, Kind = kind, Source = source, NumberOfPeople = people, FromDate = from,
        Requirements = requirements, EmploymentForm = form, MunicipalityCode = municipalityCode, Status = NeedStatus.Received, CreatedAt = now,
        UpdatedAt = now,
    };

    public bool IsOpen => Status is NeedStatus.Received or NeedStatus.InProgress;

    /// <summary>Someone takes the need on (inkommen → under bearbetning).</summary>
    public void StartProcessing(Guid by, DateTime now)
    {
        Require(NeedStatus.Received, "Bara ett inkommet behov kan tas upp för bearbetning.");
        Record(Status, NeedStatus.InProgress, by, now, null);
    }

    /// <summary>The need is met (under bearbetning → hanterad), by a job track or a placement when one answers it.</summary>
    public void Handle(Guid? jobTrackId, Guid? placementId, Guid by, DateTime now)
    {
        Require(NeedStatus.InProgress, "Bara ett behov under bearbetning kan markeras som hanterat.");
        AnsweredByJobTrackId = jobTrackId ?? AnsweredByJobTrackId;
        AnsweredByPlacementId = placementId ?? AnsweredByPlacementId;
        Record(Status, NeedStatus.Handled, by, now, null);
    }

    /// <summary>
    /// Records the job track or placement that answers the need (one of each kind at most), and the need is handled:
    /// an incoming need passes through "under bearbetning" on the way, each move a history row with the answer named in
    /// the last. A handled need may get another answer (a history row says so); a declined one none.
    /// </summary>
    public void AnswerBy(NeedAnswerKind kind, Guid answerId, string answer, Guid by, DateTime now)
    {
        if (Status == NeedStatus.Declined)
        {
            throw new ConflictException("Ett avböjt behov kan inte besvaras av ett jobbspår eller en praktikplats.");
        }

        if (kind == NeedAnswerKind.JobTrack)
        {
            AnsweredByJobTrackId = answerId;
        }
        else
        {
            AnsweredByPlacementId = answerId;
        }

        if (Status == NeedStatus.Received)
        {
            Record(Status, NeedStatus.InProgress, by, now, null);
        }

        Record(Status, NeedStatus.Handled, by, now, $"Besvaras av {(kind == NeedAnswerKind.JobTrack ? "jobbspåret" : "praktikplatsen")} {answer}");
    }

    /// <summary>The collaboration cannot meet the need; the reason is required and kept.</summary>
    public void Decline(string? reason, Guid by, DateTime now)
    {
        if (!IsOpen)
        {
            throw new ConflictException($"Bara ett inkommet behov eller ett behov under bearbetning kan avböjas. Behovet är {EnumText.Label(Status).ToLowerInvariant()}.");
        }

        var errors = new Dictionary<string, string[]>();
        var text = Input.Text(errors, "reason", reason, "skälet till att behovet avböjs", MaxReason);
        if (errors.Count > 0)
        {
            throw new Infrastructure.ValidationException(errors);
        }

        DeclineReason = text;
        Record(Status, NeedStatus.Declined, by, now, text);
    }

    private void Require(NeedStatus expected, string message)
    {
        if (Status != expected)
        {
            throw new ConflictException($"{message} Behovet är {EnumText.Label(Status).ToLowerInvariant()}.");
        }
    }

    private void Record(NeedStatus? from, NeedStatus to, Guid? by, DateTime now, string? note)
    {
        Status = to;
        UpdatedAt = now;
        History.Add(new NeedStatusChange { Id = Guid.NewGuid(), NeedId = Id, From = from, To = to, At = now, ByUserId = by, Note = note });
    }
}

/// <summary>
/// One move of a need's status: from, to, when, by whom (none for the public form). Moves made at the same instant
/// (answering an incoming need) are listed in the order of the statuses, which is the order they were made in.
/// </summary>
public class NeedStatusChange
{
    public Guid Id { get; set; }
    public Guid NeedId { get; set; }
    public NeedStatus? From { get; set; }
    public NeedStatus To { get; set; }
    public DateTime At { get; set; }
    public Guid? ByUserId { get; set; }
    public string? Note { get; set; }
}
