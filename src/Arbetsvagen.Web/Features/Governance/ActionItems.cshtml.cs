using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Arbetsvagen.Features.Governance;

/// <summary>The activity list: every point with owner, due date and status; a new point; a status change by the owner.</summary>
public class ActionItemsModel(GovernanceWork work, YearWork year, AppDbContext db) : ActionPage(db)
{
    [BindProperty] public ActionItemInput Item { get; set; } = new();
    [BindProperty] public ActionItemStatusInput Status { get; set; } = new();

    public Collaboration? Collaboration { get; private set; }
    public List<ActionItemShown> Items { get; private set; } = [];
    public List<SelectListItem> Owners { get; private set; } = [];
    public Guid Me => work.UserId;
    public bool IsCoordinator => work.IsCoordinator;

    public async Task<IActionResult> OnGetAsync(Guid? collaborationId, CancellationToken ct) =>
        await ReloadAsync(collaborationId ?? Guid.Empty, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCreateAsync(Guid collaborationId, CancellationToken ct)
    {
        Item.CollaborationId = collaborationId;
        return await Answer(collaborationId, await year.CreateActionItemAsync(Item, ct), "Punkten är tillagd.", "Item", ct);
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid collaborationId, Guid itemId, CancellationToken ct) =>
        await Answer(collaborationId, await year.SetActionItemStatusAsync(itemId, Status, ct), "Status är ändrad.", "Status", ct);

    protected override async Task<bool> ReloadAsync(Guid id, CancellationToken ct)
    {
        Collaboration = await work.CollaborationAsync(id == Guid.Empty ? null : id, ct);
        if (Collaboration is null)
        {
            return false;
        }

        Items = await year.ActionItemsAsync(Collaboration.Id, mineOnly: false, overdueOnly: false, ct);
        Owners = [new SelectListItem("Välj …", ""), .. (await work.StaffAsync(Collaboration.Id, ct)).Select(u => new SelectListItem(u.DisplayName, u.Id.ToString()))];
        return true;
    }

    protected override string PathFor(Guid id) => $"/Governance/ActionItems?collaborationId={id}";
}
