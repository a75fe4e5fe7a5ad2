using System.Globalization;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Core.Consents;
using Arbetsvagen.Features.Notifications;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
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

/// <summary>The form of a three-party meeting as the browser posts it: the time is Swedish local time (datetime-local).</summary>
public sealed class MeetingForm
{
    public string? HeldAt { get; set; }
    public string? Attendees { get; set; }
    public string? Notes { get; set; }
}

/// <summary>
/// Referrals between units. The sender must hold the participant's case; the receiver is another secrecy boundary,
/// named by a consent that shares identity, case and plan — checked when it is sent and again every time the
/// receiver opens it. Every use case answers an <see cref="Outcome{T}"/>, for its page and its endpoint alike.
/// </summary>
public sealed class ReferralWork(AppDbContext db, CurrentUser user, ParticipantAccess participants, AccessLogger log, TimeProvider clock,
    AttendanceWork attendance)
{
    /// <summary>What a referral shares with its receiver: who the person is, and the case and plan it is about.</summary>
    public const DataCategories Shared = DataCategories.Identity | DataCategories.CaseAndPlan;


    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public sealed record Sent(Referral Referral, int SimilarWithinLockInPeriod);

    /// <summary>A referral the user's unit is party to; <paramref name="Receiver"/> when it is the receiving one.</summary>
    public sealed record Found(Referral Referral, bool Receiver);

    /// <summary>A referral as it is shown, with how many similar ones were sent in the lock-in period up to it.</summary>
    public sealed record Shown(Referral Referral, bool Receiver, int SimilarWithinLockInPeriod);

    /// <summary>
    /// Sends a referral from the user's unit, which must hold the participant's case, to one of
    /// <see cref="ReceiversAsync"/>. Messages come in the order of the referral form.
    /// </summary>
    public async Task<Outcome<Sent>> SendAsync(ReferralInput input, CancellationToken ct)
    {
        if (input.ParticipantId is not { } participantId)
        {
            return Outcome.Invalid("participantId", "Ange vilken deltagare remissen gäller.");
        }

        var grant = await participants.FindAsync(participantId, ct);
        if (grant is null)
        {
            return Outcome.NotFound();
        }

        if (!grant.OwnCase)
        {
            await log.RecordAsync(AccessAction.Denied, "Referral", null, participantId, "remiss utan eget ärende", ct: ct);
            return Outcome.Forbidden("Bara den verksamhet som har deltagarens ärende skickar remisser.");
        }

        var errors = new Dictionary<string, string[]>();
        var today = SwedishTime.Today(Now);
        var to = input.ToOrganisationId is { } toId ? await db.Organisations.FirstOrDefaultAsync(o => o.Id == toId, ct) : null;
        if (to is null)
        {
            errors["toOrganisationId"] = ["Välj en mottagande organisation som finns i registret."];
        }
        else if (to.SecrecyBoundaryId == user.SecrecyBoundaryId)
        {
            errors["toOrganisationId"] = [$"{to.Name} hör till din egen verksamhet. En remiss går till en annan verksamhet."];
        }
        else if (!(await ChooseReceiversAsync(participantId, ct)).Organisations.Any(o => o.Id == to.Id))
        {
            errors["toOrganisationId"] =
                ["Det finns inget gällande samtycke som låter mottagaren ta del av ärende och planering. Registrera samtycke först."];
        }

        var orders = Input.Flags<ReferralOrders>(errors, "orders", input.Orders, "Okänd beställning");
        if (orders == ReferralOrders.None && !errors.ContainsKey("orders"))
        {
            errors["orders"] = ["Ange vad som beställs (minst ett val)."];
        }

        var question = Input.Text(errors, "question", input.Question, "frågeställningen", Referral.MaxText);
        var expected = Input.Date(errors, "expectedReportOn", input.ExpectedReportOn, "datum för återrapporten");
        if (expected is { } day && Referral.ExpectedReportProblem(today, day) is { } problem)
        {
            errors["expectedReportOn"] = [problem];
        }

        if (input.FromCaseId is { } caseId
            && !await db.Set<Case>().AnyAsync(c => c.Id == caseId && c.ParticipantId == participantId && c.BoundaryId == user.SecrecyBoundaryId, ct))
        {
            errors["fromCaseId"] = ["Ärendet finns inte hos din verksamhet för den här deltagaren."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var referral = Referral.Send(participantId, user.OrganisationId, user.SecrecyBoundaryId, input.FromCaseId, to!.Id, to.SecrecyBoundaryId,
            orders, question!, today, expected!.Value, user.Id, Now);
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

    /// <summary>
    /// The organisations a referral about the participant can go to now, in Swedish order: outside the user's secrecy
    /// boundary and named (themselves or by their boundary) by an active consent that shares what a referral shares.
    /// Empty for a unit that does not hold the participant's case, since only that unit sends referrals.
    /// </summary>
    public async Task<Outcome<List<Organisation>>> ReceiversAsync(Guid participantId, CancellationToken ct)
    {
        var grant = await participants.FindAsync(participantId, ct);
        if (grant is null)
        {
            return Outcome.NotFound();
        }

        if (!grant.OwnCase)
        {
            return new List<Organisation>();
        }

        var (receivers, consentIds) = await ChooseReceiversAsync(participantId, ct);
        // The list tells whom the person has consented to share with: a read of those consents.
        await log.RecordAsync(AccessAction.Read, "Consent", null, participantId, "mottagare av remiss", consentIds, ct);
        return receivers;
    }

    /// <summary>Referrals of the participant sent up to <paramref name="upTo"/> that ordered any of the same things within the lock-in period.</summary>
    public Task<int> SimilarCountAsync(Guid participantId, ReferralOrders orders, DateTime upTo, CancellationToken ct)
    {
        var since = SwedishTime.Today(upTo).AddMonths(-Referral.LockInMonths);
        return db.Set<Referral>().CountAsync(r => r.ParticipantId == participantId && (r.Orders & orders) != 0 && r.SentOn >= since && r.SentAt <= upTo, ct);
    }

    /// <summary>The referral if the user's unit is its sender or its receiver and may still see the participant; not read-logged.</summary>
    public async Task<Outcome<Found>> FindAsync(Guid referralId, CancellationToken ct)
    {
        var referral = await db.Set<Referral>().Include(r => r.Meetings).FirstOrDefaultAsync(r => r.Id == referralId, ct);
        var party = referral is not null && user.IsCaseworker && referral.HasPartyIn(user.SecrecyBoundaryId);
        var grant = party ? await participants.FindAsync(referral!.ParticipantId, ct) : null;
        if (grant is not null && (grant.OwnCase || grant.Covers(DataCategories.CaseAndPlan)))
        {
            return new Found(referral!, referral!.IsReceivedBy(user.SecrecyBoundaryId));
        }

        if (grant is not null || !party)
        {
            await log.RecordAsync(AccessAction.Denied, "Referral", referralId, referral?.ParticipantId, ct: ct);
        }

        return Outcome.NotFound();
    }

    /// <summary>
    /// The referral as its page and the API show it. <paramref name="logRead"/> is false only when a page shows the
    /// referral again after a refused form: that is the same reading, already logged.
    /// </summary>
    public async Task<Outcome<Shown>> ReadAsync(Guid referralId, CancellationToken ct, bool logRead = true)
    {
        var found = await FindAsync(referralId, ct);
        if (found.Value is not { } f)
        {
            return found.Failure!;
        }

        if (logRead)
        {
            await log.RecordAsync(AccessAction.Read, "Referral", referralId, f.Referral.ParticipantId, ct: ct);
        }

        return new Shown(f.Referral, f.Receiver, await SimilarCountAsync(f.Referral.ParticipantId, f.Referral.Orders, f.Referral.SentAt, ct));
    }

    /// <summary>The participant's referrals: all of them for the owner, those the unit is party to for a consented one.</summary>
    public async Task<Outcome<List<Referral>>> ListForParticipantAsync(Guid participantId, CancellationToken ct)
    {
        var grant = await participants.FindAsync(participantId, ct);
        if (grant is null)
        {
            return Outcome.NotFound();
        }

        var query = db.Set<Referral>().Where(r => r.ParticipantId == participantId);
        if (!grant.OwnCase)
        {
            query = grant.Covers(DataCategories.CaseAndPlan) ? query.Where(Referral.HasParty(user.SecrecyBoundaryId)) : query.Where(_ => false);
        }

        var referrals = await query.OrderByDescending(r => r.SentAt).ToListAsync(ct);
        await log.RecordAsync(AccessAction.Read, "Referral", null, participantId, resultIds: referrals.Select(r => r.Id), ct: ct);
        return referrals;
    }

    public Task<Outcome<Referral>> AcceptAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, receiverOnly: true, r =>
        {
            r.Accept(user.Id, Now);
            NotifySender(r, "Din remiss har accepterats.");
            return Task.CompletedTask;
        }, ct);

    public Task<Outcome<Referral>> DeclineAsync(Guid id, DeclineInput input, CancellationToken ct) =>
        ChangeAsync(id, receiverOnly: true, r =>
        {
            r.Decline(input.Reason ?? "", user.Id, Now);
            NotifySender(r, "Din remiss har avböjts.");
            return Task.CompletedTask;
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
    public Task<Outcome<Referral>> ReportAsync(Guid id, ReportInput input, CancellationToken ct) =>
        ChangeAsync(id, receiverOnly: true, async r =>
        {
            var attendanceSummary = input.AttendanceSummary;
            if (string.IsNullOrWhiteSpace(attendanceSummary) && r.State == ReferralState.Accepted)
            {
                attendanceSummary = await AttendanceFactsAsync(r, ct);
            }

            r.Report(input.WhatWasDone ?? "", attendanceSummary ?? "", input.Result ?? "", input.Recommendation ?? "", user.Id, Now);
            NotifySender(r, "Återrapport har kommit på din remiss.");
            if (r.FromCaseId is { } caseId)
            {
                // The return report lands in the referring case.
                db.Add(JournalEntry.Automatic(caseId,
                    $"Återrapport på remiss: {r.ReportResult} Rekommendation: {r.ReportRecommendation}", user.Id, Now));
            }
        }, ct);

    /// <summary>Records a three-party meeting (the API's time is an instant; none means now).</summary>
    public Task<Outcome<ThreePartyMeeting>> RecordMeetingAsync(Guid id, MeetingInput input, CancellationToken ct) =>
        RecordMeetingAsync(id, input.HeldAt is { } at ? DateTime.SpecifyKind(at.ToUniversalTime(), DateTimeKind.Utc) : Now,
            input.Attendees, input.Notes, [], ct);

    /// <summary>Records a three-party meeting from the page's form, whose time is Swedish local time and required.</summary>
    public Task<Outcome<ThreePartyMeeting>> RecordMeetingAsync(Guid id, MeetingForm form, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        DateTime? heldAt = DateTime.TryParseExact(form.HeldAt?.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var local)
            ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), SwedishTime.Zone)
            : null;
        if (heldAt is null)
        {
            errors["heldAt"] = ["Ange datum och tid för samtalet."];
        }

        return RecordMeetingAsync(id, heldAt ?? Now, form.Attendees, form.Notes, errors, ct);
    }

    private async Task<Outcome<ThreePartyMeeting>> RecordMeetingAsync(Guid id, DateTime heldAt, string? attendees, string? notes,
        Dictionary<string, string[]> errors, CancellationToken ct)
    {
        ThreePartyMeeting? meeting = null;
        var changed = await ChangeAsync(id, receiverOnly: false, r =>
        {
            meeting = r.RecordMeeting(heldAt, attendees, notes, user.Id, Now, errors);
            db.Add(meeting);
            return Task.CompletedTask;
        }, ct);
        return changed.As(_ => meeting!);
    }

    private void NotifySender(Referral r, string text)
    {
        if (r.SentByUserId != user.Id)
        {
            db.Add(Notification.To(r.SentByUserId, text, $"/Referrals/Details/{r.Id}", Now, r.ParticipantId));
        }
    }

    /// <summary>Runs one change on a referral the unit is party to; the entity's refusals come back as the outcome.</summary>
    private async Task<Outcome<Referral>> ChangeAsync(Guid id, bool receiverOnly, Func<Referral, Task> change, CancellationToken ct)
    {
        var found = await FindAsync(id, ct);
        if (found.Value is not { } f)
        {
            return found.Failure!;
        }

        if (receiverOnly && !f.Receiver)
        {
            await log.RecordAsync(AccessAction.Denied, "Referral", id, f.Referral.ParticipantId, "bara mottagaren svarar på en remiss", ct: ct);
            return Outcome.Forbidden("Bara den mottagande verksamheten svarar på remissen.");
        }

        return await Outcome.Guard<Referral>(async () =>
        {
            await change(f.Referral);
            log.Add(AccessAction.Update, "Referral", id, f.Referral.ParticipantId);
            await db.SaveChangesAsync(ct);
            return f.Referral;
        });
    }

    /// <summary>
    /// The one decision of who may receive a referral about the participant (see <see cref="ReceiversAsync"/>), with the
    /// consents it rests on. A participant has a handful of consents: they are judged in memory by the consent's own rule.
    /// </summary>
    private async Task<(List<Organisation> Organisations, List<Guid> ConsentIds)> ChooseReceiversAsync(Guid participantId, CancellationToken ct)
    {
        var now = Now;
        var consents = (await db.Consents.AsNoTracking().Include(c => c.Recipients).Where(c => c.ParticipantId == participantId).ToListAsync(ct))
            .Where(c => c.IsActive(now) && (c.Categories & Shared) == Shared).ToList();
        var named = consents.SelectMany(c => c.Recipients).Select(r => r.OrganisationId).Distinct().ToList();
        var boundary = user.SecrecyBoundaryId;
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => o.SecrecyBoundaryId != boundary && (named.Contains(o.Id) || named.Contains(o.SecrecyBoundaryId))).ToListAsync(ct);
        return (organisations.OrderBy(o => o.Name, SwedishCollation.Comparer).ToList(), consents.Select(c => c.Id).ToList());
    }
}
