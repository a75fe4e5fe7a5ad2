using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arbetsvagen.Features.Referrals;

public sealed record MeetingDto(Guid Id, DateTime HeldAt, string Attendees, string Notes, Guid RecordedByUserId)
{
    public static MeetingDto From(ThreePartyMeeting m) => new(m.Id, m.HeldAt, m.Attendees, m.Notes, m.RecordedByUserId);
}

public sealed record ReferralDto(Guid Id, Guid ParticipantId, Guid FromOrganisationId, Guid? FromCaseId, Guid ToOrganisationId, List<string> Orders,
    string Question, DateOnly SentOn, DateOnly ExpectedReportOn, string State, bool ReportOverdue, DateTime? AnsweredAt, string? DeclineReason,
    DateTime? ReportedAt, string? WhatWasDone, string? AttendanceSummary, string? Result, string? Recommendation, List<MeetingDto> Meetings,
    int? SimilarWithinLockInPeriod, bool? LockInWarning)
{
    public static ReferralDto From(Referral r, DateOnly today, int? similar = null) => new(r.Id, r.ParticipantId, r.FromOrganisationId, r.FromCaseId,
        r.ToOrganisationId, EnumText.FlagNames(r.Orders), r.Question, r.SentOn, r.ExpectedReportOn, EnumText.ApiName(r.State), r.IsReportOverdue(today),
        r.AnsweredAt, r.DeclineReason, r.ReportedAt, r.ReportWhatWasDone, r.ReportAttendanceSummary, r.ReportResult, r.ReportRecommendation,
        r.Meetings.OrderBy(m => m.HeldAt).Select(MeetingDto.From).ToList(), similar, similar is { } s ? s >= Referral.LockInThreshold : null);
}

/// <summary>An organisation a referral about the participant can be sent to now.</summary>
public sealed record ReferralReceiverDto(Guid Id, string Name)
{
    public static ReferralReceiverDto From(Organisation o) => new(o.Id, o.Name);
}

public static class ReferralsApi
{
    public static void MapReferralsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/referrals").WithTags("Remisser");
        group.MapPost("/", Send).WithSummary("Skicka en remiss om en deltagare till en annan verksamhet");
        group.MapGet("/{id:guid}", Read).WithSummary("Läs en remiss som din verksamhet har skickat eller tagit emot");
        group.MapPost("/{id:guid}/acceptance", Accept).WithSummary("Acceptera en mottagen remiss");
        group.MapPost("/{id:guid}/decline", Decline).WithSummary("Avböj en mottagen remiss med skäl");
        group.MapPost("/{id:guid}/report", Report).WithSummary("Skriv återrapport på en accepterad remiss");
        group.MapPost("/{id:guid}/meetings", RecordMeeting).WithSummary("Dokumentera ett trepartssamtal på en remiss");
        var participant = api.MapGroup("/participants/{id:guid}").WithTags("Remisser");
        participant.MapGet("/referrals", List).WithSummary("Deltagarens remisser med antal liknande remisser (inlåsning)");
        participant.MapGet("/referral-receivers", Receivers)
            .WithSummary("Organisationer som en remiss om deltagaren kan skickas till nu (enligt gällande samtycken)");
    }

    private static async Task<Results<Created<ReferralDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Send(
        ReferralInput input, ReferralWork work, TimeProvider clock, CancellationToken ct) =>
        (await work.SendAsync(input, ct)).ToCreated(s => $"/api/v1/referrals/{s.Referral.Id}",
            s => ReferralDto.From(s.Referral, SwedishTime.Today(clock), s.SimilarWithinLockInPeriod));

    private static async Task<Results<Ok<ReferralDto>, NotFoundProblem>> Read(Guid id, ReferralWork work, TimeProvider clock, CancellationToken ct) =>
        (await work.ReadAsync(id, ct)).ToOk(s => ReferralDto.From(s.Referral, SwedishTime.Today(clock), s.SimilarWithinLockInPeriod));

    private static async Task<Results<Ok<ReferralDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Accept(
        Guid id, ReferralWork work, TimeProvider clock, CancellationToken ct) =>
        (await work.AcceptAsync(id, ct)).ToChanged(r => ReferralDto.From(r, SwedishTime.Today(clock)));

    private static async Task<Results<Ok<ReferralDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Decline(
        Guid id, DeclineInput input, ReferralWork work, TimeProvider clock, CancellationToken ct) =>
        (await work.DeclineAsync(id, input, ct)).ToChanged(r => ReferralDto.From(r, SwedishTime.Today(clock)));

    private static async Task<Results<Ok<ReferralDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Report(
        Guid id, ReportInput input, ReferralWork work, TimeProvider clock, CancellationToken ct) =>
        (await work.ReportAsync(id, input, ct)).ToChanged(r => ReferralDto.From(r, SwedishTime.Today(clock)));

    private static async Task<Results<Created<MeetingDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> RecordMeeting(
        Guid id, MeetingInput input, ReferralWork work, CancellationToken ct) =>
        (await work.RecordMeetingAsync(id, input, ct)).ToCreated(_ => $"/api/v1/referrals/{id}", MeetingDto.From);

    /// <summary>Each referral with how many similar ones were sent in the twelve months up to it: the lock-in picture.</summary>
    private static async Task<Results<Ok<List<ReferralDto>>, NotFoundProblem>> List(Guid id, ReferralWork work, TimeProvider clock, CancellationToken ct) =>
        (await work.ListForParticipantAsync(id, ct)).ToOk(referrals => referrals
            .Select(r => ReferralDto.From(r, SwedishTime.Today(clock), Referral.SimilarWithinLockInPeriod(r, referrals))).ToList());

    private static async Task<Results<Ok<List<ReferralReceiverDto>>, NotFoundProblem>> Receivers(Guid id, ReferralWork work, CancellationToken ct) =>
        (await work.ReceiversAsync(id, ct)).ToOk(organisations => organisations.Select(ReferralReceiverDto.From).ToList());
}
