using System.Globalization;

namespace Arbetsvagen.Features.Attendance;

/// <summary>One activity as the participant was expected at it: the days their plan and the activity's schedule share.</summary>
public sealed record ExpectedActivity(Guid ActivityId, string Name, decimal HoursPerDay, IReadOnlyCollection<DateOnly> ScheduledDays);

/// <summary>One registration as the summary needs it.</summary>
public sealed record Registration(Guid ActivityId, DateOnly Date, AttendanceStatus Status, AbsenceReason? Reason, decimal Hours);

/// <summary>One day of one activity: present, absent (with reason) or not registered (<see cref="Status"/> null).</summary>
public sealed record AttendanceDay(DateOnly Date, AttendanceStatus? Status, AbsenceReason? Reason, decimal Hours);

public sealed record AttendanceCounts(int ScheduledDays, int Present, int Sick, int Valid, int Invalid, int Unknown, decimal ScheduledHours,
    decimal AttendedHours)
{
    public int Absent => Sick + Valid + Invalid + Unknown;
    public int Registered => Present + Absent;
    public int NotRegistered => ScheduledDays - Registered;

    /// <summary>Present days as a share of the days someone registered; null when nothing is registered.</summary>
    public decimal? PresentOfRegisteredPercent => Percent(Present, Registered);

    /// <summary>Present days as a share of all scheduled days (a day not registered counts as not present); null without scheduled days.</summary>
    public decimal? PresentOfScheduledPercent => Percent(Present, ScheduledDays);

    public static AttendanceCounts Of(IReadOnlyCollection<AttendanceDay> days, decimal hoursPerDay) => new(days.Count,
        days.Count(d => d.Status == AttendanceStatus.Present),
        days.Count(d => d.Reason == AbsenceReason.Sick), days.Count(d => d.Reason == AbsenceReason.Valid),
        days.Count(d => d.Reason == AbsenceReason.Invalid), days.Count(d => d.Reason == AbsenceReason.Unknown),
        days.Count * hoursPerDay, days.Sum(d => d.Hours));

    public static AttendanceCounts Sum(IEnumerable<AttendanceCounts> all) => all.Aggregate(new AttendanceCounts(0, 0, 0, 0, 0, 0, 0, 0),
        (a, b) => new AttendanceCounts(a.ScheduledDays + b.ScheduledDays, a.Present + b.Present, a.Sick + b.Sick, a.Valid + b.Valid,
            a.Invalid + b.Invalid, a.Unknown + b.Unknown, a.ScheduledHours + b.ScheduledHours, a.AttendedHours + b.AttendedHours));

    private static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}

public sealed record ActivityAttendance(Guid ActivityId, string Name, AttendanceCounts Counts, List<AttendanceDay> Days);

/// <summary>
/// The factual attendance summary for a period, per activity and in total. A day counts as scheduled when the
/// activity's schedule and the participant's plan both have it, up to and including today (a later day is not
/// yet due); a registered day always counts, since it was validated as scheduled when it was registered.
/// </summary>
public sealed record AttendanceSummary(DateOnly From, DateOnly To, DateOnly CountedThrough, AttendanceCounts Total, List<ActivityAttendance> Activities)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static AttendanceSummary Compute(DateOnly from, DateOnly to, DateOnly today, IEnumerable<ExpectedActivity> activities,
        IEnumerable<Registration> registrations)
    {
        var through = to < today ? to : today;
        var records = registrations.Where(r => from <= r.Date && r.Date <= to).ToList();
        var result = new List<ActivityAttendance>();
        foreach (var activity in activities)
        {
            var registered = records.Where(r => r.ActivityId == activity.ActivityId).ToDictionary(r => r.Date);
            var days = activity.ScheduledDays.Where(d => from <= d && d <= through).Concat(registered.Keys).Distinct().Order()
                .Select(d => registered.TryGetValue(d, out var r) ? new AttendanceDay(d, r.Status, r.Reason, r.Hours) : new AttendanceDay(d, null, null, 0))
                .ToList();
            result.Add(new ActivityAttendance(activity.ActivityId, activity.Name, AttendanceCounts.Of(days, activity.HoursPerDay), days));
        }

        return new AttendanceSummary(from, to, through, AttendanceCounts.Sum(result.Select(a => a.Counts)), result);
    }

    /// <summary>
    /// The summary as plain Swedish text, e.g. for a return report: "Period 2026-11-02–2026-11-13: 8 schemalagda dagar, 7 närvarande
    /// (87,5 % av de schemalagda dagarna), 1 frånvarande (sjuk 1), 0 ej registrerade. …", then one line per activity.
    /// </summary>
    public string ToText()
    {
        var period = $"Period {D(From)}–{D(To)}" + (CountedThrough < To ? $" (räknat till och med {D(CountedThrough)})" : "");
        if (Activities.Count == 0 || Total.ScheduledDays == 0)
        {
            return $"{period}: inga schemalagda dagar i aktiviteter med närvaroregistrering.";
        }

        var lines = new List<string> { $"{period}: {Describe(Total)}" };
        if (Activities.Count > 1)
        {
            lines.AddRange(Activities.Where(a => a.Counts.ScheduledDays > 0).Select(a => $"{a.Name}: {Describe(a.Counts)}"));
        }
        else
        {
            lines.Add($"Aktivitet: {Activities[0].Name}.");
        }

        return string.Join("\n", lines);
    }

    private static string Describe(AttendanceCounts c)
    {
        var reasons = new[] { ("sjuk", c.Sick), ("giltig", c.Valid), ("ogiltig", c.Invalid), ("okänd orsak", c.Unknown) }
            .Where(r => r.Item2 > 0).Select(r => $"{r.Item1} {r.Item2}").ToList();
        var present = c.PresentOfScheduledPercent is { } ofScheduled
            ? $"{c.Present} närvarande ({P(ofScheduled)} av de schemalagda dagarna"
              + (c.NotRegistered > 0 && c.PresentOfRegisteredPercent is { } ofRegistered ? $", {P(ofRegistered)} av de registrerade" : "") + ")"
            : $"{c.Present} närvarande";
        return $"{Days(c.ScheduledDays)}, {present}, {c.Absent} frånvarande"
            + (reasons.Count > 0 ? $" ({string.Join(", ", reasons)})" : "")
            + $", {c.NotRegistered} {(c.NotRegistered == 1 ? "ej registrerad" : "ej registrerade")}. "
            + $"Närvarotid {H(c.AttendedHours)} av {H(c.ScheduledHours)} {(c.ScheduledHours == 1 ? "schemalagd timme" : "schemalagda timmar")}.";
    }

    /// <summary>"1 schemalagd dag", "2 schemalagda dagar": Swedish counts in the singular only for one.</summary>
    public static string Days(int count) => count == 1 ? "1 schemalagd dag" : $"{count} schemalagda dagar";

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string P(decimal percent) => percent.ToString("0.#", Swedish) + " %";

    private static string H(decimal hours) => hours.ToString("0.##", Swedish);
}
