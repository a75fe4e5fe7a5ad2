using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.JobTracks;

/// <summary>The collaboration's job tracks, optionally in one stage; candidates only as counts.</summary>
public class IndexModel(JobTrackWork work) : PageModel
{
    public List<JobTrackSummary> Tracks { get; private set; } = [];
    public string? Stage { get; private set; }
    public bool MayEdit => work.MayEdit;

    public async Task OnGetAsync(string? stage, CancellationToken ct)
    {
        var chosen = EnumText.TryParse<JobTrackStage>(stage, out var s) ? s : (JobTrackStage?)null;
        Stage = chosen is { } c ? EnumText.ApiName(c) : null;
        Tracks = await work.ListAsync(chosen, ct);
    }
}
