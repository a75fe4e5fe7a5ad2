using Arbetsvagen.Infrastructure;
using Arbetsvagen.Core.Organisations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Governance;

/// <summary>The collaboration at a glance: agreements, groups, the user's own groups, and the ways into the year's work.</summary>
public class IndexModel(GovernanceWork work) : PageModel
{
    public List<Collaboration> Collaborations { get; private set; } = [];
    public Collaboration? Collaboration { get; private set; }
    public List<Agreement> Agreements { get; private set; } = [];
    public List<Group> Groups { get; private set; } = [];
    public List<Group> MyGroups { get; private set; } = [];
    public List<Meeting> Upcoming { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? collaborationId, CancellationToken ct)
    {
        Collaborations = await work.CollaborationsAsync(ct);
        Collaboration = await work.CollaborationAsync(collaborationId, ct);
        if (Collaboration is null)
        {
            return collaborationId is null ? Page() : NotFound();
        }

        Agreements = await work.AgreementsAsync(Collaboration.Id, ct);
        Groups = await work.GroupsAsync(Collaboration.Id, ct);
        MyGroups = await work.MyGroupsAsync(ct);
        var today = SwedishTime.Today(DateTime.UtcNow);
        Upcoming = (await work.MeetingsAsync(Collaboration.Id, null, null, ct)).Where(m => m.HeldOn >= today).Take(5).ToList();
        return Page();
    }
}
