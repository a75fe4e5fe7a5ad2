using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Arbetsvagen.Features.Governance;

/// <summary>One meeting: agenda, attendance, minutes and decisions (each linked to what it decides), with forms for the group's members.</summary>
public class MeetingModel(GovernanceWork work, AppDbContext db) : ActionPage(db)
{
    [BindProperty] public MeetingDecisionInput Decision { get; set; } = new();
    [BindProperty] public MinutesInput Record { get; set; } = new();

    public MeetingShown? Shown { get; private set; }
    public List<SelectListItem> SubjectKinds => Ui.Options<DecisionSubject>(Decision.Subject ?? "none");
    public List<SelectListItem> Subjects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ReloadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDecisionAsync(Guid id, CancellationToken ct)
    {
        Decision.MeetingId = id;
        return await Answer(id, await work.DecideAsync(Decision, ct), "Beslutet är infört.", "Decision", ct);
    }

    public async Task<IActionResult> OnPostMinutesAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.RecordMinutesAsync(id, Record, ct), "Protokollet är sparat.", "Record", ct);

    protected override async Task<bool> ReloadAsync(Guid id, CancellationToken ct)
    {
        Shown = (await work.MeetingAsync(id, ct)).Value;
        if (Shown is null)
        {
            return false;
        }

        Subjects = [new SelectListItem("Inget", ""), .. (await work.SubjectChoicesAsync(Shown.Meeting.CollaborationId, ct))
            .Select(s => new SelectListItem(s.Label, s.Id.ToString()))];
        return true;
    }

    protected override string PathFor(Guid id) => $"/Governance/Meeting/{id}";
}
