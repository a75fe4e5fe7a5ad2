using Arbetsvagen.Features.Statistics;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.RegionalReport;

/// <summary>The collaboration's regional reports, and ordering a new one (the use cases of <c>/api/v1/reports</c>).</summary>
public class IndexModel(RegionalReportWork work, TimeProvider clock) : PageModel
{
    public List<RegionalReportShown> Reports { get; private set; } = [];
    public List<TargetGroupWork.CollaborationChoice> Collaborations { get; private set; } = [];
    public bool MayEdit => work.MayEdit;

    [BindProperty]
    public OrderForm Input { get; set; } = new();

    public sealed class OrderForm
    {
        public Guid? CollaborationId { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = SwedishTime.Today(clock);
        var last = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        Input = new OrderForm { From = last.AddMonths(-5).ToString("yyyy-MM", SwedishCollation.Culture), To = last.ToString("yyyy-MM", SwedishCollation.Culture) };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await work.GenerateAsync(new GenerateInput(Input.CollaborationId, Input.From, Input.To), ct);
        if (outcome.Value is { } created)
        {
            return Redirect($"/Reports/{created.Report.Id}");
        }

        if (ModelState.Show(outcome.Failure!, nameof(Input)) is { } status)
        {
            return status;
        }

        ViewData.KeepErrorOrder(outcome.Failure!, nameof(Input));
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Reports = await work.ListAsync(ct);
        Collaborations = MayEdit ? await work.CollaborationsAsync(ct) : [];
    }
}
