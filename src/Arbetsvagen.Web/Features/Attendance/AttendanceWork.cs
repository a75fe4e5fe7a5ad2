using System.Globalization;
using Arbetsvagen.Core.Consents;
using Arbetsvagen.Core.Organisations;
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

/// <summary>An activity as its page and the API show it: who runs it, and its participants when the user's unit runs it (else null).</summary>
public sealed record ActivityRead(Activity Activity, string Organiser, List<ActivityParticipant>? Participants)
{
    public bool RunsHere => Participants is not null;
}

/// <summary>A scheduled activity a plan may book, labelled with its organiser.</summary>
public sealed record BookableActivity(Guid Id, string Name, string Organiser, DateOnly StartsOn, DateOnly EndsOn)
{
    public string Label => $"{Name}, {Organiser}, {StartsOn:yyyy-MM-dd}–{EndsOn:yyyy-MM-dd}";
}


/// <summary>
/// Scheduled activities and attendance. An activity belongs to the unit that runs it; only staff within its secrecy
/// boundary see who takes part and register attendance, and only for participants booked onto it (<see cref="IActivityBookings"/>)
/// whom they may see with the attendance category. Others read a participant's attendance through a consent covering it.
/// </summary>
public sealed class AttendanceWork(AppDbContext db, CurrentUser user, ParticipantAccess participants, AccessLogger log, TimeProvider clock,
    IActivityBookings bookings)
{
    public const int MaxSummaryDays = 366;
    public const string NotInActivity = "Personen deltar inte i aktiviteten det datumet.";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => SwedishTime.Today(Now);

    public async Task<Outcome<Activity>> ScheduleAsync(ActivityInput input, CancellationToken ct)
    {
        if (!user.IsCaseworker)
        {
            return Outcome.Forbidden();
        }

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
                errors["days"] = [$"Veckodagen \"{day}\" finns inte. Välj bland {string.Join(", ", EnumText.Values<Weekdays>().Select(v => EnumText.Label(v)))}."];
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
            return Outcome.Invalid(errors);
        }

        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        return activity;
    }

    /// <summary>The activities of the user's unit (secrecy boundary): current and coming ones first, then finished ones.</summary>
    public async Task<Outcome<List<Activity>>> ListAsync(CancellationToken ct)
    {
        if (!user.IsCaseworker)
        {
            return Outcome.Forbidden();
        }

        var boundary = user.SecrecyBoundaryId;
        var today = Today;
        var all = await db.Activities.AsNoTracking().Where(a => a.BoundaryId == boundary).ToListAsync(ct);
        return all.OrderBy(a => a.EndsOn < today).ThenByDescending(a => a.EndsOn < today ? a.EndsOn : DateOnly.MinValue)
            .ThenBy(a => a.StartsOn).ThenBy(a => a.Name, SwedishCollation.Comparer).ToList();
    }

    /// <summary>
    /// Any activity, for caseworkers (an activity holds no personal data), with its organiser; with its participants when the
    /// user's unit runs it. Not found, with a denied row, otherwise.
    /// </summary>
    public async Task<Outcome<ActivityRead>> ReadAsync(Guid id, CancellationToken ct)
    {
        var activity = user.IsCaseworker ? await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) : null;
        if (activity is null)
        {
            await log.RecordAsync(AccessAction.Denied, "Activity", id, ct: ct);
            return Outcome.NotFound();
        }

        var organiser = await db.Organisations.AsNoTracking().Where(o => o.Id == activity.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        return new ActivityRead(activity, organiser, RunsHere(activity) ? await ParticipantsAsync(activity, ct) : null);
    }

    public bool RunsHere(Activity activity) => user.IsCaseworker && activity.BoundaryId == user.SecrecyBoundaryId;

    /// <summary>
    /// The scheduled activities a plan written by the user's organisation may book, labelled with their organiser and in
    /// Swedish order: those run within the user's own municipality (its units and the providers registered there), and
    /// those of the shared providers outside any municipality (Arbetsförmedlingen, education providers, coordination
    /// associations) — not another municipality's own activities. Only activities not yet ended, plus
    /// <paramref name="keep"/> (those the plan already links to, so that saving the plan again does not drop a link).
    /// </summary>
    public async Task<List<BookableActivity>> BookableAsync(IReadOnlyCollection<Guid> keep, CancellationToken ct)
    {
        var today = Today;
        var own = user.OrganisationId;
        var municipality = await db.Organisations.AsNoTracking().Where(o => o.Id == own).Select(o => o.MunicipalityCode).FirstOrDefaultAsync(ct);
        var found = await (from a in db.Activities.AsNoTracking()
                           join o in db.Organisations.AsNoTracking() on a.OrganisationId equals o.Id
                           where keep.Contains(a.Id) || (a.EndsOn >= today && (a.OrganisationId == own
                               || (municipality != null && o.MunicipalityCode == municipality)
                               || (o.ParentId == null && o.Kind != OrganisationKind.Municipality)))
                           select new BookableActivity(a.Id, a.Name, o.Name, a.StartsOn, a.EndsOn)).ToListAsync(ct);
        var swedish = SwedishCollation.Comparer;
        return found.OrderBy(a => a.Name, swedish).ThenBy(a => a.Organiser, swedish).ThenBy(a => a.StartsOn).ToList();
    }

    /// <summary>Everyone booked onto the activity (any date) whom the user sees with attendance; empty outside its unit.</summary>
    private async Task<List<ActivityParticipant>> ParticipantsAsync(Activity activity, CancellationToken ct)
    {
        var ids = (await bookings.OntoAsync(activity.Id, ct)).Select(b => b.ParticipantId).Distinct().ToList();
        var names = await NamesWithAttendanceAsync(ids, ct);
        if (names.Count > 0)
        {
            await log.RecordAsync(AccessAction.Read, "Activity", activity.Id, resultIds: names.Keys, ct: ct);
        }

        return names.Select(n => new ActivityParticipant(n.Key, n.Value)).OrderBy(p => p.Name, SwedishCollation.Comparer).ToList();
    }

    /// <summary>The register of one day: everyone in the activity that day whom the user sees, with their registration. Not found outside the unit.</summary>
    public async Task<Outcome<DayRegister>> RegisterForDayAsync(Guid activityId, string? dateText, CancellationToken ct)
    {
        var activity = await FindRunHereAsync(activityId, null, ct);
        if (activity is null)
        {
            return Outcome.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        if (Input.Date(errors, "date", dateText, "dagen") is not { } date)
        {
            return Outcome.Invalid(errors);
        }

        if (!activity.IsScheduledOn(date))
        {
            return new DayRegister(activity, date, []); // nobody is expected on a day without the activity
        }

        var ids = (await TakingPartAsync(activityId, date, ct)).ToList();
        var names = await NamesWithAttendanceAsync(ids, ct);
        var shown = names.Keys.ToList();
        var records = await db.Attendance.AsNoTracking().Where(r => r.ActivityId == activityId && r.Date == date && shown.Contains(r.ParticipantId))
            .ToDictionaryAsync(r => r.ParticipantId, ct);
        if (shown.Count > 0)
        {
            await log.RecordAsync(AccessAction.Read, "AttendanceRecord", activityId, resultIds: shown, ct: ct);
        }

        return new DayRegister(activity, date, names.Select(n => new RegisterRow(n.Key, n.Value, records.GetValueOrDefault(n.Key)))
            .OrderBy(r => r.Name, SwedishCollation.Comparer).ToList());
    }

    /// <summary>
    /// Registers a day's attendance for some participants, all or nothing: every row is checked before anything is saved.
    /// A registration for a participant and day that already has one replaces it. Not found outside the activity's unit.
    /// </summary>
    public async Task<Outcome<List<AttendanceRecord>>> RegisterAsync(Guid activityId, RegistrationInput input, CancellationToken ct)
    {
        var rows = input.Registrations ?? [];
        var activity = await FindRunHereAsync(activityId, rows.Select(r => r.ParticipantId).OfType<Guid>(), ct);
        if (activity is null)
        {
            return Outcome.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        var date = Input.Date(errors, "date", input.Date, "dagen");
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
        var taking = date is { } on ? await TakingPartAsync(activityId, on, ct) : [];
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
                : Input.Enum<AbsenceReason>(errors, $"{at}.absenceReason", row.AbsenceReason, "Okänd orsak till frånvaron");
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
            return Outcome.Invalid(errors);
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
    /// The participant's attendance summary for a period given as text. Needs a grant covering attendance (the owner's
    /// boundary always, others through consent); not found (one denied row) otherwise. Each summary read logs one row.
    /// </summary>
    public async Task<Outcome<AttendanceSummary>> SummaryAsync(Guid participantId, string? fromText, string? toText, CancellationToken ct)
    {
        if (await participants.FindCoveringAsync(participantId, DataCategories.Attendance, "AttendanceRecord", ct) is not { } grant)
        {
            return Outcome.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        var from = Input.Date(errors, "from", fromText, "periodens första dag");
        var to = Input.Date(errors, "to", toText, "periodens sista dag");
        if (from is { } f && to is { } t)
        {
            if (t < f)
            {
                errors["to"] = ["Periodens sista dag kan inte ligga före dess första dag."];
            }
            else if (t.DayNumber - f.DayNumber + 1 > MaxSummaryDays)
            {
                errors["to"] = [$"Perioden får vara högst {MaxSummaryDays} dagar, nu {t.DayNumber - f.DayNumber + 1}."];
            }
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        return await SummariseAsync(grant, from!.Value, to!.Value, ct);
    }

    /// <summary>
    /// The same for a period another feature has chosen (e.g. since a referral was sent); null without attendance access.
    /// Part of Attendance's surface for other features and compositions, which decide themselves how to show "no access".
    /// </summary>
    public async Task<AttendanceSummary?> SummaryAsync(Guid participantId, DateOnly from, DateOnly to, CancellationToken ct) =>
        await participants.FindCoveringAsync(participantId, DataCategories.Attendance, "AttendanceRecord", ct) is { } grant
            ? await SummariseAsync(grant, from, to, ct)
            : null;

    private async Task<AttendanceSummary> SummariseAsync(ParticipantGrant grant, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var participantId = grant.Participant.Id;
        var records = await db.Attendance.AsNoTracking().Where(r => r.ParticipantId == participantId && r.Date >= from && r.Date <= to)
            .ToListAsync(ct);
        var booked = await bookings.OfAsync(participantId, ct);
        var activityIds = booked.Select(b => b.ActivityId).Concat(records.Select(r => r.ActivityId)).Distinct().ToList();
        var activities = activityIds.Count == 0 ? []
            : await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id)).ToListAsync(ct);
        var expected = activities.OrderBy(a => a.StartsOn).ThenBy(a => a.Name, SwedishCollation.Comparer).Select(a => new ExpectedActivity(a.Id,
            a.Name, a.HoursPerDay, a.ScheduledDays(from, to).Where(day => booked.Any(b => b.ActivityId == a.Id && b.TakesPartOn(day))).ToList()));
        var summary = AttendanceSummary.Compute(from, to, Today, expected,
            records.Select(r => new Registration(r.ActivityId, r.Date, r.Status, r.AbsenceReason, r.Hours)));

        await log.RecordAsync(AccessAction.Read, "AttendanceRecord", null, participantId, grant.ConsentId is { } consent ? $"samtycke {consent}" : null, ct: ct);
        return summary;
    }

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

    /// <summary>Participants booked onto the activity on <paramref name="date"/> (see <see cref="Booking.TakesPartOn"/>).</summary>
    private async Task<HashSet<Guid>> TakingPartAsync(Guid activityId, DateOnly date, CancellationToken ct) =>
        (await bookings.OntoAsync(activityId, ct)).Where(b => b.TakesPartOn(date)).Select(b => b.ParticipantId).ToHashSet();

    /// <summary>One participant, through <see cref="ParticipantAccess"/>: visible, and with the attendance category. Logs a refusal.</summary>
    private async Task<bool> MayRegisterAsync(Guid participantId, CancellationToken ct) =>
        await participants.FindCoveringAsync(participantId, DataCategories.Attendance, "AttendanceRecord", ct) is not null;

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
}
