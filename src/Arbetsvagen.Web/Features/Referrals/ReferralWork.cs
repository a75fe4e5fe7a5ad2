using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Core.Consents;
using Arbetsvagen.Features.Notifications;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ValidationException = Arbetsvagen.Infrastructure.ValidationException;
using Arbetsvagen.Core.AccessLog;

namespace Arbetsvagen.Features.Referrals;

public sealed class ReferralInput
{
    public Guid? ParticipantId { get; set; }
    public Guid? ToOrganisationId { get; set; }
    public Guid? FromCaseId { get; set; }
    public List<string>? Orders { get; set; }
    public string? Question { get; set; }
    public string? ExpectedReportOn { get; set; }
}

public sealed class DeclineInput
{
    public string? Reason { get; set; }
}

public sealed class ReportInput
{
    public string? WhatWasDone { get; set; }
    public string? AttendanceSummary { get; set; }
    public string? Result { get; set; }
    public string? Recommendation { get; set; }
}

public sealed class MeetingInput
{
    public DateTime? HeldAt { get; set; }
    public string? Attendees { get; set; }
    public string? Notes { get; set; }
}

/// <summary>
/// Referrals between units. The sender must hold the participant's case, and a referral across a secrecy
/// boundary needs a consent naming the receiver that covers cases and plans — checked when it is sent and
/// again every time the receiver opens it.
/// </summary>
public sealed class ReferralWork(AppDbContext db, CurrentUser user, ParticipantAccess participants, AccessLogger log, TimeProvider clock,
    AttendanceWork attendance)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public sealed record Sent(Referral Referral, int SimilarWithinLockInPeriod);

    public async Task<Sent?> SendAsync(ReferralInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.ParticipantId is not { } participantId)
        {
            throw new ValidationException("participantId", "Ange vilken deltagare remissen gäller.");
        }

        var grant = await participants.FindAsync(participantId, ct);
        if (grant is null)
        {
            return null;
        }

        if (!grant.OwnCase)
        {
            await log.RecordAsync(AccessAction.Denied, "Referral", null, participantId, "remiss utan eget ärende", ct: ct);
            throw new ForbiddenException();
        }

        var today = SwedishTime.Today(Now);
        var to = input.ToOrganisationId is { } toId ? await db.Organisations.FirstOrDefaultAsync(o => o.Id == toId, ct) : null;
        if (to is null)
        {
            errors["toOrganisationId"] = ["Välj en mottagande organisation som finns i registret."];
        }
        else if (to.SecrecyBoundaryId != user.SecrecyBoundaryId && !await ConsentCoversAsync(participantId, to.Id, to.SecrecyBoundaryId, ct))
        {
            errors["toOrganisationId"] =
                ["Det finns inget gällande samtycke som låter mottagaren ta del av ärende och planering. Registrera samtycke först."];
        }

        var orders = ReferralOrders.None;
        foreach (var text in input.Orders ?? [])
        {
            if (EnumText.TryParse<ReferralOrders>(text, out var order) && order != ReferralOrders.None)
            {
                orders |= order;
            }
            else
            {
                errors["orders"] = [$"Okänd beställning: {text}."];
            }
        }

        if (orders == ReferralOrders.None && !errors.ContainsKey("orders"))
        {
            errors["orders"] = ["Ange vad som beställs (minst ett val)."];
        }

        if (string.IsNullOrWhiteSpace(input.Question) || input.Question.Trim().Length > 4000)
        {
            errors["question"] = ["Skriv frågeställningen (högst 4000 tecken)."];
        }

        if (!DateOnly.TryParseExact(input.ExpectedReportOn?.Trim(), "yyyy-MM-dd", out var expected))
        {
            errors["expectedReportOn"] = ["Ange när återrapporten ska komma (ÅÅÅÅ-MM-DD)."];
        }
        else if (expected < today)
        {
            errors["expectedReportOn"] = ["Datum för återrapport kan inte ligga i det förflutna."];
        }

        if (input.FromCaseId is { } caseId
            && !await db.Set<Case>().AnyAsync(c => c.Id == caseId && c.ParticipantId == participantId && c.BoundaryId == user.SecrecyBoundaryId, ct))
        {
            errors["fromCaseId"] = ["Ärendet finns inte hos din verksamhet för den här deltagaren."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var referral = Referral.Send(participantId, user.OrganisationId, user.SecrecyBoundaryId, input.FromCaseId, to!.Id, to.SecrecyBoundaryId,
            orders, input.Question!, today, expected, user.Id, Now);
        var similar = await SimilarCountAsync(participantId, orders, Now, ct) + 1;
        db.Add(referral);
        log.Add(AccessAction.Create, "Referral", referral.Id, participantId, $"remiss till {to.Id}");
        if (referral.FromCaseId is { } fromCase)
        {
            db.Add(JournalEntry.Automatic(fromCase, $"Remiss skickad till {to.Name}: {EnumText.Label(orders)}.", user.Id, Now));
        }

        await db.NotifyOrganisationAsync(to.Id, user.Id, $"Ny remiss till din enhet: {EnumText.Label(orders)}.", $"/Referrals/Details/{referral.Id}", Now, ct,
            referral.ParticipantId);
        await db.SaveChangesAsync(ct);
        return new Sent(referral, similar);
    }

    /// <summary>Referrals of the participant sent up to <paramref name="upTo"/> that ordered any of the same things within the lock-in period.</summary>
    public Task<int> SimilarCountAsync(Guid participantId, ReferralOrders orders, DateTime upTo, CancellationToken ct)
    {
        var since = SwedishTime.Today(upTo).AddMonths(-Referral.LockInMonths);
        return db.Set<Referral>().CountAsync(r => r.ParticipantId == participantId && (r.Orders & orders) != 0 && r.SentOn >= since && r.SentAt <= upTo, ct);
    }

    /// <summary>The referral if the user is its sender or its receiver and may still see the participant.</summary>
    public async Task<(Referral Referral, bool Receiver)?> FindAsync(Guid referralId, CancellationToken ct)
    {
        var referral = await db.Set<Referral>().Include(r => r.Meetings).FirstOrDefaultAsync(r => r.Id == referralId, ct);
        var party = referral is not null && user.IsCaseworker
            && (referral.FromBoundaryId == user.SecrecyBoundaryId || referral.ToBoundaryId == user.SecrecyBoundaryId);
        var grant = party ? await participants.FindAsync(referral!.ParticipantId, ct) : null;
        if (grant is not null && (grant.OwnCase || grant.Covers(DataCategories.CaseAndPlan)))
        {
            return (referral!, referral!.ToBoundaryId == user.SecrecyBoundaryId);
        }

        if (grant is not null || !party)
        {
            await log.RecordAsync(AccessAction.Denied, "Referral", referralId, referral?.ParticipantId, ct: ct);
        }

        return null;
    }

    public async Task<Referral?> ReadAsync(Guid referralId, CancellationToken ct)
    {
        var found = await FindAsync(referralId, ct);
        if (found is null)
        {
            return null;
        }

        await log.RecordAsync(AccessAction.Read, "Referral", referralId, found.Value.Referral.ParticipantId, ct: ct);
        return found.Value.Referral;
    }

    public async Task<List<Referral>?> ListForParticipantAsync(Guid participantId, CancellationToken ct)
    {
        var grant = await participants.FindAsync(participantId, ct);
        if (grant is null)
        {
            return null;
        }

        var boundary = user.SecrecyBoundaryId;
        var query = db.Set<Referral>().Where(r => r.ParticipantId == participantId);
        if (!grant.OwnCase)
        {
            query = grant.Covers(DataCategories.CaseAndPlan)
                ? query.Where(r => r.FromBoundaryId == boundary || r.ToBoundaryId == boundary)
                : query.Where(_ => false);
        }

        var referrals = await query.OrderByDescending(r => r.SentAt).ToListAsync(ct);
        log.Add(AccessAction.Read, "Referral", null, participantId, resultIds: referrals.Select(r => r.Id));
        await db.SaveChangesAsync(ct);
        return referrals;
    }

    public Task<Referral?> AcceptAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, receiverOnly: true, r =>
        {
            r.Accept(user.Id, Now);
            NotifySender(r, "Din remiss har accepterats.");
        }, ct);

    public Task<Referral?> DeclineAsync(Guid id, DeclineInput input, CancellationToken ct) =>
        ChangeAsync(id, receiverOnly: true, r =>
        {
            r.Decline(input.Reason ?? "", user.Id, Now);
            NotifySender(r, "Din remiss har avböjts.");
        }, ct);

    /// <summary>
    /// The factual attendance summary from the referral's date until today, for the return report — when the
    /// user's unit may see the participant's attendance; null otherwise.
    /// </summary>
    public async Task<string?> AttendanceFactsAsync(Referral r, CancellationToken ct)
    {
        var grant = await participants.FindAsync(r.ParticipantId, ct);
        if (grant is null || !grant.Covers(DataCategories.Attendance))
        {
            return null;
        }

        var today = SwedishTime.Today(Now);
        var from = r.SentOn < today.AddDays(-AttendanceWork.MaxSummaryDays + 1) ? today.AddDays(-AttendanceWork.MaxSummaryDays + 1) : r.SentOn;
        var summary = await attendance.SummaryAsync(r.ParticipantId, from, today, ct);
        return summary is { Total.ScheduledDays: > 0 } ? summary.ToText() : null;
    }

    /// <summary>Writes the return report; without an attendance summary of its own it gets the registered facts.</summary>
    public Task<Referral?> ReportAsync(Guid id, ReportInput input, CancellationToken ct) =>
        ChangeAsync(id, receiverOnly: true, async r =>
        {
            if (string.IsNullOrWhiteSpace(input.AttendanceSummary) && r.State == ReferralState.Accepted)
            {
                input.AttendanceSummary = await AttendanceFactsAsync(r, ct);
            }

            r.Report(input.WhatWasDone ?? "", input.AttendanceSummary ?? "", input.Result ?? "", input.Recommendation ?? "", user.Id, Now);
            NotifySender(r, "Återrapport har kommit på din remiss.");
            if (r.FromCaseId is { } caseId)
            {
                // The return report lands in the referring case.
                db.Add(JournalEntry.Automatic(caseId,
                    $"Återrapport på remiss: {r.ReportResult} Rekommendation: {r.ReportRecommendation}", user.Id, Now));
            }
        }, ct);

    public async Task<ThreePartyMeeting?> RecordMeetingAsync(Guid id, MeetingInput input, CancellationToken ct)
    {
        ThreePartyMeeting? meeting = null;
        var referral = await ChangeAsync(id, receiverOnly: false, r =>
        {
            meeting = r.RecordMeeting(input.HeldAt is { } at ? DateTime.SpecifyKind(at.ToUniversalTime(), DateTimeKind.Utc) : Now,
                input.Attendees ?? "", input.Notes ?? "", user.Id, Now);
            db.Add(meeting);
        }, ct);
        return referral is null ? null : meeting;
    }

    private void NotifySender(Referral r, string text)
    {
        if (r.SentByUserId != user.Id)
        {
            db.Add(Notification.To(r.SentByUserId, text, $"/Referrals/Details/{r.Id}", Now, r.ParticipantId));
        }
    }

    private Task<Referral?> ChangeAsync(Guid id, bool receiverOnly, Action<Referral> change, CancellationToken ct) =>
        ChangeAsync(id, receiverOnly, r =>
        {
            change(r);
            return Task.CompletedTask;
        }, ct);

    private async Task<Referral?> ChangeAsync(Guid id, bool receiverOnly, Func<Referral, Task> change, CancellationToken ct)
    {
        var found = await FindAsync(id, ct);
        if (found is not { } f)
        {
            return null;
        }

        if (receiverOnly && !f.Receiver)
        {
            await log.RecordAsync(AccessAction.Denied, "Referral", id, f.Referral.ParticipantId, "bara mottagaren svarar på en remiss", ct: ct);
            throw new ForbiddenException();
        }

        await change(f.Referral);
        log.Add(AccessAction.Update, "Referral", id, f.Referral.ParticipantId);
        await db.SaveChangesAsync(ct);
        return f.Referral;
    }

    private Task<bool> ConsentCoversAsync(Guid participantId, Guid organisationId, Guid boundaryId, CancellationToken ct)
    {
        const DataCategories needed = DataCategories.Identity | DataCategories.CaseAndPlan;
        return participants.ActiveConsentsNaming(organisationId, boundaryId)
            .AnyAsync(c => c.ParticipantId == participantId && (c.Categories & needed) == needed, ct);
    }
}
