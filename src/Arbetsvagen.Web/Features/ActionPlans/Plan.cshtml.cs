using System.Globalization;
using System.Text.RegularExpressions;
using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Features.ActionPlans;

/// <summary>
/// The participant's action plan for staff: the current plan, a form that saves a whole new revision (existing
/// activities plus a few blank rows; a blank row is ignored, a ticked "ta bort" drops the activity) and the
/// revision history, where any earlier version can be read (?revision=n).
/// </summary>
public class PlanModel(ActionPlanWork work, AppDbContext db, TimeProvider clock) : ActionPage(db)
{
    public const int BlankRows = 3;
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly Regex ActivityKey = new(@"^activities\[(\d+)\]", RegexOptions.None, TimeSpan.FromSeconds(1));

    [BindProperty] public RevisionInput Form { get; set; } = new();
    /// <summary>Form rows (indexes) whose activity is to be removed from the plan.</summary>
    [BindProperty] public List<int> RemoveRows { get; set; } = [];
    [BindProperty(SupportsGet = true)] public int? Revision { get; set; }

    public Guid ParticipantId { get; private set; }
    public string ParticipantName { get; private set; } = "";
    public ActionPlan? Plan { get; private set; }
    public List<ActionPlanRevision> Revisions { get; private set; } = [];
    public ActionPlanRevision? Shown { get; private set; }
    public Dictionary<Guid, string> Organisations { get; private set; } = [];
    /// <summary>The scheduled activities a plan activity may link to, labelled with their organiser (<see cref="ActionPlanWork.BookableAsync"/>).</summary>
    public List<BookableActivity> Scheduled { get; private set; } = [];
    public DateOnly Today => SwedishTime.Today(clock);

    public string OrganisationName(Guid id) => Organisations.GetValueOrDefault(id, "okänd organisation");

    public static string Hours(decimal hours) => hours.ToString("0.#", Swedish);

    public static string Label<T>(string apiName) where T : struct, Enum => EnumText.TryParse<T>(apiName, out var v) ? EnumText.Label(v) : apiName;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, fillForm: true, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var rows = Enumerable.Range(0, Form.Activities.Count).Where(i => !RemoveRows.Contains(i) && !IsBlank(Form.Activities[i])).ToList();
        var input = new RevisionInput
        {
            BasedOnVersion = Form.BasedOnVersion, Goal = Form.Goal, Direction = Form.Direction, StartsOn = Form.StartsOn, EndsOn = Form.EndsOn,
            ReviewOn = Form.ReviewOn, Comment = Form.Comment, Activities = rows.Select(i => Form.Activities[i]).ToList(),
        };
        var outcome = await work.ReviseAsync(id, input, ct);
        if (outcome.Failure is { Errors: { } errors } failure)
        {
            // The use case numbers the activities it got; the form numbers its rows, blank and removed ones included.
            outcome = failure with
            {
                Errors = errors.ToDictionary(
                    pair => ActivityKey.Replace(pair.Key, m => $"activities[{rows[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)]}]"),
                    pair => pair.Value),
            };
        }

        return await Answer(id, outcome, "Handlingsplanen är sparad.", prefix: "", ct);
    }

    /// <summary>The form's fields as they come on the page, so that the error summary lists them in that order.</summary>
    public IReadOnlyList<string> FormOrder =>
    [
        "", "BasedOnVersion", "Goal", "Direction", "ReviewOn", "StartsOn", "EndsOn", "Activities",
        .. Enumerable.Range(0, Form.Activities.Count).SelectMany(i => ActivityFields.Select(f => $"Activities[{i}].{f}")),
        "Comment",
    ];

    private static readonly string[] ActivityFields =
        ["id", "kind", "status", "description", "provider", "startsOn", "endsOn", "hoursPerWeek", "activityId", "result"];

    protected override Task<bool> ReloadAsync(Guid id, CancellationToken ct) => LoadAsync(id, fillForm: false, ct);

    protected override string PathFor(Guid id) => $"/Participants/{id}/Plan";

    private static bool IsBlank(PlanActivityInput a) => a.Id is null && a.ActivityId is null && new[]
        { a.Kind, a.Description, a.Provider, a.StartsOn, a.EndsOn, a.HoursPerWeek, a.Result }.All(string.IsNullOrWhiteSpace);

    private async Task<bool> LoadAsync(Guid id, bool fillForm, CancellationToken ct)
    {
        if ((await work.ReadAsync(id, ct)).Value is not { } found)
        {
            return false;
        }

        ParticipantId = id;
        ParticipantName = $"{found.Grant.Participant.FirstName} {found.Grant.Participant.LastName}";
        Plan = found.Plan;
        Revisions = found.Revisions;
        Shown = Revision is { } n && n != Plan?.Version ? Revisions.FirstOrDefault(r => r.Number == n) : null;
        Organisations = await work.OrganisationNamesAsync(Revisions.Select(r => r.ByOrganisationId), ct);
        Scheduled = await work.BookableAsync(Plan, ct);
        var today = Today;
        if (fillForm)
        {
            Form = Plan is null
                ? new RevisionInput { BasedOnVersion = 0, StartsOn = Ui.Date(today), EndsOn = Ui.Date(today.AddMonths(6)), ReviewOn = Ui.Date(today.AddMonths(1)) }
                : new RevisionInput
                {
                    BasedOnVersion = Plan.Version, Goal = Plan.Goal, Direction = EnumText.ApiName(Plan.Direction), StartsOn = Ui.Date(Plan.StartsOn),
                    EndsOn = Ui.Date(Plan.EndsOn), ReviewOn = Ui.Date(Plan.ReviewOn),
                    Activities = Plan.Activities.OrderBy(a => a.StartsOn).ThenBy(a => a.Description).Select(a => new PlanActivityInput
                    {
                        Id = a.Id, Kind = EnumText.ApiName(a.Kind), Description = a.Description, ActivityId = a.ActivityId, Provider = a.Provider,
                        StartsOn = Ui.Date(a.StartsOn), EndsOn = Ui.Date(a.EndsOn), HoursPerWeek = Hours(a.HoursPerWeek),
                        Status = EnumText.ApiName(a.Status), Result = a.Result,
                    }).ToList(),
                };
        }

        // Always a few blank rows to add activities, also when the form comes back with errors.
        for (var i = Form.Activities.Count(IsBlank); i < BlankRows; i++)
        {
            Form.Activities.Add(new PlanActivityInput());
        }

        return true;
    }
}
