using Arbetsvagen.Features.AccessLog;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Features.Consents;
using Arbetsvagen.Features.Participants;
using Arbetsvagen.Features.Referrals;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Home;

public sealed record WorkItem(string Kind, Guid ParticipantId, string ParticipantName, Guid? EntityId, DateOnly? Due, bool Overdue, string Text);

public sealed record WorkListResult(int OwnParticipants, int SharedParticipants, List<WorkItem> ReferralsToAnswer, List<WorkItem> ReportsDue,
    List<WorkItem> ReportsAwaited, List<WorkItem> ExpiringConsents, List<WorkItem> FollowUpsDue, List<ParticipantListItem> RecentlyChanged)
{
    public int OverdueReports => ReportsDue.Count(i => i.Overdue);
    public int OverdueAwaited => ReportsAwaited.Count(i => i.Overdue);
}

/// <summary>"Mina ärenden": what needs the caseworker's attention, for the start page and GET /api/v1/work-list.</summary>
public sealed class WorkList(AppDbContext db, CurrentUser user, ParticipantAccess access, AccessLogger log, TimeProvider clock)
{
    public const int ExpiryWindowDays = 30;
    public const int DueWindowDays = 7;
    public const int FollowUpWindowDays = 14;
    private const int MaxItems = 50;

    public async Task<WorkListResult?> LoadAsync(CancellationToken ct)
    {
        if (!user.IsCaseworker)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = SwedishTime.Today(now);
        var boundary = user.SecrecyBoundaryId;
        var own = db.Participants.Where(p => p.OwnerBoundaryId == boundary);
        var ownCount = await own.CountAsync(ct);
        var sharedCount = await access.Visible().CountAsync(p => p.OwnerBoundaryId != boundary, ct);
        var recent = await own.OrderByDescending(p => p.UpdatedAt).Take(15)
            .Select(p => new ParticipantListItem(p.Id, p.IdentityNumber, p.FirstName, p.LastName, "", p.HomeMunicipalityCode,
                p.OwnerOrganisationId, false, p.UpdatedAt))
            .ToListAsync(ct);

        // Referrals: the receiver's side only while the participant is still shared with it (consent checked now).
        var visible = access.Visible().Select(p => p.Id);
        var referrals = db.Set<Referral>().Where(r => visible.Contains(r.ParticipantId));
        var toAnswer = await Items(referrals.Where(r => r.ToBoundaryId == boundary && r.State == ReferralState.Sent).OrderBy(r => r.SentOn), ct);
        var dueLimit = today.AddDays(DueWindowDays);
        var reportsDue = await Items(referrals.Where(r => r.ToBoundaryId == boundary && r.State == ReferralState.Accepted && r.ExpectedReportOn <= dueLimit)
            .OrderBy(r => r.ExpectedReportOn), ct);
        var awaited = await Items(referrals.Where(r => r.FromBoundaryId == boundary
            && (r.State == ReferralState.Sent || r.State == ReferralState.Accepted) && r.ExpectedReportOn < today).OrderBy(r => r.ExpectedReportOn), ct);

        var horizon = today.AddDays(ExpiryWindowDays);
        var expiring = await (from c in db.Consents
                              join p in own on c.ParticipantId equals p.Id
                              where c.WithdrawnAt == null && c.ValidUntil >= today && c.ValidUntil <= horizon
                              orderby c.ValidUntil
                              select new { c.Id, c.ParticipantId, p.FirstName, p.LastName, c.ValidUntil }).Take(MaxItems).ToListAsync(ct);
        var consentIds = expiring.Select(e => e.Id).ToList();
        var recipients = await (from r in db.Set<ConsentRecipient>()
                                join o in db.Organisations on r.OrganisationId equals o.Id
                                where consentIds.Contains(r.ConsentId)
                                select new { r.ConsentId, o.Name }).ToListAsync(ct);

        // Follow-ups 3, 6 and 12 months after closure that fall due within the window (or are up to a window late).
        var closedSince = today.AddMonths(-12).AddDays(-FollowUpWindowDays);
        var closedUntil = today.AddMonths(-3).AddDays(FollowUpWindowDays);
        var closed = await (from c in db.Set<Case>()
                            join p in db.Participants on c.ParticipantId equals p.Id
                            where c.BoundaryId == boundary && c.State == CaseState.Closed && c.ClosedOn >= closedSince && c.ClosedOn <= closedUntil
                            select new { Case = c, p.FirstName, p.LastName }).ToListAsync(ct);
        var followUps = closed
            .SelectMany(c => c.Case.FollowUpDates().Select((due, i) => (c, due, months: new[] { 3, 6, 12 }[i])))
            .Where(x => x.due >= today.AddDays(-FollowUpWindowDays) && x.due <= today.AddDays(FollowUpWindowDays))
            .OrderBy(x => x.due)
            .Select(x => new WorkItem("followUp", x.c.Case.ParticipantId, $"{x.c.LastName}, {x.c.FirstName}", x.c.Case.Id, x.due, x.due < today,
                $"Uppföljning {x.months} månader efter avslut"))
            .Take(MaxItems).ToList();

        var result = new WorkListResult(ownCount, sharedCount, toAnswer, reportsDue, awaited,
            expiring.Select(e => new WorkItem("consent", e.ParticipantId, $"{e.LastName}, {e.FirstName}", e.Id, e.ValidUntil, false,
                "Samtycke till " + string.Join(", ", recipients.Where(r => r.ConsentId == e.Id).Select(r => r.Name)))).ToList(),
            followUps, recent);
        var shown = recent.Select(p => p.Id)
            .Concat(new[] { toAnswer, reportsDue, awaited, result.ExpiringConsents, followUps }.SelectMany(l => l).Select(i => i.ParticipantId))
            .Distinct();
        await log.RecordAsync(AccessAction.Search, "WorkList", null, resultIds: shown, ct: ct);
        return result;

        async Task<List<WorkItem>> Items(IQueryable<Referral> query, CancellationToken token)
        {
            var rows = await (from r in query
                              join p in db.Participants on r.ParticipantId equals p.Id
                              select new { r.Id, r.ParticipantId, p.FirstName, p.LastName, r.ExpectedReportOn, r.Orders, r.State }).Take(MaxItems).ToListAsync(token);
            return rows.Select(r => new WorkItem("referral", r.ParticipantId, $"{r.LastName}, {r.FirstName}", r.Id, r.ExpectedReportOn,
                r.ExpectedReportOn < today, string.Join(", ", EnumText.SetFlags(r.Orders).Select(o => EnumText.Label(o))))).ToList();
        }
    }
}

public static class WorkListApi
{
    public static void MapWorkListApi(this RouteGroupBuilder api) =>
        api.MapGet("/work-list", async (WorkList workList, CancellationToken ct) =>
            await workList.LoadAsync(ct) is { } result
                ? Results.Ok(result)
                : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Behörighet saknas",
                    detail: "Din roll arbetar inte med enskilda deltagare och har ingen arbetslista."))
            .WithTags("Mina ärenden");
}
