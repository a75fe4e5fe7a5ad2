using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.JobTracks;

/// <summary>A candidate's way through recruitment and training (seed 002), in order; see <see cref="JobTrackCandidate.MayMoveTo"/>.</summary>
public enum CandidateStage
{
    [Display(Name = "Föreslagen")] Proposed,
    [Display(Name = "AF-kontroll klar")] AfChecked,
    [Display(Name = "Informationsmöte")] InformationMeeting,
    [Display(Name = "Intervju")] Interview,
    [Display(Name = "Antagen")] Admitted,
    [Display(Name = "Påbörjad")] Started,
    [Display(Name = "Fullföljd")] Completed,
    [Display(Name = "Avbruten")] Discontinued,
    [Display(Name = "Anställd")] Hired,
}

/// <summary>
/// A participant proposed for a job track by their own caseworker. Personal data: whoever reads it needs access to the
/// participant (ParticipantAccess). Each move is a method that refuses an out-of-order step and writes a history row.
/// </summary>
public class JobTrackCandidate
{
    private JobTrackCandidate() { }

    public Guid Id { get; private set; }
    public Guid JobTrackId { get; private set; }
    public Guid ParticipantId { get; private set; }
    public Guid ProposedByUserId { get; private set; }
    public Guid ProposedByOrganisationId { get; private set; }
    public DateTime ProposedAt { get; private set; }
    public CandidateStage Stage { get; private set; }
    /// <summary>Raised by every move: two moves made from the same version cannot both be saved (concurrency token).</summary>
    public int Version { get; private set; }
    /// <summary>Recorded by an Arbetsförmedlare at the AF check: registered (inskriven) with Arbetsförmedlingen.</summary>
    public bool? AfRegistered { get; private set; }
    /// <summary>Recorded at the AF check: entitled to employment support (rätt till anställningsstöd).</summary>
    public bool? EntitledToEmploymentSupport { get; private set; }
    public DateOnly? StartedOn { get; private set; }
    public EmploymentForm? HiredAs { get; private set; }
    public DateOnly? HiredOn { get; private set; }
    public List<CandidateStageChange> History { get; private set; } = [];

    public static JobTrackCandidate Propose(Guid jobTrackId, Guid participantId, Guid by, Guid byOrganisation, DateTime now)
    {
        var candidate = new JobTrackCandidate
        {
            Id = Guid.NewGuid(), JobTrackId = jobTrackId, ParticipantId = participantId, ProposedByUserId = by,
            ProposedByOrganisationId = byOrganisation, ProposedAt = now, Stage = CandidateStage.Proposed,
        };
        candidate.History.Add(new CandidateStageChange(candidate.Id, null, CandidateStage.Proposed, by, now));
        return candidate;
    }

    /// <summary>The stages that may follow: the next in order, and "avbruten" from any stage up to the training's end.</summary>
    public static IReadOnlyList<CandidateStage> Following(CandidateStage stage) => stage switch
    {
        CandidateStage.Proposed => [CandidateStage.AfChecked, CandidateStage.Discontinued],
        CandidateStage.AfChecked => [CandidateStage.InformationMeeting, CandidateStage.Discontinued],
        CandidateStage.InformationMeeting => [CandidateStage.Interview, CandidateStage.Discontinued],
        CandidateStage.Interview => [CandidateStage.Admitted, CandidateStage.Discontinued],
        CandidateStage.Admitted => [CandidateStage.Started, CandidateStage.Discontinued],
        CandidateStage.Started => [CandidateStage.Completed, CandidateStage.Discontinued],
        CandidateStage.Completed => [CandidateStage.Hired],
        _ => [],
    };

    public bool MayMoveTo(CandidateStage to) => Following(Stage).Contains(to);

    /// <summary>Whether the candidate counts as admitted to the training (admitted or any stage after, but not dropped out).</summary>
    public bool IsAdmitted => Stage is CandidateStage.Admitted or CandidateStage.Started or CandidateStage.Completed or CandidateStage.Hired;

    public CandidateStageChange RecordAfCheck(bool registered, bool entitledToSupport, Guid by, DateTime now)
    {
        var change = Move(CandidateStage.AfChecked, by, now);
        AfRegistered = registered;
        EntitledToEmploymentSupport = entitledToSupport;
        return change;
    }

    /// <summary>Starts the training; the track must be running (the use case adds it to the person's action plan).</summary>
    public CandidateStageChange Start(JobTrack track, DateOnly on, Guid by, DateTime now)
    {
        // An out-of-order move says so first (Move); only a candidate ready to start waits for the track.
        if (MayMoveTo(CandidateStage.Started) && track.Stage != JobTrackStage.TrainingOngoing)
        {
            throw new ConflictException(
                $"Kandidaten kan påbörja utbildningen först när jobbspåret är i steget {JobTrack.Label(JobTrackStage.TrainingOngoing)}; nu är det {JobTrack.Label(track.Stage)}.");
        }

        var change = Move(CandidateStage.Started, by, now);
        StartedOn = on;
        return change;
    }

    public CandidateStageChange Hire(EmploymentForm form, DateOnly on, Guid by, DateTime now)
    {
        if (StartedOn is { } started && on < started)
        {
            throw new Infrastructure.ValidationException(new Dictionary<string, string[]>
            {
                ["date"] = [$"Anställningen kan inte börja före utbildningen ({started:yyyy-MM-dd})."],
            });
        }

        var change = Move(CandidateStage.Hired, by, now);
        HiredAs = form;
        HiredOn = on;
        return change;
    }

    /// <summary>Moves to a stage that records nothing more than the move itself.</summary>
    public CandidateStageChange MoveTo(CandidateStage to, Guid by, DateTime now)
    {
        if (to is CandidateStage.AfChecked or CandidateStage.Started or CandidateStage.Hired)
        {
            throw new InvalidOperationException($"{to} records more: use its own method.");
        }

        return Move(to, by, now);
    }

    private CandidateStageChange Move(CandidateStage to, Guid by, DateTime now)
    {
        if (!MayMoveTo(to))
        {
            var next = Following(Stage);
            var allowed = next.Count == 0 ? "Inga fler steg följer." : $"Nästa möjliga steg: {string.Join(" eller ", next.Select(Label))}.";
            throw new ConflictException($"Kandidaten är {Label(Stage)} och kan inte flyttas till {Label(to)}. {allowed}");
        }

        var change = new CandidateStageChange(Id, Stage, to, by, now);
        History.Add(change);
        Stage = to;
        Version++;
        return change;
    }

    /// <summary>What a second mover hears when someone else moved the candidate first.</summary>
    public const string ChangedByOthers = "Kandidatens steg ändrades av någon annan medan du hade jobbspåret öppet. Ladda om sidan och gör om ändringen.";

    /// <summary>Refuses a move made from a version the caller saw that is no longer the candidate's.</summary>
    public void CheckVersion(int? basedOnVersion)
    {
        if (basedOnVersion is { } seen && seen != Version)
        {
            throw new ConflictException($"{ChangedByOthers} (Du utgick från version {seen}; nu är den {Version}.)");
        }
    }

    internal static string Label(CandidateStage stage) => $"”{EnumText.Label(stage).ToLowerInvariant()}”";
}

public class CandidateStageChange
{
    private CandidateStageChange() { }

    public CandidateStageChange(Guid candidateId, CandidateStage? from, CandidateStage to, Guid by, DateTime at)
    {
        Id = Guid.NewGuid();
        CandidateId = candidateId;
        From = from;
        To = to;
        ByUserId = by;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid CandidateId { get; private set; }
    public CandidateStage? From { get; private set; }
    public CandidateStage To { get; private set; }
    public Guid ByUserId { get; private set; }
    public DateTime At { get; private set; }
}

/// <summary>
/// Interkommunal ersättning: a candidate whose home municipality is not the provider's makes the home municipality pay
/// the provider's the agreed price. Recorded when the candidate starts, from the track's weeks and price then.
/// Holds no person: the report counts and sums per municipality pair.
/// </summary>
public class InterMunicipalCompensation
{
    private InterMunicipalCompensation() { }

    public InterMunicipalCompensation(JobTrack track, Guid candidateId, string payerMunicipalityCode, string receiverMunicipalityCode, DateOnly startsOn,
        DateTime now)
    {
        Id = Guid.NewGuid();
        JobTrackId = track.Id;
        CandidateId = candidateId;
        PayerMunicipalityCode = payerMunicipalityCode;
        ReceiverMunicipalityCode = receiverMunicipalityCode;
        StartsOn = startsOn;
        Weeks = track.TrainingWeeks;
        Amount = track.CompensationAmount;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid JobTrackId { get; private set; }
    public Guid CandidateId { get; private set; }
    public string PayerMunicipalityCode { get; private set; } = "";
    public string ReceiverMunicipalityCode { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public int Weeks { get; private set; }
    public decimal Amount { get; private set; }
    public DateTime RecordedAt { get; private set; }
}
