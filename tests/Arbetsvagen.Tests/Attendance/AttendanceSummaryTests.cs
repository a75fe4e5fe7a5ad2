using Arbetsvagen.Features.Attendance;
using Xunit;

namespace Arbetsvagen.Tests.Attendance;

/// <summary>The summary arithmetic, with every expected number worked out by hand.</summary>
public sealed class AttendanceSummaryTests
{
    private static readonly Guid ActivityId = Guid.NewGuid();
    private static readonly DateOnly Monday = new(2026, 11, 2);
    private static readonly DateOnly LaterToday = new(2027, 1, 1);

    /// <summary>Monday–Thursday of the two weeks from 2 November 2026: 2–5 and 9–12 November.</summary>
    private static readonly DateOnly[] MondayToThursday = [.. Enumerable.Range(0, 14).Select(Monday.AddDays).Where(d => d.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday)];

    private static Registration Present(int day, decimal hours = 1) => new(ActivityId, Monday.AddDays(day), AttendanceStatus.Present, null, hours);

    private static Registration Absent(int day, AbsenceReason reason) => new(ActivityId, Monday.AddDays(day), AttendanceStatus.Absent, reason, 0);

    [Fact]
    public void Monday_to_thursday_over_two_weeks_is_eight_days()
    {
        var activity = Activity.Schedule(Guid.NewGuid(), Guid.NewGuid(), ActivityKind.JobSearch, "Jobbsök", null, Monday,
            Monday.AddDays(60), Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday, 1, Guid.NewGuid(), DateTime.UtcNow);

        Assert.Equal(MondayToThursday, activity.ScheduledDays(Monday, Monday.AddDays(13)));
        Assert.Equal(8, MondayToThursday.Length);
    }

    [Fact]
    public void Counts_days_by_status_and_reason_and_both_percentages()
    {
        // Week 1: present Mon–Thu (Thursday half the time). Week 2: present Mon, sick Tue, invalid Wed, nothing on Thu.
        var registrations = new[] { Present(0), Present(1), Present(2), Present(3, 0.5m), Present(7), Absent(8, AbsenceReason.Sick), Absent(9, AbsenceReason.Invalid) };

        var summary = AttendanceSummary.Compute(Monday, Monday.AddDays(13), LaterToday,
            [new ExpectedActivity(ActivityId, "Jobbsök", 1m, MondayToThursday)], registrations);

        var c = summary.Total;
        Assert.Equal(8, c.ScheduledDays);
        Assert.Equal(5, c.Present);
        Assert.Equal(2, c.Absent);
        Assert.Equal((1, 0, 1, 0), (c.Sick, c.Valid, c.Invalid, c.Unknown));
        Assert.Equal(7, c.Registered);
        Assert.Equal(1, c.NotRegistered);
        Assert.Equal(8m, c.ScheduledHours);
        Assert.Equal(4.5m, c.AttendedHours); // 1 + 1 + 1 + 0.5 + 1
        Assert.Equal(71.4m, c.PresentOfRegisteredPercent); // 5 / 7 = 71.43 %
        Assert.Equal(62.5m, c.PresentOfScheduledPercent); // 5 / 8
        Assert.Equal(8, summary.Activities[0].Days.Count);
        Assert.Null(summary.Activities[0].Days[^1].Status); // Thursday 12 November was not registered
    }

    [Fact]
    public void Days_after_today_are_not_yet_due_and_a_registered_day_always_counts()
    {
        var today = Monday.AddDays(8); // Tuesday of week 2
        // A registration on a day the plan no longer covers (it was validated when registered) still counts.
        var summary = AttendanceSummary.Compute(Monday, Monday.AddDays(13), today,
            [new ExpectedActivity(ActivityId, "Jobbsök", 2m, MondayToThursday.Where(d => d != Monday).ToList())],
            [Present(0, 2), Absent(1, AbsenceReason.Valid)]);

        Assert.Equal(today, summary.CountedThrough);
        Assert.Equal(6, summary.Total.ScheduledDays); // 2, 3, 4, 5, 9, 10 November
        Assert.Equal(4, summary.Total.NotRegistered);
        Assert.Equal(12m, summary.Total.ScheduledHours);
        Assert.Equal(2m, summary.Total.AttendedHours);
        Assert.Equal(50m, summary.Total.PresentOfRegisteredPercent);
        Assert.Equal(16.7m, summary.Total.PresentOfScheduledPercent); // 1 / 6
    }

    [Fact]
    public void Totals_add_up_the_activities_and_empty_periods_have_no_percentages()
    {
        var other = Guid.NewGuid();
        var summary = AttendanceSummary.Compute(Monday, Monday.AddDays(6), LaterToday,
            [
                new ExpectedActivity(ActivityId, "Jobbsök", 1m, [Monday, Monday.AddDays(1)]),
                new ExpectedActivity(other, "SFI", 3m, [Monday.AddDays(2)]),
            ],
            [Present(0), new Registration(other, Monday.AddDays(2), AttendanceStatus.Absent, AbsenceReason.Unknown, 0)]);

        Assert.Equal(3, summary.Total.ScheduledDays);
        Assert.Equal(5m, summary.Total.ScheduledHours); // 2 × 1 + 1 × 3
        Assert.Equal(1, summary.Total.Unknown);
        Assert.Equal(50m, summary.Total.PresentOfRegisteredPercent);

        var empty = AttendanceSummary.Compute(Monday, Monday.AddDays(6), LaterToday, [], []);
        Assert.Equal(0, empty.Total.ScheduledDays);
        Assert.Null(empty.Total.PresentOfRegisteredPercent);
        Assert.Null(empty.Total.PresentOfScheduledPercent);
        Assert.Equal("Period 2026-11-02–2026-11-08: inga schemalagda dagar i aktiviteter med närvaroregistrering.", empty.ToText());
    }

    [Fact]
    public void The_text_is_plain_swedish_for_a_return_report()
    {
        var summary = AttendanceSummary.Compute(Monday, Monday.AddDays(11), LaterToday,
            [new ExpectedActivity(ActivityId, "Jobbsök Täby", 1m, MondayToThursday)],
            [Present(0), Present(1), Present(2), Present(3), Present(7), Present(8), Present(9), Absent(10, AbsenceReason.Sick)]);

        Assert.Equal(
            "Period 2026-11-02–2026-11-13: 8 schemalagda dagar, 7 närvarande (87,5 % av de schemalagda dagarna), 1 frånvarande (sjuk 1), "
            + "0 ej registrerade. Närvarotid 7 av 8 schemalagda timmar.\nAktivitet: Jobbsök Täby.",
            summary.ToText());
    }

    [Fact]
    public void One_day_and_one_hour_are_written_in_the_singular()
    {
        var summary = AttendanceSummary.Compute(Monday, Monday, LaterToday, [new ExpectedActivity(ActivityId, "Jobbsök Täby", 1m, [Monday])], []);

        Assert.Equal("Period 2026-11-02–2026-11-02: 1 schemalagd dag, 0 närvarande (0 % av de schemalagda dagarna), 0 frånvarande, "
            + "1 ej registrerad. Närvarotid 0 av 1 schemalagd timme.\nAktivitet: Jobbsök Täby.", summary.ToText());
    }
}
