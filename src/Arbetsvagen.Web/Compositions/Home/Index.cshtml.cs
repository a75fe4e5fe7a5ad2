using Arbetsvagen.Features.Governance;
using Arbetsvagen.Features.Notifications;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Compositions.Home;

/// <summary>
/// The start page, "Mina ärenden": the work list for roles that work with participants, and for the roles that
/// never see a person what they can use today (counts for the Analytiker, the collaboration for the Samordnare).
/// </summary>
public class IndexModel(WorkList workList, NotificationInbox inbox, RegionFigures figures, CurrentUser user, YearWork governance, Dashboards dashboards) : PageModel
{
    /// <summary>How many unread notices the start page shows; the rest are on the notifications page.</summary>
    public const int UnreadShown = 5;

    public bool IsAdministrator => user.IsAdministrator;
    /// <summary>The participant part of the work list is for caseworkers; a coordinator's list has only the employer part.</summary>
    public bool WorksWithParticipants => user.IsCaseworker;
    public WorkListResult? Result { get; private set; }
    public List<Notice> Unread { get; private set; } = [];
    public AnalystFigures? Analyst { get; private set; }
    public CoordinatorFigures? Coordinator { get; private set; }
    /// <summary>The user's own overdue points on the collaboration's activity list, whatever their role.</summary>
    public List<ActionItemShown> OverdueActionItems { get; private set; } = [];
    /// <summary>The role's panel of figures with charts and their tables (issue 11 §6); null for a role without one.</summary>
    public Infrastructure.Documents.ReportDocument? Dashboard { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A role without individual work gets no work list (the API's 403); the page shows that role's own view instead.
        Result = (await workList.LoadAsync(ct)).Value;
        OverdueActionItems = await governance.MyOverdueAsync(ct);
        Dashboard = await dashboards.ForReaderAsync(ct);
        if (Result is not null)
        {
            Unread = await inbox.LatestAsync(UnreadShown, unreadOnly: true, ct);
        }

        if (user.IsInRole(Roles.Analyst))
        {
            Analyst = await figures.ForAnalystAsync(ct);
        }

        if (user.IsInRole(Roles.Coordinator))
        {
            Coordinator = await figures.ForCoordinatorAsync(ct);
        }
    }
}
