using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Features.Governance;

/// <summary>One group: mandate, cadence, members by role (names logged), its meetings, and a form for a new meeting (members only).</summary>
public class GroupModel(GovernanceWork work, AppDbContext db) : ActionPage(db)
{
    [BindProperty] public GroupMeetingInput NewMeeting { get; set; } = new();

    public GroupShown? Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ReloadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMeetingAsync(Guid id, CancellationToken ct)
    {
        NewMeeting.GroupId = id;
        var outcome = await work.CreateMeetingAsync(NewMeeting, ct);
        if (outcome.Value is { } meeting)
        {
            TempData["Message"] = "Mötet är infört.";
            return Redirect($"/Governance/Meeting/{meeting.Id}");
        }

        return await Answer(id, outcome, "", "NewMeeting", ct);
    }

    protected override async Task<bool> ReloadAsync(Guid id, CancellationToken ct)
    {
        Shown = (await work.GroupAsync(id, ct)).Value;
        return Shown is not null;
    }

    protected override string PathFor(Guid id) => $"/Governance/Group/{id}";
}
