using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

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
    private const string Tag = "Aktiviteter och närvaro";

    public static void MapAttendanceApi(this RouteGroupBuilder api)
    {
        var activities = api.MapGroup("/activities").WithTags(Tag);
        activities.MapPost("/", async Task<Results<Created<ActivityDto>, ValidationProblem, ForbiddenProblem>> (ActivityInput input, AttendanceWork work,
                CancellationToken ct) => await work.ScheduleAsync(input, ct) switch
            {
                { Failure: null, Value: { } activity } => TypedResults.Created($"/api/v1/activities/{activity.Id}", ActivityDto.From(activity)),
                { Failure.Kind: OutcomeKind.Forbidden } => new ForbiddenProblem(null),
                var invalid => OutcomeResults.Invalid(invalid.Failure!.Errors!),
            })
            .WithSummary("Schemalägg en aktivitet i din enhet");
        activities.MapGet("/", async Task<Results<Ok<List<ActivityDto>>, ForbiddenProblem>> (AttendanceWork work, CancellationToken ct) =>
                await work.ListAsync(ct) is { Failure: null, Value: { } list }
                    ? TypedResults.Ok(list.Select(a => ActivityDto.From(a)).ToList())
                    : new ForbiddenProblem(null))
            .WithSummary("Din enhets aktiviteter");
        activities.MapGet("/{id:guid}", async Task<Results<Ok<ActivityDto>, NotFoundProblem>> (Guid id, AttendanceWork work, CancellationToken ct) =>
                (await work.ReadAsync(id, ct)).ToOk(read => ActivityDto.From(read.Activity, read.Participants)))
            .WithSummary("En aktivitet, med deltagarna om din enhet håller i den");
        activities.MapPost("/{id:guid}/attendance", async Task<Results<Ok<List<AttendanceRecordDto>>, ValidationProblem, NotFoundProblem>> (Guid id,
                RegistrationInput input, AttendanceWork work, CancellationToken ct) =>
                Read(await work.RegisterAsync(id, input, ct), saved => saved.Select(AttendanceRecordDto.From).ToList()))
            .WithSummary("Registrera närvaro för en dag");
        activities.MapGet("/{id:guid}/attendance", async Task<Results<Ok<RegisterDto>, ValidationProblem, NotFoundProblem>> (Guid id, string? date,
                AttendanceWork work, CancellationToken ct) =>
                Read(await work.RegisterForDayAsync(id, date, ct), register => new RegisterDto(id, register.Date, register.Rows
                    .Select(r => new RegisterRowDto(r.ParticipantId, r.Name, r.Record is { } record ? AttendanceRecordDto.From(record) : null)).ToList())))
            .WithSummary("Närvarolistan för en dag");

        api.MapGet("/participants/{id:guid}/attendance", async Task<Results<Ok<AttendanceSummaryDto>, ValidationProblem, NotFoundProblem>> (Guid id,
                string? from, string? to, AttendanceWork work, CancellationToken ct) =>
                Read(await work.SummaryAsync(id, from, to, ct), summary => AttendanceSummaryDto.Of(id, summary)))
            .WithTags(Tag)
            .WithSummary("Deltagarens närvaro under en period");
        api.MapGet("/participants/{id:guid}/attendance/summary-text", async Task<Results<ContentHttpResult, ValidationProblem, NotFoundProblem>> (Guid id,
                string? from, string? to, AttendanceWork work, CancellationToken ct) => await work.SummaryAsync(id, from, to, ct) switch
            {
                { Failure: null, Value: { } summary } => TypedResults.Text(summary.ToText(), "text/plain; charset=utf-8"),
                { Failure.Kind: OutcomeKind.Invalid } invalid => OutcomeResults.Invalid(invalid.Failure!.Errors!),
                _ => new NotFoundProblem(),
            })
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .WithTags(Tag)
            .WithSummary("Deltagarens närvaro under en period som text, t.ex. till en återrapport");
    }

    /// <summary>A read or change whose input may be refused: the value, 400 with field messages, or 404.</summary>
    private static Results<Ok<TDto>, ValidationProblem, NotFoundProblem> Read<T, TDto>(Outcome<T> outcome, Func<T, TDto> map) => outcome.Failure switch
    {
        null => TypedResults.Ok(map(outcome.Value!)),
        { Kind: OutcomeKind.Invalid } f => OutcomeResults.Invalid(f.Errors!),
        _ => new NotFoundProblem(),
    };
}
