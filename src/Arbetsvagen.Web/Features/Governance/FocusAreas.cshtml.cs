using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Arbetsvagen.Features.Governance;

/// <summary>The year's focus areas with goal, responsible group, activities and report-back, and the priority process behind them.</summary>
public class FocusAreasModel(GovernanceWork work, YearWork year, AppDbContext db) : ActionPage(db)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public FocusAreaReportInput Report { get; set; } = new();
    [BindProperty] public PriorityProposalInput Proposal { get; set; } = new();

    public Collaboration? Collaboration { get; private set; }
    public int ShownYear => Year ?? year.Today.Year;
    public List<FocusAreaShown> Areas { get; private set; } = [];
    public PriorityShown? Priority { get; private set; }
    public List<SelectListItem> Parties { get; private set; } = [];
    public bool MayReport => work.IsCoordinator;

    public async Task<IActionResult> OnGetAsync(Guid? collaborationId, CancellationToken ct) =>
        await ReloadAsync(collaborationId ?? Guid.Empty, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReportAsync(Guid collaborationId, Guid areaId, CancellationToken ct) =>
        await Answer(collaborationId, await year.ReportAsync(areaId, Report, ct), "Återrapporten är sparad.", "Report", ct);

    public async Task<IActionResult> OnPostProposalAsync(Guid collaborationId, CancellationToken ct)
    {
        Proposal.CollaborationId = collaborationId;
        return await Answer(collaborationId, await year.ProposeAsync(ShownYear, Proposal, ct), "Förslaget är lämnat.", "Proposal", ct);
    }

    protected override async Task<bool> ReloadAsync(Guid id, CancellationToken ct)
    {
        Collaboration = await work.CollaborationAsync(id == Guid.Empty ? null : id, ct);
        if (Collaboration is null)
        {
            return false;
        }

        Areas = await year.FocusAreasAsync(Collaboration.Id, ShownYear, ct);
        Priority = await year.PriorityAsync(Collaboration.Id, ShownYear, ct);
        Parties = [new SelectListItem("Välj …", ""), .. (await work.PartiesAsync(Collaboration.Id, ct)).Select(o => new SelectListItem(o.Name, o.Id.ToString()))];
        return true;
    }

    protected override string PathFor(Guid id) => $"/Governance/FocusAreas?collaborationId={id}&year={ShownYear}";
}
