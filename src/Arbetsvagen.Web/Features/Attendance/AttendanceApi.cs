using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Attendance;

public sealed record ActivityDto(Guid Id, Guid OrganisationId, string Kind, string Name, string? Place, DateOnly StartsOn, DateOnly EndsOn,
    List<string> Days, decimal HoursPerDay, List<ActivityParticipantDto>? Participants)
{
    public static ActivityDto From(Activity a, List<ActivityParticipant>? participants = null) => new(a.Id, a.OrganisationId, EnumText.ApiName(a.Kind),
        a.Name, a.Place, a.StartsOn, a.EndsOn, EnumText.FlagNames(a.Days), a.HoursPerDay,
        participants?.Select(p => new ActivityParticipantDto(p.ParticipantId, p.Name)).ToList());
}

public sealed record ActivityParticipantDto(Guid ParticipantId, string Name);

public sealed record AttendanceRecordDto(Guid Id, Guid ActivityId, Guid ParticipantId, DateOnly Date, string Status, string? AbsenceReason, decimal Hours,
    DateTime RegisteredAt, Guid RegisteredByUserId)
{
    public static AttendanceRecordDto From(AttendanceRecord r) => new(r.Id, r.ActivityId, r.ParticipantId, r.Date, EnumText.ApiName(r.Status),
        r.AbsenceReason is { } reason ? EnumText.ApiName(reason) : null, r.Hours, r.RegisteredAt, r.RegisteredByUserId);
}

public sealed record RegisterRowDto(Guid ParticipantId, string Name, AttendanceRecordDto? Registration);

public sealed record RegisterDto(Guid ActivityId, DateOnly Date, List<RegisterRowDto> Participants);

public sealed record AbsenceByReasonDto(int Sick, int Valid, int Invalid, int Unknown);

public sealed record AttendanceCountsDto(int ScheduledDays, int Registered, int Present, int Absent, AbsenceByReasonDto AbsentByReason, int NotRegistered,
    decimal ScheduledHours, decimal AttendedHours, decimal? PresentOfRegisteredDaysPercent, decimal? PresentOfScheduledDaysPercent)
{
    public static AttendanceCountsDto From(AttendanceCounts c) => new(c.ScheduledDays, c.Registered, c.Present, c.Absent,
        new AbsenceByReasonDto(c.Sick, c.Valid, c.Invalid, c.Unknown), c.NotRegistered, c.ScheduledHours, c.AttendedHours,
        c.PresentOfRegisteredPercent, c.PresentOfScheduledPercent);
}

public sealed record AttendanceDayDto(DateOnly Date, string Status, string? AbsenceReason, decimal Hours)
{
    public static AttendanceDayDto From(AttendanceDay d) => new(d.Date, d.Status is { } s ? EnumText.ApiName(s) : "notRegistered",
        d.Reason is { } r ? EnumText.ApiName(r) : null, d.Hours);
}

public sealed record ActivityAttendanceDto(Guid ActivityId, string Name, AttendanceCountsDto Summary, List<AttendanceDayDto> Days);

public sealed record AttendanceSummaryDto(Guid ParticipantId, DateOnly From, DateOnly To, DateOnly CountedThrough, AttendanceCountsDto Total,
    List<ActivityAttendanceDto> Activities, string Text)
{
    public static AttendanceSummaryDto Of(Guid participantId, AttendanceSummary s) => new(participantId, s.From, s.To, s.CountedThrough,
        AttendanceCountsDto.From(s.Total),
        s.Activities.Select(a => new ActivityAttendanceDto(a.ActivityId, a.Name, AttendanceCountsDto.From(a.Counts), a.Days.Select(AttendanceDayDto.From).ToList()))
            .ToList(),
        s.ToText());
}

public static class AttendanceApi
{
    public static void MapAttendanceApi(this RouteGroupBuilder api)
    {
        var activities = api.MapGroup("/activities").WithTags("Aktiviteter och närvaro");
        activities.MapPost("/", async (ActivityInput input, AttendanceWork work, CancellationToken ct) =>
        {
            var activity = await work.ScheduleAsync(input, ct);
            return Results.Created($"/api/v1/activities/{activity.Id}", ActivityDto.From(activity));
        });
        activities.MapGet("/", async (AttendanceWork work, CancellationToken ct) => Results.Ok((await work.ListAsync(ct)).Select(a => ActivityDto.From(a))));
        activities.MapGet("/{id:guid}", async (Guid id, AttendanceWork work, CancellationToken ct) =>
            await work.FindAsync(id, ct) is { } activity
                ? Results.Ok(ActivityDto.From(activity, work.RunsHere(activity) ? await work.ParticipantsAsync(activity, ct) : null))
                : ApiResults.NotFound());
        activities.MapPost("/{id:guid}/attendance", async (Guid id, RegistrationInput input, AttendanceWork work, CancellationToken ct) =>
            await work.RegisterAsync(id, input, ct) is { } saved ? Results.Ok(saved.Select(AttendanceRecordDto.From)) : ApiResults.NotFound());
        activities.MapGet("/{id:guid}/attendance", async (Guid id, string? date, AttendanceWork work, CancellationToken ct) =>
            await work.RegisterForDayAsync(id, date, ct) is { } register
                ? Results.Ok(new RegisterDto(id, register.Date, register.Rows.Select(r => new RegisterRowDto(r.ParticipantId, r.Name,
                    r.Record is { } record ? AttendanceRecordDto.From(record) : null)).ToList()))
                : ApiResults.NotFound());

        api.MapGet("/participants/{id:guid}/attendance", async (Guid id, string? from, string? to, AttendanceWork work, CancellationToken ct) =>
                await work.SummaryAsync(id, from, to, ct) is { } summary ? Results.Ok(AttendanceSummaryDto.Of(id, summary)) : ApiResults.NotFound())
            .WithTags("Aktiviteter och närvaro");
        api.MapGet("/participants/{id:guid}/attendance/summary-text", async (Guid id, string? from, string? to, AttendanceWork work, CancellationToken ct) =>
                await work.SummaryAsync(id, from, to, ct) is { } summary ? Results.Text(summary.ToText(), "text/plain; charset=utf-8") : ApiResults.NotFound())
            .WithTags("Aktiviteter och närvaro");
    }
}
