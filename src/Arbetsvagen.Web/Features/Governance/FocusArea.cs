using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Infrastructure;
using ValidationException = Arbetsvagen.Infrastructure.ValidationException;

namespace Arbetsvagen.Features.Governance;

public enum FocusAreaStatus
{
    [Display(Name = "Planerat")] Planned,
    [Display(Name = "Pågår")] Ongoing,
    [Display(Name = "Uppnått")] Achieved,
    [Display(Name = "Delvis uppnått")] PartlyAchieved,
    [Display(Name = "Inte uppnått")] NotAchieved,
}

/// <summary>Seed 003's three steps, in order.</summary>
public enum PriorityStage
{
    [Display(Name = "Förslag från organisationerna")] Proposals,
    [Display(Name = "Arbetsgruppens förslag")] WorkingGroupProposal,
    [Display(Name = "Beslutat på prioriteringsmötet")] Decided,
}

/// <summary>A focus area (fokusområde) of one year: goal, responsible group, activities, and the yearly report-back.</summary>
public class FocusArea
{
    public const int MaxTitle = 200;
    public const int MaxText = 8000;

    private FocusArea() { }

    public Guid Id { get; private set; }
    public Guid CollaborationId { get; private set; }
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    public string Goal { get; private set; } = "";
    public Guid? ResponsibleGroupId { get; private set; }
    public string Activities { get; private set; } = "";
    public string? ReportBack { get; private set; }
    public FocusAreaStatus Status { get; private set; }
    /// <summary>The decision that made it a focus area, when it came through the priority meeting.</summary>
    public Guid? DecisionId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static FocusArea Create(Guid collaborationId, int year, string title, string goal, Guid? responsibleGroupId, string activities, Guid? decisionId,
        DateTime now) => new()
        {
            Id = Guid.NewGuid(), CollaborationId = collaborationId, Year = year, Title = title, Goal = goal, ResponsibleGroupId = responsibleGroupId,
            Activities = activities, Status = FocusAreaStatus.Planned, DecisionId = decisionId, CreatedAt = now,
        };

    public void Report(string reportBack, FocusAreaStatus status, string? activities)
    {
        ReportBack = reportBack;
        Status = status;
        if (activities is not null)
        {
            Activities = activities;
        }
    }
}

/// <summary>
/// The year's priority process (seed 003): proposals from each organisation, then the working group's joint proposal,
/// then the decision at the priority meeting, which makes the chosen proposals the year's focus areas. Each step is
/// refused before the one it builds on.
/// </summary>
public class PriorityRound
{
    public const int MaxText = 8000;

    private PriorityRound() { }

    public Guid Id { get; private set; }
    public Guid CollaborationId { get; private set; }
    public int Year { get; private set; }
    public PriorityStage Stage { get; private set; }
    public string? WorkingGroupProposal { get; private set; }
    public DateTime? ProposedAt { get; private set; }
    public Guid? ProposedByUserId { get; private set; }
    public Guid? DecisionId { get; private set; }
    public int Version { get; private set; }
    public List<PriorityProposal> Proposals { get; private set; } = [];

    public static PriorityRound Start(Guid collaborationId, int year) =>
        new() { Id = Guid.NewGuid(), CollaborationId = collaborationId, Year = year, Stage = PriorityStage.Proposals };

    public PriorityProposal Propose(Guid organisationId, string title, string goal, Guid by, DateTime now)
    {
        if (Stage != PriorityStage.Proposals)
        {
            throw new ValidationException("step", $"Organisationernas förslag lämnas före arbetsgruppens förslag; {Year} är processen redan i steget {EnumText.Label(Stage).ToLowerInvariant()}.");
        }

        var proposal = new PriorityProposal { Id = Guid.NewGuid(), RoundId = Id, OrganisationId = organisationId, Title = title, Goal = goal, CreatedAt = now, ByUserId = by };
        Proposals.Add(proposal);
        Version++;
        return proposal;
    }

    /// <summary>Step 2: the working group anchors the proposals and puts forward the ones it recommends.</summary>
    public void ProposeByWorkingGroup(IReadOnlyCollection<Guid> chosen, string text, Guid by, DateTime now)
    {
        if (Stage != PriorityStage.Proposals)
        {
            throw new ValidationException("step", $"Arbetsgruppens förslag är redan lämnat för {Year}.");
        }

        if (Proposals.Count == 0)
        {
            throw new ValidationException("step", "Arbetsgruppens förslag bygger på organisationernas förslag: inget förslag är lämnat ännu.");
        }

        if (chosen.Count == 0 || chosen.Any(id => Proposals.All(p => p.Id != id)))
        {
            throw new ValidationException("proposalIds", "Välj minst ett av organisationernas förslag.");
        }

        foreach (var proposal in Proposals)
        {
            proposal.Recommended = chosen.Contains(proposal.Id);
        }

        WorkingGroupProposal = text;
        ProposedAt = now;
        ProposedByUserId = by;
        Stage = PriorityStage.WorkingGroupProposal;
        Version++;
    }

    /// <summary>Step 3: the priority meeting decides; the recommended proposals become the year's focus areas.</summary>
    public List<FocusArea> Decide(Decision decision, Guid? responsibleGroupId, DateTime now)
    {
        if (Stage != PriorityStage.WorkingGroupProposal)
        {
            throw new ValidationException("step", Stage == PriorityStage.Decided
                ? $"Prioriteringen för {Year} är redan beslutad."
                : "Prioriteringsmötet beslutar om arbetsgruppens förslag: arbetsgruppen har inte lämnat något förslag ännu.");
        }

        DecisionId = decision.Id;
        Stage = PriorityStage.Decided;
        Version++;
        return Proposals.Where(p => p.Recommended)
            .Select(p => FocusArea.Create(CollaborationId, Year, p.Title, p.Goal, responsibleGroupId, "", decision.Id, now)).ToList();
    }
}

public class PriorityProposal
{
    public const int MaxTitle = 200;
    public const int MaxGoal = 4000;

    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public Guid OrganisationId { get; set; }
    public string Title { get; set; } = "";
    public string Goal { get; set; } = "";
    public bool Recommended { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid ByUserId { get; set; }
}
