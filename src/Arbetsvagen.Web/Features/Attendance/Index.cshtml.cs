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

public class IndexModel(AttendanceWork work, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty] public ActivityForm Input { get; set; } = new();
    public List<Activity> Activities { get; private set; } = [];
    public DateOnly Today => SwedishTime.Today(clock);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.IsCaseworker)
        {
            return Forbid();
        }

        Input.StartsOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Input.HoursPerDay = "1";
        Activities = await work.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!user.IsCaseworker)
        {
            return Forbid();
        }

        ModelState.Clear();
        try
        {
            var activity = await work.ScheduleAsync(Input.ToInput(), ct);
            TempData["Message"] = $"Aktiviteten {activity.Name} är schemalagd.";
            return Redirect($"/Activities/{activity.Id}");
        }
        catch (ValidationException e)
        {
            ModelState.AddErrors(e.Errors, "Input");
            Activities = await work.ListAsync(ct);
            return Page();
        }
    }
}
