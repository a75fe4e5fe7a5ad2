using Arbetsvagen.Features.AccessLog;
using Arbetsvagen.Features.Participants;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Home;

/// <summary>"Mina ärenden": what needs the caseworker's attention. Later features add their own sections.</summary>
public class WorkListModel(AppDbContext db, CurrentUser user, ParticipantAccess access, AccessLogger log, TimeProvider clock) : PageModel
{
    public const int ExpiryWindowDays = 30;

    public sealed record ExpiringConsent(Guid ParticipantId, string Name, DateOnly ValidUntil, string Recipients);

    public bool IsCaseworker => user.IsCaseworker;
    public bool IsAdministrator => user.IsAdministrator;
    public int OwnCount { get; private set; }
    public int SharedCount { get; private set; }
    public List<ParticipantListItem> Recent { get; private set; } = [];
    public List<ExpiringConsent> ExpiringConsents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!user.IsCaseworker)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = SwedishTime.Today(now);
        var boundary = user.SecrecyBoundaryId;
        var own = db.Participants.Where(p => p.OwnerBoundaryId == boundary);
        OwnCount = await own.CountAsync(ct);
        SharedCount = await access.Visible().CountAsync(p => p.OwnerBoundaryId != boundary, ct);
        Recent = await own.OrderByDescending(p => p.UpdatedAt).Take(15)
            .Select(p => new ParticipantListItem(p.Id, p.IdentityNumber, p.FirstName, p.LastName, "", p.HomeMunicipalityCode,
                p.OwnerOrganisationId, false, p.UpdatedAt))
            .ToListAsync(ct);

        var horizon = today.AddDays(ExpiryWindowDays);
        var expiring = await (from c in db.Consents
                              join p in own on c.ParticipantId equals p.Id
                              where c.WithdrawnAt == null && c.ValidUntil >= today && c.ValidUntil <= horizon
                              orderby c.ValidUntil
                              select new { c.Id, p.FirstName, p.LastName, c.ParticipantId, c.ValidUntil }).Take(50).ToListAsync(ct);
        var consentIds = expiring.Select(e => e.Id).ToList();
        var recipients = await (from r in db.Set<Consents.ConsentRecipient>()
                                join o in db.Organisations on r.OrganisationId equals o.Id
                                where consentIds.Contains(r.ConsentId)
                                select new { r.ConsentId, o.Name }).ToListAsync(ct);
        ExpiringConsents = expiring.Select(e => new ExpiringConsent(e.ParticipantId, $"{e.LastName}, {e.FirstName}", e.ValidUntil,
            string.Join(", ", recipients.Where(r => r.ConsentId == e.Id).Select(r => r.Name)))).ToList();

        await log.RecordAsync(AccessAction.Search, "WorkList", null,
            resultIds: Recent.Select(p => p.Id).Concat(ExpiringConsents.Select(c => c.ParticipantId)).Distinct(), ct: ct);
    }
}
