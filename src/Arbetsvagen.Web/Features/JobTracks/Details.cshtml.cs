using Arbetsvagen.Features.Requirements;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Features.JobTracks;

/// <summary>
/// One job track: its stages with the moves allowed now, competence team, documents, decision, requirement profile,
/// the candidates the user may see (the rest as a count) with their next steps, and the results. Each form runs the
/// same use case as its API endpoint.
/// </summary>
public class DetailsModel(JobTrackWork work, AppDbContext db, CurrentUser user, ITrackDecisions decisions) : ActionPage(db)
{
    [BindProperty] public StageInput StageForm { get; set; } = new();
    [BindProperty] public TeamMemberInput Member { get; set; } = new();
    [BindProperty] public DocumentInput Document { get; set; } = new();
    [BindProperty] public DecisionInput Decision { get; set; } = new();
    [BindProperty] public ProfileInput Profile { get; set; } = new();
    [BindProperty] public ProposalInput Proposal { get; set; } = new();
    [BindProperty] public CandidateStageInput Move { get; set; } = new();

    public JobTrackShown? Shown { get; private set; }
    public JobTrackResults? Results { get; private set; }
    /// <summary>The collaboration's decisions about this track (the steering group's start), each linked to its meeting.</summary>
    public List<TrackDecision> Decisions { get; private set; } = [];
    public JobTrack Track => Shown!.Track;
    public bool IsEmploymentOfficer => user.IsInRole(Roles.EmploymentOfficer);
    public RequirementsEditor Editor => new("Profile.Requirements", "Profile.Requirements",
        (Profile.Requirements ?? RequirementsInput.From(Track.Requirements)).WithBlankRows(2));

    public string Name(Guid id) => Shown!.Names.GetValueOrDefault(id, "okänd");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, read: true, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStageAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.MoveAsync(id, StageForm, ct), "Jobbspåret har flyttats till nästa steg.", "StageForm", ct);

    public async Task<IActionResult> OnPostTeamAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.AddTeamMemberAsync(id, Member, ct), "Personen är tillagd i kompetensteamet.", "Member", ct);

    public async Task<IActionResult> OnPostDocumentAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.AddDocumentAsync(id, Document, ct), "Dokumentet är registrerat.", "Document", ct);

    public async Task<IActionResult> OnPostDecisionAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.RecordDecisionAsync(id, Decision, ct), "Styrgruppens beslut är registrerat.", "Decision", ct);

    public async Task<IActionResult> OnPostRequirementsAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.SetRequirementsAsync(id, Profile, ct), "Kravprofilen är sparad.", "Profile", ct);

    public async Task<IActionResult> OnPostProposeAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.ProposeAsync(id, Proposal, ct), "Kandidaten är föreslagen.", "Proposal", ct);

    /// <summary>A candidate's move: its form sits on the candidate's row, so its messages are shown above all forms.</summary>
    public async Task<IActionResult> OnPostCandidateAsync(Guid id, Guid candidateId, CancellationToken ct)
    {
        var outcome = await work.MoveCandidateAsync(id, candidateId, Move, ct);
        if (outcome.Failure is { Kind: OutcomeKind.Invalid } invalid)
        {
            outcome = Outcome.Conflict(string.Join(" ", invalid.Errors!.Values.SelectMany(m => m)));
        }

        return await Answer(id, outcome, "Kandidaten har flyttats till nästa steg.", "Move", ct);
    }

    protected override Task<bool> ReloadAsync(Guid id, CancellationToken ct) => LoadAsync(id, read: false, ct);

    protected override string PathFor(Guid id) => $"/JobTracks/Details/{id}";

    private async Task<bool> LoadAsync(Guid id, bool read, CancellationToken ct)
    {
        if ((await work.ReadAsync(id, ct, logRead: read)).Value is not { } shown)
        {
            return false;
        }

        Shown = shown;
        Results = (await work.ResultsAsync(id, ct)).Value;
        Decisions = await decisions.ForTrackAsync(id, ct);
        return true;
    }
}
