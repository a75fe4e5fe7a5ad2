using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Features.Matching;

/// <summary>A collaboration's matching weights and commuting limit: read by its members, changed by a coordinator (logged).</summary>
public class WeightsModel(MatchingWork work, AppDbContext db) : ActionPage(db)
{
    [BindProperty] public WeightsInput Input { get; set; } = new();

    public SettingsShown? Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await ReloadAsync(id, ct))
        {
            return NotFound();
        }

        Input = WeightsInput.From(Shown!.Weights, Shown.Settings.MaxCommuteMinutes);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.ChangeSettingsAsync(id, Input, ct), "Vikterna är sparade och gäller från nästa matchning.", "Input", ct);

    protected override async Task<bool> ReloadAsync(Guid id, CancellationToken ct)
    {
        Shown = (await work.SettingsAsync(id, ct)).Value;
        return Shown is not null;
    }

    protected override string PathFor(Guid id) => $"/Matching/Weights/{id}";
}
