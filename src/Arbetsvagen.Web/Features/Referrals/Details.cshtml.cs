using System.Globalization;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Referrals;

/// <summary>The form of a three-party meeting as the browser posts it: the time is Swedish local time (datetime-local).</summary>
public sealed class MeetingForm
{
    public string? HeldAt { get; set; }
    public string? Attendees { get; set; }
    public string? Notes { get; set; }
}

/// <summary>
/// One referral as its sender or receiver sees it: the question, the answer, three-party meetings and the return
/// report. The receiver accepts or declines a sent referral and reports on an accepted one; either party records meetings.
/// </summary>
public class DetailsModel(ReferralWork work, AppDbContext db, TimeProvider clock) : ActionPage(db)
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
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

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) =>
        Act(id, () => work.AcceptAsync(id, ct), "Remissen är accepterad.", ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct) =>
        Act(id, () => work.DeclineAsync(id, Decline, ct), "Remissen är avböjd.", ct);

    public Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken ct) =>
        Act(id, () => work.ReportAsync(id, Report, ct), "Återrapporten är skickad.", ct);

    public Task<IActionResult> OnPostMeetingAsync(Guid id, CancellationToken ct) => Act(id, async () =>
    {
        if (!DateTime.TryParseExact(Meeting.HeldAt?.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local))
        {
            var errors = new Dictionary<string, string[]> { ["heldAt"] = ["Ange datum och tid för samtalet."] };
            if (string.IsNullOrWhiteSpace(Meeting.Attendees))
            {
                errors["attendees"] = ["Ange vilka som deltog (högst 4000 tecken)."];
            }

            if (string.IsNullOrWhiteSpace(Meeting.Notes))
            {
                errors["notes"] = ["Skriv vad som sades och beslutades (högst 4000 tecken)."];
            }

            throw new ValidationException(errors);
        }

        var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Stockholm);
        return await work.RecordMeetingAsync(id, new MeetingInput { HeldAt = utc, Attendees = Meeting.Attendees, Notes = Meeting.Notes }, ct);
    }, "Trepartssamtalet är dokumenterat.", ct);

    protected override Task<bool> ReloadAsync(Guid id, CancellationToken ct) => LoadAsync(id, read: false, ct);

    protected override string PathFor(Guid id) => $"/Referrals/Details/{id}";

    private async Task<bool> LoadAsync(Guid id, bool read, CancellationToken ct)
    {
        var found = await work.FindAsync(id, ct);
        if (found is not { } f)
        {
            return false;
        }

        Referral = read ? await work.ReadAsync(id, ct) ?? f.Referral : f.Referral;
        Receiver = f.Receiver;
        var r = Referral;
        if (read && Receiver && r.State == ReferralState.Accepted)
        {
            Report.AttendanceSummary ??= await work.AttendanceFactsAsync(r, ct);
        }

        ParticipantName = await Db.Participants.AsNoTracking().Where(p => p.Id == r.ParticipantId)
            .Select(p => p.FirstName + " " + p.LastName).FirstAsync(ct);
        Similar = await work.SimilarCountAsync(r.ParticipantId, r.Orders, r.SentAt, ct);
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
