using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Features.Requirements;
using Arbetsvagen.Infrastructure;
using ValidationException = Arbetsvagen.Infrastructure.ValidationException;

namespace Arbetsvagen.Features.JobTracks;

/// <summary>Seed 002's process, in order; <see cref="Cancelled"/> ends it from any open stage.</summary>
public enum JobTrackStage
{
    [Display(Name = "Idé")] Idea,
    [Display(Name = "Behovsfångst")] NeedsCapture,
    [Display(Name = "Planering")] Planning,
    [Display(Name = "Beslutad")] Decided,
    [Display(Name = "Rekrytering")] Recruitment,
    [Display(Name = "Utbildning pågår")] TrainingOngoing,
    [Display(Name = "Avslutad")] Completed,
    [Display(Name = "Inställd")] Cancelled,
}

/// <summary>Who runs the training: an AF-procured AUB (avsiktsförklaring) or the municipality's adult education (leverantörsavtal).</summary>
public enum TrainingRegi
{
    [Display(Name = "Arbetsförmedlingens regi")] EmploymentService,
    [Display(Name = "Kommunens regi")] Municipality,
}

public enum EmploymentForm
{
    [Display(Name = "Tillsvidareanställning med provanställning")] PermanentWithProbation,
    [Display(Name = "Extratjänst")] ExtraJob,
    [Display(Name = "Nystartsjobb")] NewStartJob,
    [Display(Name = "Introduktionsjobb")] IntroductionJob,
    [Display(Name = "Lönebidrag")] WageSubsidy,
    [Display(Name = "Anställningsstöd")] EmploymentSupport,
}

public enum JobTrackDocumentKind
{
    [Display(Name = "Avsiktsförklaring")] LetterOfIntent,
    [Display(Name = "Leverantörsavtal")] SupplierAgreement,
}

/// <summary>What the agreed price of the interkommunal ersättning is counted per.</summary>
public enum PriceUnit
{
    [Display(Name = "Per vecka")] PerWeek,
    [Display(Name = "Per utbildning")] PerCourse,
}

/// <summary>What a job track is made of when it is created; the use case has parsed and checked each field.</summary>
public sealed record JobTrackDesign(string Title, IReadOnlyList<Guid> EmployerIds, string OccupationConceptId, string Ssyk4, Guid ProviderOrganisationId,
    string TrainingComponents, DateOnly TrainingStartsOn, int TrainingWeeks, TrainingRegi Regi, EmploymentForm EmploymentForm,
    string WorkplaceMunicipalityCode, int Places, int ExpectedHires, string? PublicDescription, decimal Price, PriceUnit PriceUnit);

/// <summary>
/// A local job track (lokalt jobbspår): an employer's need turned into a training that leads to employment, designed
/// by a competence team and started by the steering group's decision. Owned by one organisation and shared across its
/// collaboration; it holds no personal data itself — the candidates are in <see cref="JobTrackCandidate"/>.
/// Each stage move is a method that checks what the new stage needs and writes a history row.
/// </summary>
public class JobTrack
{
    public const int MaxTitle = 200;
    public const int MaxComponents = 500;
    public const int MaxDescription = 4000;
    public const int MaxReference = 100;

    private JobTrack() { }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string OccupationConceptId { get; private set; } = "";
    public string Ssyk4 { get; private set; } = "";
    public Guid ProviderOrganisationId { get; private set; }
    public string TrainingComponents { get; private set; } = "";
    public DateOnly TrainingStartsOn { get; private set; }
    public int TrainingWeeks { get; private set; }
    public TrainingRegi Regi { get; private set; }
    public EmploymentForm EmploymentForm { get; private set; }
    public string WorkplaceMunicipalityCode { get; private set; } = "";
    public int Places { get; private set; }
    public int ExpectedHires { get; private set; }
    /// <summary>Plain Swedish for the public page: what the work is and how to apply through one's caseworker.</summary>
    public string? PublicDescription { get; private set; }
    public decimal Price { get; private set; }
    public PriceUnit PriceUnit { get; private set; }
    public DateOnly? DecisionOn { get; private set; }
    public string? DecisionReference { get; private set; }
    public JobTrackStage Stage { get; private set; }
    /// <summary>Raised by every stage move and edit: two changes made from the same version cannot both be saved (concurrency token).</summary>
    public int Version { get; private set; }
    public Guid OwnerOrganisationId { get; private set; }
    public Guid OwnerCollaborationId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public List<JobTrackEmployer> Employers { get; private set; } = [];
    public List<Requirement> Requirements { get; private set; } = [];
    public List<TeamMember> Team { get; private set; } = [];
    public List<JobTrackDocument> Documents { get; private set; } = [];
    public List<JobTrackStageChange> History { get; private set; } = [];

    public DateOnly TrainingEndsOn => TrainingStartsOn.AddDays(TrainingWeeks * 7 - 1);

    public bool IsOpen => Stage is not (JobTrackStage.Completed or JobTrackStage.Cancelled);

    public static JobTrack Create(JobTrackDesign d, Guid ownerOrganisationId, Guid collaborationId, Guid by, DateTime now)
    {
        var track = new JobTrack
        {
            Id = Guid.NewGuid(), Title = d.Title, OccupationConceptId = d.OccupationConceptId, Ssyk4 = d.Ssyk4,
            ProviderOrganisationId = d.ProviderOrganisationId, TrainingComponents = d.TrainingComponents, TrainingStartsOn = d.TrainingStartsOn,
            TrainingWeeks = d.TrainingWeeks, Regi = d.Regi, EmploymentForm = d.EmploymentForm, WorkplaceMunicipalityCode = d.WorkplaceMunicipalityCode,
            Places = d.Places, ExpectedHires = d.ExpectedHires, PublicDescription = d.PublicDescription, Price = d.Price, PriceUnit = d.PriceUnit,
            Stage = JobTrackStage.Idea, OwnerOrganisationId = ownerOrganisationId, OwnerCollaborationId = collaborationId, CreatedAt = now,
            CreatedByUserId = by,
        };
        track.Employers = d.EmployerIds.Distinct().Select(e => new JobTrackEmployer { JobTrackId = track.Id, EmployerId = e }).ToList();
        track.History.Add(new JobTrackStageChange(track.Id, null, JobTrackStage.Idea, by, now));
        return track;
    }

    /// <summary>
    /// Sets the basic fields to <paramref name="d"/> (an edit after creation) and answers the Swedish names of those that
    /// changed. Only while the track is open, and from the version the editor saw when given.
    /// </summary>
    public List<string> Revise(JobTrackDesign d, int? basedOnVersion)
    {
        CheckVersion(basedOnVersion);
        RequireOpen("grunduppgifterna");
        var changed = new List<string>();
        void Set<T>(string label, T now, T next, Action<T> assign)
        {
            if (!EqualityComparer<T>.Default.Equals(now, next))
            {
                assign(next);
                changed.Add(label);
            }
        }

        Set("namn", Title, d.Title, v => Title = v);
        Set("yrke", OccupationConceptId, d.OccupationConceptId, v => (OccupationConceptId, Ssyk4) = (v, d.Ssyk4));
        Set("utbildningsanordnare", ProviderOrganisationId, d.ProviderOrganisationId, v => ProviderOrganisationId = v);
        Set("upplägg", TrainingComponents, d.TrainingComponents, v => TrainingComponents = v);
        Set("startdatum", TrainingStartsOn, d.TrainingStartsOn, v => TrainingStartsOn = v);
        Set("längd i veckor", TrainingWeeks, d.TrainingWeeks, v => TrainingWeeks = v);
        Set("regi", Regi, d.Regi, v => Regi = v);
        Set("anställningsform", EmploymentForm, d.EmploymentForm, v => EmploymentForm = v);
        Set("arbetsplatsens kommun", WorkplaceMunicipalityCode, d.WorkplaceMunicipalityCode, v => WorkplaceMunicipalityCode = v);
        Set("platser", Places, d.Places, v => Places = v);
        Set("förväntade anställningar", ExpectedHires, d.ExpectedHires, v => ExpectedHires = v);
        Set("beskrivning för allmänheten", PublicDescription, d.PublicDescription, v => PublicDescription = v);
        Set("pris", Price, d.Price, v => Price = v);
        Set("prisets enhet", PriceUnit, d.PriceUnit, v => PriceUnit = v);
        var employers = d.EmployerIds.Distinct().ToHashSet();
        if (!employers.SetEquals(Employers.Select(e => e.EmployerId)))
        {
            Employers.RemoveAll(e => !employers.Contains(e.EmployerId));
            var added = employers.Where(e => Employers.All(x => x.EmployerId != e)).Select(e => new JobTrackEmployer { JobTrackId = Id, EmployerId = e }).ToList();
            Employers.AddRange(added);
            changed.Add("arbetsgivare");
        }

        Version++;
        return changed;
    }

    /// <summary>The one stage that may follow <paramref name="stage"/> (besides cancelling), or null at the end.</summary>
    public static JobTrackStage? NextAfter(JobTrackStage stage) =>
        stage is JobTrackStage.Completed or JobTrackStage.Cancelled ? null : stage + 1;

    /// <summary>What is missing before the track may enter <paramref name="to"/>, in plain Swedish; null when nothing is.</summary>
    public string? Missing(JobTrackStage to) => to switch
    {
        JobTrackStage.Planning when Team.Count == 0 => "Planering kräver ett kompetensteam: lägg till minst en person.",
        JobTrackStage.Decided when DecisionReference is null && Documents.Count == 0 =>
            "Beslutad kräver styrgruppens beslut (datum och diarienummer) och en avsiktsförklaring eller ett leverantörsavtal.",
        JobTrackStage.Decided when DecisionReference is null => "Beslutad kräver styrgruppens beslut (datum och diarienummer).",
        JobTrackStage.Decided when Documents.Count == 0 => "Beslutad kräver en avsiktsförklaring eller ett leverantörsavtal.",
        JobTrackStage.Recruitment when Requirements.Count == 0 => "Rekrytering kräver en kravprofil med minst ett krav.",
        _ => null,
    };

    /// <summary>Whether <paramref name="to"/> is the next stage (or a cancel) and has what it needs: the buttons a page offers.</summary>
    public bool MayMoveTo(JobTrackStage to) => IsOpen && (to == JobTrackStage.Cancelled || (to == NextAfter(Stage) && Missing(to) is null));

    /// <summary>
    /// Moves the track one stage on (or cancels it). <paramref name="candidatesAdmitted"/> is how many candidates are
    /// admitted or further: a training does not start without anyone admitted.
    /// </summary>
    public JobTrackStageChange MoveTo(JobTrackStage to, int candidatesAdmitted, Guid by, DateTime now, int? basedOnVersion = null)
    {
        CheckVersion(basedOnVersion);
        if (!IsOpen)
        {
            throw new ConflictException($"Jobbspåret är {Label(Stage)} och kan inte flyttas till {Label(to)}.");
        }

        if (to != JobTrackStage.Cancelled && to != NextAfter(Stage))
        {
            throw new ConflictException(
                $"Jobbspåret är i steget {Label(Stage)} och kan inte flyttas till {Label(to)}. Nästa steg är {Label(NextAfter(Stage)!.Value)}.");
        }

        var missing = Missing(to) ?? (to == JobTrackStage.TrainingOngoing && candidatesAdmitted == 0
            ? "Utbildning pågår kräver minst en antagen kandidat."
            : null);
        if (missing is not null)
        {
            throw new ConflictException(missing);
        }

        var change = new JobTrackStageChange(Id, Stage, to, by, now);
        Stage = to;
        Version++;
        History.Add(change);
        return change;
    }

    /// <summary>What a second writer hears when someone else changed the track first (from a stale version, or at the same moment).</summary>
    public const string ChangedByOthers = "Jobbspåret ändrades av någon annan medan du hade det öppet. Ladda om sidan och gör om ändringen.";

    /// <summary>
    /// Refuses a change made from a version the caller saw (the page's hidden field, the API's optional basedOnVersion)
    /// that is no longer the track's. Without a version only the concurrency token guards against a simultaneous change.
    /// </summary>
    public void CheckVersion(int? basedOnVersion)
    {
        if (basedOnVersion is { } seen && seen != Version)
        {
            throw new ConflictException($"{ChangedByOthers} (Du utgick från version {seen}; nu är den {Version}.)");
        }
    }

    public TeamMember AddTeamMember(string name, string role, string organisation)
    {
        RequireOpen("kompetensteamet");
        var member = new TeamMember { Id = Guid.NewGuid(), JobTrackId = Id, Name = name, Role = role, Organisation = organisation };
        Team.Add(member);
        return member;
    }

    public JobTrackDocument AddDocument(JobTrackDocumentKind kind, DateOnly date, string reference)
    {
        RequireOpen("dokumenten");
        var document = new JobTrackDocument { Id = Guid.NewGuid(), JobTrackId = Id, Kind = kind, Date = date, Reference = reference };
        Documents.Add(document);
        return document;
    }

    /// <summary>The steering group's start decision: recorded before the move to "beslutad", which needs it.</summary>
    public void RecordDecision(DateOnly on, string reference)
    {
        if (Stage > JobTrackStage.Decided)
        {
            throw new ConflictException($"Styrgruppens beslut ändras inte när jobbspåret är {Label(Stage)}.");
        }

        DecisionOn = on;
        DecisionReference = reference;
    }

    /// <summary>Replaces the requirement profile; once recruitment has begun candidates are judged against it, so it is fixed.</summary>
    public void SetRequirements(IReadOnlyList<Requirement> requirements)
    {
        if (Stage >= JobTrackStage.Recruitment)
        {
            throw new ConflictException($"Kravprofilen ändras inte när jobbspåret är {Label(Stage)}: kandidaterna har redan bedömts mot den.");
        }

        Requirements.Clear();
        Requirements.AddRange(requirements);
    }

    /// <summary>The compensation a candidate from another municipality gives: per week of the training, or once for it.</summary>
    public decimal CompensationAmount => PriceUnit == PriceUnit.PerWeek ? Price * TrainingWeeks : Price;

    private void RequireOpen(string what)
    {
        if (!IsOpen)
        {
            throw new ConflictException($"Jobbspåret är {Label(Stage)}; {what} ändras inte längre.");
        }
    }

    internal static string Label(JobTrackStage stage) => $"”{EnumText.Label(stage).ToLowerInvariant()}”";
}

public class JobTrackEmployer
{
    public Guid JobTrackId { get; set; }
    public Guid EmployerId { get; set; }
}

/// <summary>One person in the competence team: staff of the parties, never a participant.</summary>
public class TeamMember
{
    public const int MaxText = 200;
    public Guid Id { get; set; }
    public Guid JobTrackId { get; set; }
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string Organisation { get; set; } = "";
}

public class JobTrackDocument
{
    public Guid Id { get; set; }
    public Guid JobTrackId { get; set; }
    public JobTrackDocumentKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public string Reference { get; set; } = "";
}

public class JobTrackStageChange
{
    private JobTrackStageChange() { }

    public JobTrackStageChange(Guid jobTrackId, JobTrackStage? from, JobTrackStage to, Guid by, DateTime at)
    {
        Id = Guid.NewGuid();
        JobTrackId = jobTrackId;
        From = from;
        To = to;
        ByUserId = by;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid JobTrackId { get; private set; }
    public JobTrackStage? From { get; private set; }
    public JobTrackStage To { get; private set; }
    public Guid ByUserId { get; private set; }
    public DateTime At { get; private set; }
}

internal static class Rules
{
    public static void ThrowIfAny(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }
}
