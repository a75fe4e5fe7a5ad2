using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Referrals;

/// <summary>
/// One referral as its sender or receiver sees it: the question, the answer, three-party meetings and the return
/// report. The receiver accepts or declines a sent referral and reports on an accepted one; either party records meetings.
/// Each form runs the same use case as its API endpoint; its fields carry no prefix, so their ids are the bare field names.
/// </summary>
public class DetailsModel(ReferralWork work, AppDbContext db, TimeProvider clock) : ActionPage(db)
{
    private Dictionary<Guid, string> names = [];

    [BindProperty] public DeclineInput Decline { get; set; } = new();
    [BindProperty] public ReportInput Report { get; set; } = new();
    [BindProperty] public MeetingForm Meeting { get; set; } = new();
    public Referral? Referral { get; private set; }
    public bool Receiver { get; private set; }
    public string ParticipantName { get; private set; } = "";
    public int Similar { get; private set; }
    public DateOnly Today => SwedishTime.Today(clock);

    public string Name(Guid? id) => id is { } i ? names.GetValueOrDefault(i, "okänd") : "–";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, read: true, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.AcceptAsync(id, ct), "Remissen är accepterad.", prefix: "", ct);

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.DeclineAsync(id, Decline, ct), "Remissen är avböjd.", prefix: "", ct);

    public async Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.ReportAsync(id, Report, ct), "Återrapporten är skickad.", prefix: "", ct);

    public async Task<IActionResult> OnPostMeetingAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.RecordMeetingAsync(id, Meeting, ct), "Trepartssamtalet är dokumenterat.", prefix: "", ct);

    protected override Task<bool> ReloadAsync(Guid id, CancellationToken ct) => LoadAsync(id, read: false, ct);

    protected override string PathFor(Guid id) => $"/Referrals/Details/{id}";

    private async Task<bool> LoadAsync(Guid id, bool read, CancellationToken ct)
    {
        if ((await work.ReadAsync(id, ct, logRead: read)).Value is not { } shown)
        {
            return false;
        }

        var r = Referral = shown.Referral;
        Receiver = shown.Receiver;
        Similar = shown.SimilarWithinLockInPeriod;
        if (read && Receiver && r.State == ReferralState.Accepted)
        {
            Report.AttendanceSummary ??= await work.AttendanceFactsAsync(r, ct);
        }

        ParticipantName = await Db.Participants.AsNoTracking().Where(p => p.Id == r.ParticipantId)
            .Select(p => p.FirstName + " " + p.LastName).FirstAsync(ct);
        var orgIds = new[] { r.FromOrganisationId, r.ToOrganisationId };
        var userIds = new[] { r.SentByUserId, r.AnsweredByUserId ?? Guid.Empty, r.ReportedByUserId ?? Guid.Empty }
            .Concat(r.Meetings.Select(m => m.RecordedByUserId)).Distinct().ToList();
        names = await Db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        foreach (var (userId, name) in await Db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct))
        {
            names[userId] = name;
        }

        return true;
    }
}
