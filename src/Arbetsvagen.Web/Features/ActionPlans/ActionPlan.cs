using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Features.Mappings;
using System.Text.Json;
using Arbetsvagen.Infrastructure;
using ValidationException = Arbetsvagen.Infrastructure.ValidationException;

namespace Arbetsvagen.Features.ActionPlans;

public enum PlanActivityStatus
{
    [Display(Name = "Planerad")] Planned,
    [Display(Name = "Pågår")] Ongoing,
    [Display(Name = "Genomförd")] Completed,
    [Display(Name = "Avbruten")] Interrupted,
    [Display(Name = "Inställd")] Cancelled,
}

/// <summary>What a revision sets an activity to; <see cref="Id"/> is null for a new activity.</summary>
public sealed record PlanActivityDraft(Guid? Id, ActivityKind Kind, string Description, Guid? ActivityId, string Provider, DateOnly StartsOn,
    DateOnly EndsOn, decimal HoursPerWeek, PlanActivityStatus Status, string? Result);

/// <summary>
/// The participant's one living action plan (handlingsplan). It is changed only by <see cref="Revise"/>, which
/// validates the whole plan, keeps the activities' ids stable (attendance refers to them) and appends a
/// revision with who, when, what changed and a snapshot, so every earlier version stays readable.
/// </summary>
public class ActionPlan
{
    public const int MaxActivities = 30;
    public const decimal MaxHoursPerWeek = 40;

    private ActionPlan() { }

    public Guid Id { get; private set; }
    public Guid ParticipantId { get; private set; }
    public string Goal { get; private set; } = "";
    public Direction Direction { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public DateOnly ReviewOn { get; private set; }
    /// <summary>Number of the latest revision; a revision based on an older one is refused (409).</summary>
    public int Version { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public Guid UpdatedByUserId { get; private set; }
    public Guid UpdatedByOrganisationId { get; private set; }
    public List<PlanActivity> Activities { get; private set; } = [];

    public static ActionPlan Create(Guid participantId) => new() { Id = Guid.NewGuid(), ParticipantId = participantId };

    public bool IsReviewOverdue(DateOnly today) => ReviewOn < today;

    /// <summary>Sets the whole plan and returns the revision that records the change.</summary>
    public ActionPlanRevision Revise(int basedOnVersion, string goal, Direction direction, DateOnly startsOn, DateOnly endsOn, DateOnly reviewOn,
        IReadOnlyList<PlanActivityDraft> activities, string? comment, Guid by, Guid byOrganisation, DateTime now)
    {
        if (basedOnVersion != Version)
        {
            throw new ConflictException(
                $"Planen har ändrats av någon annan sedan du öppnade den (version {Version}, du utgick från {basedOnVersion}). Läs in den igen.");
        }

        var errors = new Dictionary<string, string[]>();
        CheckRules(goal, startsOn, endsOn, reviewOn, activities, comment, errors);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var before = Version == 0 ? null : Snapshot();

        Goal = goal.Trim();
        Direction = direction;
        StartsOn = startsOn;
        EndsOn = endsOn;
        ReviewOn = reviewOn;
        var kept = new List<PlanActivity>();
        foreach (var draft in activities)
        {
            var activity = draft.Id is { } id ? Activities.Single(a => a.Id == id) : new PlanActivity(Id);
            activity.Set(draft);
            kept.Add(activity);
        }

        Activities.RemoveAll(a => !kept.Contains(a));
        foreach (var added in kept.Where(a => !Activities.Contains(a)))
        {
            Activities.Add(added);
        }

        Version++;
        UpdatedAt = now;
        UpdatedByUserId = by;
        UpdatedByOrganisationId = byOrganisation;
        var after = Snapshot();
        return new ActionPlanRevision(Id, Version, by, byOrganisation, now, comment?.Trim(), Describe(before, after), JsonSerializer.Serialize(after));
    }

    /// <summary>
    /// The plan's own rules, added to <paramref name="errors"/>. A field already there (text that could not be read)
    /// is not judged again, and rules that compare with it are skipped, so one answer can name every problem at once.
    /// </summary>
    public void CheckRules(string goal, DateOnly startsOn, DateOnly endsOn, DateOnly reviewOn, IReadOnlyList<PlanActivityDraft> activities,
        string? comment, Dictionary<string, string[]> errors)
    {
        bool Read(params string[] fields) => fields.All(f => !errors.ContainsKey(f));
        var found = new Dictionary<string, string[]>();
        void Add(string field, string message) => found.TryAdd(field, [message]);
        Input.Text(found, "goal", goal, "planens målbeskrivning", 2000);

        var periodRead = Read("startsOn", "endsOn");
        if (periodRead && endsOn < startsOn)
        {
            Add("endsOn", "Planens slutdatum kan inte ligga före startdatum.");
        }

        if (periodRead && Read("reviewOn") && (reviewOn < startsOn || reviewOn > endsOn))
        {
            Add("reviewOn", "Datum för uppföljning av planen ska ligga inom planperioden.");
        }

        Input.Text(found, "comment", comment, "kommentaren", 1000, required: false);

        if (activities.Count > MaxActivities)
        {
            Add("activities", $"En plan kan ha högst {MaxActivities} aktiviteter.");
        }

        for (var i = 0; i < activities.Count; i++)
        {
            var a = activities[i];
            var at = $"activities[{i}]";
            if (a.Id is { } id && Activities.All(existing => existing.Id != id))
            {
                Add($"{at}.id", "Aktiviteten finns inte i planen.");
            }

            Input.Text(found, $"{at}.description", a.Description, "aktivitetens beskrivning", 500);
            Input.Text(found, $"{at}.provider", a.Provider, "anordnaren", 200, required: false);

            if (Read($"{at}.startsOn", $"{at}.endsOn"))
            {
                if (a.EndsOn < a.StartsOn)
                {
                    Add($"{at}.endsOn", "Aktivitetens slutdatum kan inte ligga före startdatum.");
                }
                else if (periodRead && (a.StartsOn < startsOn || a.EndsOn > endsOn))
                {
                    Add($"{at}.startsOn", $"Aktiviteten ligger utanför planperioden {startsOn:yyyy-MM-dd}–{endsOn:yyyy-MM-dd}.");
                }
            }

            if (Read($"{at}.hoursPerWeek") && a.HoursPerWeek is < 0 or > MaxHoursPerWeek)
            {
                Add($"{at}.hoursPerWeek", $"Timmar per vecka ska vara mellan 0 och {MaxHoursPerWeek}.");
            }

            Input.Text(found, $"{at}.result", a.Result, "resultatbeskrivningen", 2000, required: false);
        }

        if (activities.Where(a => a.Id is not null).GroupBy(a => a.Id).Any(g => g.Count() > 1))
        {
            Add("activities", "Samma aktivitet finns två gånger i planen.");
        }

        foreach (var (field, messages) in found)
        {
            errors.TryAdd(field, messages);
        }
    }

    public PlanSnapshot Snapshot() => new(Goal, EnumText.ApiName(Direction), StartsOn, EndsOn, ReviewOn, Activities
        .OrderBy(a => a.StartsOn).ThenBy(a => a.Description)
        .Select(a => new PlanActivitySnapshot(a.Id, EnumText.ApiName(a.Kind), a.Description, a.ActivityId, a.Provider, a.StartsOn, a.EndsOn,
            a.HoursPerWeek, EnumText.ApiName(a.Status), a.Result))
        .ToList());

    /// <summary>A plain Swedish account of what a revision changed, one line per change.</summary>
    public static string Describe(PlanSnapshot? before, PlanSnapshot after)
    {
        if (before is null)
        {
            return $"Planen upprättades med {after.Activities.Count} {(after.Activities.Count == 1 ? "aktivitet" : "aktiviteter")}.";
        }

        var lines = new List<string>();
        if (before.Goal != after.Goal) lines.Add("Målet ändrades.");
        if (before.Direction != after.Direction) lines.Add($"Inriktning: {Label<Direction>(before.Direction)} → {Label<Direction>(after.Direction)}.");
        if (before.StartsOn != after.StartsOn || before.EndsOn != after.EndsOn)
            lines.Add($"Planperiod: {before.StartsOn:yyyy-MM-dd}–{before.EndsOn:yyyy-MM-dd} → {after.StartsOn:yyyy-MM-dd}–{after.EndsOn:yyyy-MM-dd}.");
        if (before.ReviewOn != after.ReviewOn) lines.Add($"Uppföljningsdatum: {before.ReviewOn:yyyy-MM-dd} → {after.ReviewOn:yyyy-MM-dd}.");
        foreach (var added in after.Activities.Where(a => before.Activities.All(b => b.Id != a.Id)))
            lines.Add($"Ny aktivitet: {added.Description}.");
        foreach (var removed in before.Activities.Where(b => after.Activities.All(a => a.Id != b.Id)))
            lines.Add($"Borttagen aktivitet: {removed.Description}.");
        foreach (var changed in after.Activities.Where(a => before.Activities.Any(b => b.Id == a.Id && b != a)))
        {
            var old = before.Activities.Single(b => b.Id == changed.Id);
            var what = new List<string>();
            if (old.Status != changed.Status) what.Add($"status {Label<PlanActivityStatus>(old.Status)} → {Label<PlanActivityStatus>(changed.Status)}");
            if (old.StartsOn != changed.StartsOn || old.EndsOn != changed.EndsOn) what.Add("datum");
            if (old.HoursPerWeek != changed.HoursPerWeek) what.Add($"timmar/vecka {old.HoursPerWeek:0.#} → {changed.HoursPerWeek:0.#}");
            if (old.Result != changed.Result) what.Add("resultat");
            if (old.Kind != changed.Kind || old.Description != changed.Description || old.Provider != changed.Provider || old.ActivityId != changed.ActivityId)
                what.Add("beskrivning/anordnare");
            lines.Add($"Ändrad aktivitet {changed.Description}: {string.Join(", ", what)}.");
        }

        return lines.Count == 0 ? "Inga ändringar i innehållet." : string.Join("\n", lines);
    }

    /// <summary>The Swedish label of a snapshot's API name: the change text is read by people, not programs.</summary>
    private static string Label<T>(string apiName) where T : struct, Enum =>
        EnumText.TryParse<T>(apiName, out var value) ? EnumText.Label(value).ToLowerInvariant() : apiName;
}

public sealed record PlanSnapshot(string Goal, string Direction, DateOnly StartsOn, DateOnly EndsOn, DateOnly ReviewOn, List<PlanActivitySnapshot> Activities);

public sealed record PlanActivitySnapshot(Guid Id, string Kind, string Description, Guid? ActivityId, string Provider, DateOnly StartsOn, DateOnly EndsOn,
    decimal HoursPerWeek, string Status, string? Result);

/// <summary>One activity in the plan. <see cref="ActivityId"/> links it to a scheduled <c>Activity</c> where attendance is registered.</summary>
public class PlanActivity
{
    private PlanActivity() { }

    public PlanActivity(Guid planId)
    {
        Id = Guid.NewGuid();
        PlanId = planId;
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public ActivityKind Kind { get; private set; }
    public string Description { get; private set; } = "";
    public Guid? ActivityId { get; private set; }
    /// <summary>Who runs it: a unit, an employer or a school, as text (the scheduled activity names the unit when linked).</summary>
    public string Provider { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public decimal HoursPerWeek { get; private set; }
    public PlanActivityStatus Status { get; private set; }
    public string? Result { get; private set; }

    /// <summary>Whether the participant takes part in the scheduled activity on <paramref name="date"/>.</summary>
    public bool TakesPartOn(DateOnly date) => StartsOn <= date && date <= EndsOn && Attends(Status);

    /// <summary>Whether an activity in this state is attended: not when cancelled or interrupted.</summary>
    public static bool Attends(PlanActivityStatus status) =>
        status is PlanActivityStatus.Planned or PlanActivityStatus.Ongoing or PlanActivityStatus.Completed;

    internal void Set(PlanActivityDraft d)
    {
        Kind = d.Kind;
        Description = d.Description.Trim();
        ActivityId = d.ActivityId;
        Provider = d.Provider.Trim();
        StartsOn = d.StartsOn;
        EndsOn = d.EndsOn;
        HoursPerWeek = d.HoursPerWeek;
        Status = d.Status;
        Result = string.IsNullOrWhiteSpace(d.Result) ? null : d.Result.Trim();
    }
}

/// <summary>One saved version of a plan: who, when, what changed, and the whole plan as it then was.</summary>
public class ActionPlanRevision
{
    private ActionPlanRevision() { }

    public ActionPlanRevision(Guid planId, int number, Guid by, Guid byOrganisation, DateTime at, string? comment, string changes, string snapshotJson)
    {
        Id = Guid.NewGuid();
        PlanId = planId;
        Number = number;
        ByUserId = by;
        ByOrganisationId = byOrganisation;
        At = at;
        Comment = string.IsNullOrEmpty(comment) ? null : comment;
        Changes = changes;
        SnapshotJson = snapshotJson;
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public int Number { get; private set; }
    public Guid ByUserId { get; private set; }
    public Guid ByOrganisationId { get; private set; }
    public DateTime At { get; private set; }
    public string? Comment { get; private set; }
    public string Changes { get; private set; } = "";
    public string SnapshotJson { get; private set; } = "";

    public PlanSnapshot Snapshot() => JsonSerializer.Deserialize<PlanSnapshot>(SnapshotJson)!;
}
