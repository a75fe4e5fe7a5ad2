using System.Globalization;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Attendance;

/// <summary>The form's fields as typed; hours as text so that "1,5" works as Swedish users write it.</summary>
public sealed class ActivityForm
{
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? Place { get; set; }
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    public List<string>? Days { get; set; }
    public string? HoursPerDay { get; set; }

    public ActivityInput ToInput() => new()
    {
        Kind = Kind, Name = Name, Place = Place, StartsOn = StartsOn, EndsOn = EndsOn, Days = Days, HoursPerDay = Hours.Parse(HoursPerDay),
    };
}

public static class Hours
{
    public static decimal? Parse(string? text) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var hours) ? hours : null;

    public static string Format(decimal hours) => hours.ToString("0.##", CultureInfo.GetCultureInfo("sv-SE"));
}

public class IndexModel(AttendanceWork work, TimeProvider clock) : PageModel
{
    public const string HoursUnreadable = "Skriv timmar per dag som ett tal, till exempel 1 eller 2,5.";

    [BindProperty] public ActivityForm Input { get; set; } = new();
    public List<Activity> Activities { get; private set; } = [];
    public DateOnly Today => SwedishTime.Today(clock);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.StartsOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Input.HoursPerDay = "1";
        return await ListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var input = Input.ToInput();
        var outcome = await work.ScheduleAsync(input, ct);
        if (outcome is { Failure: null, Value: { } activity })
        {
            TempData["Message"] = $"Aktiviteten {activity.Name} är schemalagd.";
            return Redirect($"/Activities/{activity.Id}");
        }

        var failure = outcome.Failure!;
        if (failure.Errors is { } errors && input.HoursPerDay is null && !string.IsNullOrWhiteSpace(Input.HoursPerDay))
        {
            // The form sends text ("1,5"); what could not be read as a number is not missing.
            failure = failure with { Errors = errors.ToDictionary(e => e.Key, e => e.Key == "hoursPerDay" ? new[] { HoursUnreadable } : e.Value) };
        }

        return ModelState.Show(failure, "Input") ?? await ListAsync(ct);
    }

    private async Task<IActionResult> ListAsync(CancellationToken ct)
    {
        if (await work.ListAsync(ct) is not { Failure: null, Value: { } activities })
        {
            return Forbid();
        }

        Activities = activities;
        return Page();
    }
}
