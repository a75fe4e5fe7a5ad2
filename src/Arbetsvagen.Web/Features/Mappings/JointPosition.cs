using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Mappings;

/// <summary>Riktning: the way to work the parties agree on.</summary>
public enum Direction
{
    [Display(Name = "Lokalt jobbspår")] JobTrack,
    [Display(Name = "Anställning")] Employment,
    [Display(Name = "Studier")] Studies,
    [Display(Name = "Förberedande insatser")] Preparatory,
    [Display(Name = "Annat")] Other,
}

/// <summary>Färgkategori: closeness to the labour market.</summary>
public enum Readiness
{
    [Display(Name = "Grön – nära arbetsmarknaden")] Green,
    [Display(Name = "Gul – osäker arbetsförmåga")] Yellow,
    [Display(Name = "Röd – långt från arbetsmarknaden")] Red,
}

/// <summary>
/// Gemensamt ställningstagande: the parties' joint conclusion on direction and readiness. Each one is a new
/// row; the participant's rows are the history and the latest decided one is current.
/// </summary>
public class JointPosition
{
    public const int MaxPeople = 1000;
    public const int MaxMotivation = 4000;
    public const int MaxParties = 20;

    /// <summary>The fields in the order of the form: the order of the messages when several are wrong.</summary>
    private static readonly string[] FormOrder = ["decidedOn", "direction", "readiness", "partyOrganisationIds", "people", "motivation"];

    private JointPosition() { }

    public Guid Id { get; private set; }
    public Guid ParticipantId { get; private set; }
    public DateOnly DecidedOn { get; private set; }
    public List<JointPositionParty> Parties { get; private set; } = [];
    public string? People { get; private set; }
    public Direction Direction { get; private set; }
    public Readiness Readiness { get; private set; }
    public string Motivation { get; private set; } = "";
    public Guid OrganisationId { get; private set; }
    public Guid BoundaryId { get; private set; }
    public Guid RecordedByUserId { get; private set; }
    public DateTime RecordedAt { get; private set; }

    /// <summary>
    /// Records a position. <paramref name="partyOrganisationIds"/> must already be known organisations (the caller
    /// checks the register). Adds rule violations to <paramref name="errors"/> and throws if there are any.
    /// </summary>
    public static JointPosition Record(Guid participantId, DateOnly decidedOn, IReadOnlyCollection<Guid> partyOrganisationIds, string? people,
        Direction direction, Readiness readiness, string? motivation, Guid organisationId, Guid boundaryId, Guid by, DateTime now,
        DateOnly today, Dictionary<string, string[]> errors)
    {
        Rules.NotInFuture(errors, "decidedOn", decidedOn, "Datum för ställningstagandet", today);
        if (partyOrganisationIds.Count == 0 && !errors.ContainsKey("partyOrganisationIds"))
        {
            errors["partyOrganisationIds"] = ["Parter: välj minst en organisation som deltog i ställningstagandet."];
        }
        else if (partyOrganisationIds.Count > MaxParties)
        {
            errors["partyOrganisationIds"] = [$"Parter: högst {MaxParties} organisationer."];
        }

        var who = Input.Text(errors, "people", people, "listan över personer som deltog", MaxPeople, required: false);
        var why = Input.Text(errors, "motivation", motivation, "motiveringen", MaxMotivation);
        Rules.ThrowIfAny(errors, FormOrder);

        var id = Guid.NewGuid();
        return new JointPosition
        {
            Id = id,
            ParticipantId = participantId,
            DecidedOn = decidedOn,
            Parties = partyOrganisationIds.Distinct().Select(o => new JointPositionParty { JointPositionId = id, OrganisationId = o }).ToList(),
            People = who,
            Direction = direction,
            Readiness = readiness,
            Motivation = why!,
            OrganisationId = organisationId,
            BoundaryId = boundaryId,
            RecordedByUserId = by,
            RecordedAt = now,
        };
    }
}

public class JointPositionParty
{
    public Guid JointPositionId { get; set; }
    public Guid OrganisationId { get; set; }
}
