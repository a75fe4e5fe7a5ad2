using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Features.Employers;
using Arbetsvagen.Core.Consents;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Referrals;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Arbetsvagen.Core.AccessLog;

namespace Arbetsvagen.Compositions.Home;

public sealed record WorkItem(string Kind, Guid ParticipantId, string ParticipantName, Guid? EntityId, DateOnly? Due, bool Overdue, string Text);

/// <summary>A scheduled activity of the user's unit today whose register is not complete.</summary>
public sealed record AttendanceToRegister(Guid ActivityId, string Name, int Expected, int Registered);

public sealed record WorkListResult(int OwnParticipants, int SharedParticipants, List<WorkItem> ReferralsToAnswer, List<WorkItem> ReportsDue,
    List<WorkItem> ReportsAwaited, List<WorkItem> ExpiringConsents, List<WorkItem> FollowUpsDue, List<WorkItem> PlansToReview,
    List<WorkItem> WithoutPlan, List<AttendanceToRegister> AttendanceToRegister, List<ParticipantListItem> RecentlyChanged,
    EmployerAgenda? Employers = null)
{
    /// <summary>A coordinator's work list: no participant in it, only the employer register's follow-ups and incoming needs.</summary>
    public static WorkListResult EmployersOnly(EmployerAgenda employers) => new(0, 0, [], [], [], [], [], [], [], [], [], employers);

    public int OverdueReports => ReportsDue.Count(i => i.Overdue);
    public int OverdueAwaited => ReportsAwaited.Count(i => i.Overdue);
}

/// <summary>
/// "Mina ärenden": what needs the caseworker's attention, for the start page and GET /api/v1/work-list.
/// Each source is read with its boundary index; who may be shown is then decided once for all candidates
/// (own boundary, or an active consent naming the user's unit now) instead of joining every query with the
/// whole visibility set.
/// </summary>
public sealed class WorkList(AppDbContext db, CurrentUser user, ParticipantAccess access, AccessLogger log, TimeProvider clock, IMemoryCache cache,
    EmployerWork employers)
{
    /// <summary>How long the unit's participant counts are reused: they are context for the start page, not a to-do.</summary>
    public static readonly TimeSpan CountsFor = TimeSpan.FromMinutes(1);

    public const int ExpiryWindowDays = 30;
    public const int DueWindowDays = 7;
    public const int FollowUpWindowDays = 14;
    private const int MaxItems = 50;
    private const int MaxCandidates = 500;

    private sealed record ParticipantCounts(int Own, int Shared);

    private sealed record Candidate(string Kind, Guid ParticipantId, Guid? EntityId, DateOnly? Due, bool Overdue, string Text, DataCategories Needs);

    /// <summary>Why a role without individual work has no work list (the API's 403).</summary>
    public const string NoWorkList = "Din roll arbetar inte med enskilda deltagare och har ingen arbetslista.";

    public async Task<Outcome<WorkListResult>> LoadAsync(CancellationToken ct)
    {
        if (!user.IsCaseworker)
        {
            // Coordinators work with employers, not with people: their list holds the register's follow-ups and incoming needs.
            return user.IsInRole(Roles.Coordinator) ? WorkListResult.EmployersOnly(await employers.AgendaAsync(ct)) : Outcome.Forbidden(NoWorkList);
        }

        await db.Database.OpenConnectionAsync(ct); // the queries below share one connection
        var now = clock.GetUtcNow().UtcDateTime;
        var today = SwedishTime.Today(now);
        var boundary = user.SecrecyBoundaryId;
        var own = db.Participants.Where(p => p.OwnerBoundaryId == boundary);
        // A consent never names the owner's own boundary, so consented participants are all "shared with us".
        var shared = access.ConsentsToMe().Where(c => (c.Categories & DataCategories.Identity) == DataCategories.Identity).Select(c => c.ParticipantId);
        // Counting a unit's thousands of participants is the dearest query here, and the counts are context, not a
        // to-do: a unit's counts are read at most once a minute.
        var counts = await cache.GetOrCreateAsync(("work-list-counts", user.OrganisationId, boundary), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CountsFor;
            return new ParticipantCounts(await own.CountAsync(ct), await shared.Distinct().CountAsync(ct));
        });
        var recent = await own.OrderByDescending(p => p.UpdatedAt).Take(15)
            .Select(p => new ParticipantListItem(p.Id, p.IdentityNumber, p.FirstName, p.LastName, "", p.HomeMunicipalityCode,
                p.OwnerOrganisationId, false, p.UpdatedAt))
            .ToListAsync(ct);

        var candidates = new List<Candidate>();
        var dueLimit = today.AddDays(DueWindowDays);
        // Referrals to us to answer or report on soon, and referrals from us whose report is late: each with its own
        // limit and boundary index, in one round trip.
        var toUs = db.Set<Referral>()
            .Where(r => r.ToBoundaryId == boundary && (r.State == ReferralState.Sent || (r.State == ReferralState.Accepted && r.ExpectedReportOn <= dueLimit)))
            .OrderBy(r => r.ExpectedReportOn).Take(MaxCandidates)
            .Select(r => new { r.Id, r.ParticipantId, r.ExpectedReportOn, r.Orders, r.State, ToUs = true });
        var awaited = db.Set<Referral>()
            .Where(r => r.FromBoundaryId == boundary && (r.State == ReferralState.Sent || r.State == ReferralState.Accepted) && r.ExpectedReportOn < today)
            .OrderBy(r => r.ExpectedReportOn).Take(MaxCandidates)
            .Select(r => new { r.Id, r.ParticipantId, r.ExpectedReportOn, r.Orders, r.State, ToUs = false });
        var referrals = (await toUs.Concat(awaited).ToListAsync(ct)).OrderBy(r => r.ExpectedReportOn).ToList();
        candidates.AddRange(referrals.Where(r => r.ToUs).Select(r => new Candidate(r.State == ReferralState.Sent ? "referral" : "reportDue", r.ParticipantId,
            r.Id, r.ExpectedReportOn, r.ExpectedReportOn < today, EnumText.Label(r.Orders), DataCategories.CaseAndPlan)));
        candidates.AddRange(referrals.Where(r => !r.ToUs).Select(r => new Candidate("reportAwaited", r.ParticipantId, r.Id, r.ExpectedReportOn, true,
            EnumText.Label(r.Orders), DataCategories.CaseAndPlan)));

        var horizon = today.AddDays(ExpiryWindowDays);
        // Consents are given by the unit holding the participant, so the (owner unit, valid until) index finds them.
        // Only active consents can run out: one documented with a future GivenAt does not share anything yet.
        var units = db.Organisations.Where(o => o.SecrecyBoundaryId == boundary).Select(o => o.Id);
        var expiring = await db.Consents
            .Where(Consent.ActiveAt(now))
            .Where(c => units.Contains(c.OwnerOrganisationId) && c.ValidUntil <= horizon)
            .OrderBy(c => c.ValidUntil)
            .Select(c => new
            {
                c.Id, c.ParticipantId, c.ValidUntil,
                Recipients = c.Recipients.Select(r => db.Set<Arbetsvagen.Core.Organisations.Organisation>().Where(o => o.Id == r.OrganisationId).Select(o => o.Name).FirstOrDefault()).ToList(),
            })
            .Take(MaxItems).ToListAsync(ct);
        candidates.AddRange(expiring.Select(e => new Candidate("consent", e.ParticipantId, e.Id, e.ValidUntil, false,
            "Samtycke till " + string.Join(", ", e.Recipients.Select(name => name ?? "okänd organisation")), DataCategories.None)));

        // Follow-ups 3, 6 and 12 months after closure that fall due within the window (or are up to a window late) and are not recorded.
        var closedSince = today.AddMonths(-12).AddDays(-FollowUpWindowDays);
        var closedUntil = today.AddMonths(-3).AddDays(FollowUpWindowDays);
        var closed = await db.Set<Case>()
            .Where(c => c.BoundaryId == boundary && c.State == CaseState.Closed && c.ClosedOn >= closedSince && c.ClosedOn <= closedUntil)
            .OrderBy(c => c.ClosedOn).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.ParticipantId, ClosedOn = c.ClosedOn!.Value, Done = c.FollowUps.Select(f => f.Months).ToList() })
            .Take(MaxCandidates).ToListAsync(ct);
        candidates.AddRange(closed
            .SelectMany(c => Case.FollowUpMonths.Where(m => !c.Done.Contains(m)).Select(m => (c, months: m, due: c.ClosedOn.AddMonths(m))))
            .Where(x => x.due >= today.AddDays(-FollowUpWindowDays) && x.due <= today.AddDays(FollowUpWindowDays))
            .OrderBy(x => x.due)
            .Select(x => new Candidate("followUp", x.c.ParticipantId, x.c.Id, x.due, x.due < today, $"Uppföljning {x.months} månader efter avslut",
                DataCategories.None)));

        // Plans: for each participant in an enrolled or ongoing case of ours, a plan due for review, or no plan at all.
        var active = await db.Set<Case>()
            .Where(c => c.BoundaryId == boundary && (c.State == CaseState.Enrolled || c.State == CaseState.Ongoing))
            .OrderBy(c => c.OpenedOn).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.ParticipantId, Review = db.Set<ActionPlan>().Where(p => p.ParticipantId == c.ParticipantId).Select(p => (DateOnly?)p.ReviewOn).FirstOrDefault() })
            .Take(MaxCandidates).ToListAsync(ct);
        candidates.AddRange(active.Where(c => c.Review is { } review && review <= dueLimit).OrderBy(c => c.Review)
            .Select(c => new Candidate("planReview", c.ParticipantId, c.Id, c.Review, c.Review < today, "Handlingsplanen ska följas upp",
                DataCategories.CaseAndPlan)));
        candidates.AddRange(active.Where(c => c.Review is null).DistinctBy(c => c.ParticipantId)
            .Select(c => new Candidate("noPlan", c.ParticipantId, c.Id, null, false, "Ingen handlingsplan", DataCategories.CaseAndPlan)));

        var items = await ShowableAsync(candidates, boundary, ct);
        List<WorkItem> Of(params string[] kinds) => items.Where(i => kinds.Contains(i.Kind)).Take(MaxItems).ToList();
        var result = new WorkListResult(counts!.Own, counts.Shared, Of("referral"), Of("reportDue"), Of("reportAwaited"), Of("consent"),
            Of("followUp"), Of("planReview"), Of("noPlan"), await AttendanceToRegisterAsync(today, ct), recent, await employers.AgendaAsync(ct));

        var shown = recent.Select(p => p.Id).Concat(items.Select(i => i.ParticipantId)).Distinct();
        await log.RecordAsync(AccessAction.Search, "WorkList", null, resultIds: shown, ct: ct);
        return result;
    }

    /// <summary>
    /// Keeps the candidates whose participant the user may see now with the categories the item needs, and names
    /// them, in one query: the participants with what the consents naming the user's unit cover.
    /// </summary>
    private async Task<List<WorkItem>> ShowableAsync(List<Candidate> candidates, Guid boundary, CancellationToken ct)
    {
        var ids = candidates.Select(c => c.ParticipantId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var toMe = access.ConsentsToMe();
        var people = await db.Participants.Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.FirstName, p.LastName, Own = p.OwnerBoundaryId == boundary,
                Consented = toMe.Where(c => c.ParticipantId == p.Id).Select(c => c.Categories).ToList(),
            })
            .ToDictionaryAsync(p => p.Id, ct);

        return candidates.Where(c => people.TryGetValue(c.ParticipantId, out var p)
                && (p.Own || (p.Consented.Aggregate(DataCategories.None, (all, has) => all | has) is var has
                    && (has & DataCategories.Identity) != 0 && (has & c.Needs) == c.Needs)))
            .Select(c => new WorkItem(c.Kind, c.ParticipantId, $"{people[c.ParticipantId].LastName}, {people[c.ParticipantId].FirstName}",
                c.EntityId, c.Due, c.Overdue, c.Text))
            .ToList();
    }

    /// <summary>The unit's activities scheduled today that still have participants without a registration.</summary>
    private async Task<List<AttendanceToRegister>> AttendanceToRegisterAsync(DateOnly today, CancellationToken ct)
    {
        var running = (await db.Activities.Where(a => a.OrganisationId == user.OrganisationId && a.StartsOn <= today && a.EndsOn >= today)
            .ToListAsync(ct)).Where(a => a.IsScheduledOn(today)).ToList();
        if (running.Count == 0)
        {
            return [];
        }

        var ids = running.Select(a => a.Id).ToList();
        // Who takes part today, and whether they are registered.
        var taking = await (from a in db.Set<PlanActivity>()
                            join p in db.ActionPlans on a.PlanId equals p.Id
                            where a.ActivityId != null && ids.Contains(a.ActivityId.Value) && a.StartsOn <= today && a.EndsOn >= today
                                && a.Status != PlanActivityStatus.Cancelled && a.Status != PlanActivityStatus.Interrupted
                            select new
                            {
                                a.ActivityId, p.ParticipantId,
                                Registered = db.Set<AttendanceRecord>().Any(r => r.ActivityId == a.ActivityId && r.ParticipantId == p.ParticipantId && r.Date == today),
                            }).Distinct().ToListAsync(ct);
        return running
            .Select(a => new AttendanceToRegister(a.Id, a.Name, taking.Count(t => t.ActivityId == a.Id), taking.Count(t => t.ActivityId == a.Id && t.Registered)))
            .Where(a => a.Registered < a.Expected)
            .OrderBy(a => a.Name)
            .ToList();
    }

}
