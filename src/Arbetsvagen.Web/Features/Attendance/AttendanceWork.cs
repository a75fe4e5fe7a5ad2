using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Core.Consents;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Arbetsvagen.Core.AccessLog;

namespace Arbetsvagen.Features.Attendance;

public sealed class ActivityInput
{
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? Place { get; set; }
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    public List<string>? Days { get; set; }
    public decimal? HoursPerDay { get; set; }
}

public sealed class RegistrationInput
{
    public string? Date { get; set; }
    public List<RegistrationRowInput>? Registrations { get; set; }
}

public sealed class RegistrationRowInput
{
    public Guid? ParticipantId { get; set; }
    public string? Status { get; set; }
    public string? AbsenceReason { get; set; }
    public decimal? Hours { get; set; }
}

/// <summary>A participant on an activity's register for one day, with their registration if there is one.</summary>
public sealed record RegisterRow(Guid ParticipantId, string Name, AttendanceRecord? Record);

public sealed record DayRegister(Activity Activity, DateOnly Date, List<RegisterRow> Rows);

public sealed record ActivityParticipant(Guid ParticipantId, string Name);

/// <summary>
/// Scheduled activities and attendance. An activity belongs to the unit that runs it; only staff within its secrecy
/// boundary see who takes part and register attendance, and only for participants whose plan links to the activity and
/// whom they may see with the attendance category. Others read a participant's attendance through a consent covering it.
/// </summary>
public sealed class AttendanceWork(AppDbContext db, CurrentUser user, ParticipantAccess participants, AccessLogger log, TimeProvider clock)
{
    public const int MaxSummaryDays = 366;
    public const string NotInActivity = "Personen deltar inte i aktiviteten det datumet.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => SwedishTime.Today(Now);

    public async Task<Activity> ScheduleAsync(ActivityInput input, CancellationToken ct)
    {
        RequireCaseworker();
        var errors = new Dictionary<string, string[]>();
        var kind = Input.Enum<ActivityKind>(errors, "kind", input.Kind, "Ange typ av aktivitet");
        var startsOn = Input.Date(errors, "startsOn", input.StartsOn, "startdatum");
        var endsOn = Input.Date(errors, "endsOn", input.EndsOn, "slutdatum");
        var days = Weekdays.None;
        foreach (var day in input.Days ?? [])
        {
            if (EnumText.TryParse<Weekdays>(day, out var d) && d != Weekdays.None)
            {
                days |= d;
            }
            else
            {
                errors["days"] = [$"Okänd veckodag \"{day}\". Tillåtna värden: {string.Join(", ", EnumText.Values<Weekdays>().Select(EnumText.ApiName))}."];
            }
        }

        if (input.HoursPerDay is null)
        {
            errors["hoursPerDay"] = ["Ange timmar per dag."];
        }

        Activity? activity = null;
        try
        {
            // Placeholders for what did not parse, so that the entity's rules run too and one answer names every wrong field.
            activity = Activity.Schedule(user.OrganisationId, user.SecrecyBoundaryId, kind, input.Name ?? "", input.Place, startsOn ?? Today,
                endsOn ?? startsOn ?? Today, days, input.HoursPerDay ?? 1, user.Id, Now);
        }
        catch (ValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                errors.TryAdd(field, messages);
            }
        }

        if (errors.Count > 0 || activity is null)
        {
            throw new ValidationException(errors);
        }

        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        return activity;
    }

    /// <summary>The activities of the user's unit (secrecy boundary): current and coming ones first, then finished ones.</summary>
    public async Task<List<Activity>> ListAsync(CancellationToken ct)
    {
        RequireCaseworker();
        var boundary = user.SecrecyBoundaryId;
        var today = Today;
        var all = await db.Activities.AsNoTracking().Where(a => a.BoundaryId == boundary).ToListAsync(ct);
        return all.OrderBy(a => a.EndsOn < today).ThenByDescending(a => a.EndsOn < today ? a.EndsOn : DateOnly.MinValue)
            .ThenBy(a => a.StartsOn).ThenBy(a => a.Name).ToList();
    }

    /// <summary>Any activity, for caseworkers (an activity holds no personal data); null and a denied row otherwise.</summary>
    public async Task<Activity?> FindAsync(Guid id, CancellationToken ct)
    {
        var activity = user.IsCaseworker ? await db.Activities.FirstOrDefaultAsync(a => a.Id == id, ct) : null;
        if (activity is null)
        {
            await log.RecordAsync(AccessAction.Denied, "Activity", id, ct: ct);
        }

        return activity;
    }

    public bool RunsHere(Activity activity) => user.IsCaseworker && activity.BoundaryId == user.SecrecyBoundaryId;

    /// <summary>Everyone whose plan links to the activity (any date) and whom the user sees with attendance; empty outside its unit.</summary>
    public async Task<List<ActivityParticipant>> ParticipantsAsync(Activity activity, CancellationToken ct)
    {
        if (!RunsHere(activity))
        {
            return [];
        }

        var ids = await db.ActionPlans.Where(p => p.Activities.Any(a => a.ActivityId == activity.Id)).Select(p => p.ParticipantId).ToListAsync(ct);
        var names = await NamesWithAttendanceAsync(ids, ct);
        if (names.Count > 0)
        {
            await log.RecordAsync(AccessAction.Read, "Activity", activity.Id, resultIds: names.Keys, ct: ct);
        }

        return names.Select(n => new ActivityParticipant(n.Key, n.Value)).OrderBy(p => p.Name, StringComparer.Create(Swedish, false)).ToList();
    }

    /// <summary>The register of one day: everyone in the activity that day whom the user sees, with their registration. Null (404) outside the unit.</summary>
    public async Task<DayRegister?> RegisterForDayAsync(Guid activityId, string? dateText, CancellationToken ct)
    {
        var activity = await FindRunHereAsync(activityId, null, ct);
        if (activity is null)
        {
            return null;
        }

        var errors = new Dictionary<string, string[]>();
        if (Input.Date(errors, "date", dateText, "datum") is not { } date)
        {
            throw new ValidationException(errors);
        }

        if (!activity.IsScheduledOn(date))
        {
            return new DayRegister(activity, date, []); // nobody is expected on a day without the activity
        }

        var ids = (await PlansTakingPartAsync(activityId, date, ct)).ToList();
        var names = await NamesWithAttendanceAsync(ids, ct);
        var shown = names.Keys.ToList();
        var records = await db.Attendance.AsNoTracking().Where(r => r.ActivityId == activityId && r.Date == date && shown.Contains(r.ParticipantId))
            .ToDictionaryAsync(r => r.ParticipantId, ct);
        if (shown.Count > 0)
        {
            await log.RecordAsync(AccessAction.Read, "AttendanceRecord", activityId, resultIds: shown, ct: ct);
        }

        return new DayRegister(activity, date, names.Select(n => new RegisterRow(n.Key, n.Value, records.GetValueOrDefault(n.Key)))
            .OrderBy(r => r.Name, StringComparer.Create(Swedish, false)).ToList());
    }

    /// <summary>
    /// Registers a day's attendance for some participants, all or nothing: every row is checked before anything is saved.
    /// A registration for a participant and day that already has one replaces it. Null (404) outside the activity's unit.
    /// </summary>
    public async Task<List<AttendanceRecord>?> RegisterAsync(Guid activityId, RegistrationInput input, CancellationToken ct)
    {
        var rows = input.Registrations ?? [];
        var activity = await FindRunHereAsync(activityId, rows.Select(r => r.ParticipantId).OfType<Guid>(), ct);
        if (activity is null)
        {
            return null;
        }

        var errors = new Dictionary<string, string[]>();
        var date = Input.Date(errors, "date", input.Date, "datum");
        if (date is { } d && d > Today)
        {
            errors["date"] = ["Närvaro kan inte registreras för en dag som inte har varit."];
        }
        else if (date is { } day && !activity.IsScheduledOn(day))
        {
            errors["date"] = [$"Aktiviteten är inte schemalagd {day:yyyy-MM-dd}."];
        }

        if (rows.Count == 0)
        {
            errors["registrations"] = ["Ange närvaro för minst en deltagare."];
        }

        // First every check that may log a refusal (and so save), then the changes, so nothing half-done is saved.
        var taking = date is { } on ? await PlansTakingPartAsync(activityId, on, ct) : [];
        var parsed = new List<(int Index, Guid ParticipantId, AttendanceStatus Status, AbsenceReason? Reason, decimal? Hours)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var at = $"registrations[{i}]";
            if (row.ParticipantId is not { } participantId)
            {
                errors[$"{at}.participantId"] = ["Ange deltagare."];
                continue;
            }

            if (rows.Take(i).Any(r => r.ParticipantId == participantId))
            {
                errors[$"{at}.participantId"] = ["Deltagaren finns två gånger i registreringen."];
                continue;
            }

            var status = Input.Enum<AttendanceStatus>(errors, $"{at}.status", row.Status, "Ange närvarande eller frånvarande");
            AbsenceReason? reason = string.IsNullOrWhiteSpace(row.AbsenceReason) ? null
                : Input.Enum<AbsenceReason>(errors, $"{at}.absenceReason", row.AbsenceReason, "Okänd frånvaroorsak");
            if (date is not null && !(taking.Contains(participantId) && await MayRegisterAsync(participantId, ct)))
            {
                errors[$"{at}.participantId"] = [NotInActivity];
                continue;
            }

            parsed.Add((i, participantId, status, reason, row.Hours));
        }

        // The rows' own rules (e.g. absence needs a reason) on throwaway records, before anything tracked changes.
        Validate(activity, parsed, errors);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var ids = parsed.Select(p => p.ParticipantId).ToList();
        var existing = await db.Attendance.Where(r => r.ActivityId == activityId && r.Date == date!.Value && ids.Contains(r.ParticipantId))
            .ToDictionaryAsync(r => r.ParticipantId, ct);
        var saved = new List<AttendanceRecord>();
        foreach (var (_, participantId, status, reason, hours) in parsed)
        {
            if (existing.TryGetValue(participantId, out var record))
            {
                record.Change(activity, status, reason, hours, user.Id, Now);
                log.Add(AccessAction.Update, "AttendanceRecord", record.Id, participantId);
            }
            else
            {
                record = AttendanceRecord.Register(activity, participantId, date!.Value, status, reason, hours, user.Id, Now);
                db.Attendance.Add(record);
                log.Add(AccessAction.Create, "AttendanceRecord", record.Id, participantId);
            }

            saved.Add(record);
        }

        await db.SaveChangesAsync(ct);
        return saved;
    }

    /// <summary>
    /// The participant's attendance summary for a period. Needs a grant covering attendance (the owner's boundary always,
    /// others through consent); null (404, one denied row) otherwise. Each call logs one read.
    /// </summary>
    public async Task<AttendanceSummary?> SummaryAsync(Guid participantId, string? fromText, string? toText, CancellationToken ct)
    {
        if (await participants.FindCoveringAsync(participantId, DataCategories.Attendance, "AttendanceRecord", ct) is not { } grant)
        {
            return null;
        }

        var errors = new Dictionary<string, string[]>();
        var from = Input.Date(errors, "from", fromText, "från-datum");
        var to = Input.Date(errors, "to", toText, "till-datum");
        if (from is { } f && to is { } t)
        {
            if (t < f)
            {
                errors["to"] = ["Periodens slut kan inte ligga före dess början."];
            }
            else if (t.DayNumber - f.DayNumber + 1 > MaxSummaryDays)
            {
                errors["to"] = [$"Perioden får vara högst {MaxSummaryDays} dagar."];
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        return await SummariseAsync(grant, from!.Value, to!.Value, ct);
    }

    /// <summary>The same for a period the caller has chosen (e.g. since a referral was sent); null without attendance access.</summary>
    public async Task<AttendanceSummary?> SummaryAsync(Guid participantId, DateOnly from, DateOnly to, CancellationToken ct) =>
        await participants.FindCoveringAsync(participantId, DataCategories.Attendance, "AttendanceRecord", ct) is { } grant
            ? await SummariseAsync(grant, from, to, ct)
            : null;

    private async Task<AttendanceSummary> SummariseAsync(ParticipantGrant grant, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var participantId = grant.Participant.Id;
        var records = await db.Attendance.AsNoTracking().Where(r => r.ParticipantId == participantId && r.Date >= from && r.Date <= to)
            .ToListAsync(ct);
        var planActivities = await db.ActionPlans.AsNoTracking().Where(p => p.ParticipantId == participantId)
            .SelectMany(p => p.Activities).Where(a => a.ActivityId != null).ToListAsync(ct);
        var activityIds = planActivities.Select(a => a.ActivityId!.Value).Concat(records.Select(r => r.ActivityId)).Distinct().ToList();
        var activities = activityIds.Count == 0 ? []
            : await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id)).ToListAsync(ct);
        var expected = activities.OrderBy(a => a.StartsOn).ThenBy(a => a.Name).Select(a => new ExpectedActivity(a.Id, a.Name, a.HoursPerDay,
            a.ScheduledDays(from, to).Where(day => planActivities.Any(p => p.ActivityId == a.Id && p.TakesPartOn(day))).ToList()));
        var summary = AttendanceSummary.Compute(from, to, Today, expected,
            records.Select(r => new Registration(r.ActivityId, r.Date, r.Status, r.AbsenceReason, r.Hours)));

        await log.RecordAsync(AccessAction.Read, "AttendanceRecord", null, participantId, grant.ConsentId is { } consent ? $"samtycke {consent}" : null, ct: ct);
        return summary;
    }

    private static readonly System.Globalization.CultureInfo Swedish = System.Globalization.CultureInfo.GetCultureInfo("sv-SE");

    private static void Validate(Activity activity, List<(int Index, Guid ParticipantId, AttendanceStatus Status, AbsenceReason? Reason, decimal? Hours)> rows,
        Dictionary<string, string[]> errors)
    {
        foreach (var row in rows)
        {
            try
            {
                AttendanceRecord.Register(activity, row.ParticipantId, default, row.Status, row.Reason, row.Hours, Guid.Empty, default);
            }
            catch (ValidationException e)
            {
                foreach (var (field, messages) in e.Errors)
                {
                    errors[$"registrations[{row.Index}].{field}"] = messages;
                }
            }
        }
    }

    private async Task<Activity?> FindRunHereAsync(Guid activityId, IEnumerable<Guid>? attempted, CancellationToken ct)
    {
        var activity = user.IsCaseworker ? await db.Activities.FirstOrDefaultAsync(a => a.Id == activityId, ct) : null;
        if (activity is null || !RunsHere(activity))
        {
            var ids = attempted?.Distinct().ToList();
            await log.RecordAsync(AccessAction.Denied, "AttendanceRecord", activityId, ids is [var single] ? single : null,
                "närvaro hanteras bara av aktivitetens enhet", ids is { Count: > 1 } ? ids : null, ct);
            return null;
        }

        return activity;
    }

    /// <summary>Participants whose plan has the activity on <paramref name="date"/> (see <see cref="PlanActivity.TakesPartOn"/>).</summary>
    private async Task<HashSet<Guid>> PlansTakingPartAsync(Guid activityId, DateOnly date, CancellationToken ct)
    {
        var plans = await db.ActionPlans.AsNoTracking().Include(p => p.Activities).Where(p => p.Activities.Any(a => a.ActivityId == activityId))
            .ToListAsync(ct);
        return plans.Where(p => p.Activities.Any(a => a.ActivityId == activityId && a.TakesPartOn(date))).Select(p => p.ParticipantId).ToHashSet();
    }

    /// <summary>One participant, through <see cref="ParticipantAccess"/>: visible, and with the attendance category. Logs a refusal.</summary>
    private async Task<bool> MayRegisterAsync(Guid participantId, CancellationToken ct)
    {
        return await participants.FindCoveringAsync(participantId, DataCategories.Attendance, "AttendanceRecord", ct) is not null;
    }

    /// <summary>
    /// Names of the given participants that the user sees with the attendance category, without logging refusals: a
    /// register lists who the user may see, like a search. Built from <see cref="ParticipantAccess"/>'s own queries.
    /// </summary>
    private async Task<Dictionary<Guid, string>> NamesWithAttendanceAsync(List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var visible = await participants.Visible().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.OwnerBoundaryId }).ToListAsync(ct);
        var sharedIds = visible.Where(p => p.OwnerBoundaryId != participants.Boundary).Select(p => p.Id).ToList();
        var consents = await participants.ConsentsToMe().Where(c => sharedIds.Contains(c.ParticipantId))
            .Select(c => new { c.ParticipantId, c.Categories }).ToListAsync(ct);
        var withAttendance = consents.Where(c => (c.Categories & DataCategories.Attendance) != 0).Select(c => c.ParticipantId).ToHashSet();
        return visible.Where(p => p.OwnerBoundaryId == participants.Boundary || withAttendance.Contains(p.Id))
            .ToDictionary(p => p.Id, p => $"{p.FirstName} {p.LastName}");
    }

    private void RequireCaseworker()
    {
        if (!user.IsCaseworker)
        {
            throw new ForbiddenException();
        }
    }
}
