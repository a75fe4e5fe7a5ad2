using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Referrals;

public sealed record MeetingDto(Guid Id, DateTime HeldAt, string Attendees, string Notes, Guid RecordedByUserId);

public sealed record ReferralDto(Guid Id, Guid ParticipantId, Guid FromOrganisationId, Guid? FromCaseId, Guid ToOrganisationId, List<string> Orders,
    string Question, DateOnly SentOn, DateOnly ExpectedReportOn, string State, bool ReportOverdue, DateTime? AnsweredAt, string? DeclineReason,
    DateTime? ReportedAt, string? WhatWasDone, string? AttendanceSummary, string? Result, string? Recommendation, List<MeetingDto> Meetings,
    int? SimilarWithinLockInPeriod, bool? LockInWarning)
{
    public static ReferralDto From(Referral r, DateOnly today, int? similar = null) => new(r.Id, r.ParticipantId, r.FromOrganisationId, r.FromCaseId,
        r.ToOrganisationId, EnumText.FlagNames(r.Orders), r.Question, r.SentOn, r.ExpectedReportOn, EnumText.ApiName(r.State), r.IsReportOverdue(today),
        r.AnsweredAt, r.DeclineReason, r.ReportedAt, r.ReportWhatWasDone, r.ReportAttendanceSummary, r.ReportResult, r.ReportRecommendation,
        r.Meetings.OrderBy(m => m.HeldAt).Select(m => new MeetingDto(m.Id, m.HeldAt, m.Attendees, m.Notes, m.RecordedByUserId)).ToList(),
        similar, similar is { } s ? s >= Referral.LockInThreshold : null);
}

public static class ReferralsApi
{
    public static void MapReferralsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/referrals").WithTags("Remisser");
        group.MapPost("/", async (ReferralInput input, ReferralWork work, TimeProvider clock, CancellationToken ct) =>
            await work.SendAsync(input, ct) is { } sent
                ? Results.Created($"/api/v1/referrals/{sent.Referral.Id}", ReferralDto.From(sent.Referral, SwedishTime.Today(clock), sent.SimilarWithinLockInPeriod))
                : ApiResults.NotFound());
        group.MapGet("/{id:guid}", async (Guid id, ReferralWork work, TimeProvider clock, CancellationToken ct) =>
            await work.ReadAsync(id, ct) is { } r
                ? Results.Ok(ReferralDto.From(r, SwedishTime.Today(clock), await work.SimilarCountAsync(r.ParticipantId, r.Orders, r.SentAt, ct)))
                : ApiResults.NotFound());
        group.MapPost("/{id:guid}/acceptance", async (Guid id, ReferralWork work, TimeProvider clock, CancellationToken ct) =>
            Answer(await work.AcceptAsync(id, ct), clock));
        group.MapPost("/{id:guid}/decline", async (Guid id, DeclineInput input, ReferralWork work, TimeProvider clock, CancellationToken ct) =>
            Answer(await work.DeclineAsync(id, input, ct), clock));
        group.MapPost("/{id:guid}/report", async (Guid id, ReportInput input, ReferralWork work, TimeProvider clock, CancellationToken ct) =>
            Answer(await work.ReportAsync(id, input, ct), clock));
        group.MapPost("/{id:guid}/meetings", async (Guid id, MeetingInput input, ReferralWork work, CancellationToken ct) =>
            await work.RecordMeetingAsync(id, input, ct) is { } m
                ? Results.Created($"/api/v1/referrals/{id}", new MeetingDto(m.Id, m.HeldAt, m.Attendees, m.Notes, m.RecordedByUserId))
                : ApiResults.NotFound());
        api.MapGet("/participants/{id:guid}/referrals", async (Guid id, ReferralWork work, TimeProvider clock, CancellationToken ct) =>
        {
            if (await work.ListForParticipantAsync(id, ct) is not { } referrals)
            {
                return ApiResults.NotFound();
            }

            // Each referral with how many similar ones were sent in the twelve months up to it: the lock-in picture.
            var today = SwedishTime.Today(clock);
            return Results.Ok(referrals.Select(r => ReferralDto.From(r, today, Referral.SimilarWithinLockInPeriod(r, referrals))));
        }).WithTags("Remisser");
    }

    private static IResult Answer(Referral? r, TimeProvider clock) =>
        r is null ? ApiResults.NotFound() : Results.Ok(ReferralDto.From(r, SwedishTime.Today(clock)));
}
