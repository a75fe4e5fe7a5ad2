using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Features.Kaa;

/// <summary>
/// One young person in KAA: school situation, periods, contacts, measures and plan; for their KAA officer the forms that
/// record outreach, measures, the plan, an exit, a handover to another municipality and a consent to share.
/// </summary>
public class YouthModel(KaaWork work, AppDbContext db) : ActionPage(db)
{
    public KaaYouth Youth { get; private set; } = null!;
    public bool MayChange { get; private set; }
    public List<Organisation> HandoverTargets { get; private set; } = [];
    public List<Organisation> ShareRecipients { get; private set; } = [];

    /// <summary>The reasons an officer may give; "fyllt 20" and a handover are set by the system.</summary>
    public List<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> ExitReasons => Ui.Options<KaaExitReason>(null, includeEmpty: true)
        .Where(o => o.Value is not ("turnedTwenty" or "handedOverOut")).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ReloadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOutreachAsync(Guid id, [Bind(Prefix = "Outreach")] OutreachInput input, CancellationToken ct) =>
        await Answer(id, await work.RecordOutreachAsync(id, input, ct), "Kontakten är registrerad.", "Outreach", ct);

    public async Task<IActionResult> OnPostMeasureAsync(Guid id, [Bind(Prefix = "Measure")] MeasureInput input, CancellationToken ct) =>
        await Answer(id, await work.AddMeasureAsync(id, input, ct), "Åtgärden är registrerad.", "Measure", ct);

    public async Task<IActionResult> OnPostPlanAsync(Guid id, [Bind(Prefix = "Plan")] PlanInput input, CancellationToken ct) =>
        await Answer(id, await work.WritePlanAsync(id, input, ct), "Planen är sparad.", "Plan", ct);

    public async Task<IActionResult> OnPostExitAsync(Guid id, [Bind(Prefix = "Exit")] ExitInput input, CancellationToken ct) =>
        await Answer(id, await work.ExitAsync(id, input, ct), "Perioden i aktivitetsansvaret är avslutad.", "Exit", ct);

    public async Task<IActionResult> OnPostHandoverAsync(Guid id, [Bind(Prefix = "Handover")] HandoverInput input, CancellationToken ct)
    {
        var outcome = await work.HandOverAsync(id, input, ct);
        if (outcome.IsOk)
        {
            TempData["Message"] = "Personen är överlämnad till den andra kommunens aktivitetsansvar.";
            return Redirect("/Kaa");
        }

        return await Answer(id, outcome, "", "Handover", ct);
    }

    public async Task<IActionResult> OnPostShareAsync(Guid id, [Bind(Prefix = "Share")] ShareInput input, CancellationToken ct) =>
        await Answer(id, await work.ShareAsync(id, input, ct), "Samtycket är registrerat.", "Share", ct);

    protected override async Task<bool> ReloadAsync(Guid id, CancellationToken ct)
    {
        if ((await work.ReadAsync(id, ct)).Value is not { } youth)
        {
            return false;
        }

        Youth = youth;
        MayChange = work.MayChange(youth);
        if (MayChange)
        {
            HandoverTargets = await work.CollaboratingKaaUnitsAsync(ct);
            ShareRecipients = await work.ShareRecipientsAsync(ct);
        }

        return true;
    }

    protected override string PathFor(Guid id) => $"/Kaa/Youth/{id}";
}
