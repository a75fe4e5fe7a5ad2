using Arbetsvagen.Features.Employers;
using Arbetsvagen.Features.Requirements;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Placements;

/// <summary>
/// What the create and edit pages share: the form (<c>_PlacementForm</c>), its spare rows for periods and
/// requirements (blank ones are skipped when saved, so no JavaScript is needed), and the workplaces to choose from,
/// grouped by employer; the employer follows from the workplace chosen.
/// </summary>
public abstract class PlacementFormPage : PageModel
{
    public const int BlankPeriods = 2;
    public const int BlankRequirements = 3;

    [BindProperty] public PlacementInput Form { get; set; } = new();
    public List<Employer> Employers { get; protected set; } = [];

    public abstract string Heading { get; }
    public abstract string SubmitText { get; }

    public RequirementsEditor Editor => new("Form.Requirements", "Requirements", Form.Requirements);

    /// <summary>The form's fields as they come on the page, for the error summary.</summary>
    public IReadOnlyList<string> FormOrder =>
    [
        "", "WorkplaceId", "Kind", "Occupation", "Tasks", "SupervisorName", "SupervisorPhone", "SupervisorEmail", "AccessibilityNote",
        "LanguageSupportNote", "Periods",
        .. Enumerable.Range(0, Form.Periods.Count).SelectMany(i => new[] { $"Periods[{i}].id", $"Periods[{i}].startsOn", $"Periods[{i}].endsOn", $"Periods[{i}].places" }),
        .. Editor.FieldKeys,
    ];

    /// <summary>Spare rows, also when the form comes back with errors.</summary>
    protected void AddBlankRows()
    {
        for (var i = Form.Periods.Count(p => p.IsBlank); i < BlankPeriods; i++)
        {
            Form.Periods.Add(new PeriodInput());
        }

        Form.Requirements.WithBlankRows(BlankRequirements);
    }

    protected IActionResult Refused(Failure failure)
    {
        // The form chooses the employer through its workplace: a message about the employer belongs at that field.
        if (failure.Errors is { } errors && errors.ContainsKey("employerId"))
        {
            failure = failure with { Errors = errors.ToDictionary(e => e.Key == "employerId" ? "workplaceId" : e.Key, e => e.Value) };
        }

        ModelState.Clear();
        ViewData.KeepErrorOrder(failure);
        var answer = ModelState.Show(failure);
        AddBlankRows();
        return answer ?? Page();
    }

    /// <summary>The form as the page shows a stored placement.</summary>
    protected static PlacementInput FormOf(Placement p) => new()
    {
        EmployerId = p.EmployerId, WorkplaceId = p.WorkplaceId, Kind = EnumText.ApiName(p.Kind),
        Occupation = PlacementDto.OccupationLabel(p.OccupationId), Tasks = p.Tasks, SupervisorName = p.SupervisorName, SupervisorPhone = p.SupervisorPhone,
        SupervisorEmail = p.SupervisorEmail, AccessibilityNote = p.AccessibilityNote, LanguageSupportNote = p.LanguageSupportNote,
        Periods = p.Periods.OrderBy(x => x.StartsOn).Select(x => new PeriodInput
        {
            Id = x.Id, StartsOn = Ui.Date(x.StartsOn), EndsOn = Ui.Date(x.EndsOn), Places = x.Places.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToList(),
        Requirements = RequirementsInput.From(PlacementWork.Ordered(p.Requirements)),
    };
}
