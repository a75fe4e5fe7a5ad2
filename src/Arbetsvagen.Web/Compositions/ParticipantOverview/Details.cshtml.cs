using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Features.Mappings;
using Arbetsvagen.Features.Referrals;
using Arbetsvagen.Core.Consents;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Arbetsvagen.Core.AccessLog;

namespace Arbetsvagen.Compositions.ParticipantOverview;

public class DetailsModel(ParticipantAccess access, ConsentChanges consents, AccessLogger log, CurrentUser user, AppDbContext db,
    TimeProvider clock, CaseWork caseWork, ReferralWork referralWork, ActionPlanWork plans,
    MappingWork mappings, AttendanceWork attendance) : PageModel
{
    private Dictionary<Guid, string> organisations = [];

    public ParticipantDto? Participant { get; private set; }
    public bool OwnCase { get; private set; }
    public string OwnerName { get; private set; } = "";
    public List<Consent> Consents { get; private set; } = [];
    public List<Case> Cases { get; private set; } = [];
    public bool MayOpenCase { get; private set; }
    public bool MaySeeAttendance { get; private set; }
    /// <summary>The overview of the path: current plan, latest joint position and the last four weeks' attendance (each when covered).</summary>
    public ActionPlan? Plan { get; private set; }
    public JointPosition? Position { get; private set; }
    public AttendanceSummary? RecentAttendance { get; private set; }
    public const int RecentAttendanceDays = 28;
    public string MyOrganisationName => OrganisationName(user.OrganisationId);
    [BindProperty] public OpenCaseInput NewCase { get; set; } = new();
    [BindProperty] public ReferralInput NewReferral { get; set; } = new();
    public List<Referral> Referrals { get; private set; } = [];
    /// <summary>Organisations a referral can go to now (outside the user's boundary, named by an active consent).</summary>
    public List<(Guid Id, string Name)> Receivers { get; private set; } = [];
    /// <summary>The user's own open cases for the participant, one of which a referral can come from.</summary>
    public List<Case> MyOpenCases { get; private set; } = [];
    public DateOnly Today => SwedishTime.Today(clock);
    public string TodayText => Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public string OrganisationName(Guid id) => organisations.GetValueOrDefault(id, "okänd organisation");

    /// <summary>How many similar referrals (this one included) were sent in the lock-in period up to <paramref name="referral"/>.</summary>
    public int Similar(Referral referral) => Referral.SimilarWithinLockInPeriod(referral, Referrals);

    public string Label<T>(string? apiName) where T : struct, Enum =>
        EnumText.TryParse<T>(apiName, out var value) ? EnumText.Label(value) : "–";

    public string Occupations(List<string>? ids) => ids is { Count: > 0 }
        ? string.Join(", ", ids.Select(id => ReferenceData.Instance.Occupations.TryGetValue(id, out var o) ? o.Name : id))
        : "–";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct); // a dozen queries follow: one connection for all of them
        var grant = await access.FindAsync(id, ct);
        if (grant is null)
        {
            return NotFound();
        }

        await log.RecordAsync(AccessAction.Read, "Participant", id, id, grant.ConsentId is { } c ? $"samtycke {c}" : null, ct: ct);
        Participant = ParticipantDto.From(grant, user.MaySeeSensitiveData);
        OwnCase = grant.OwnCase;
        Consents = (await consents.ListAsync(id, ct)).Value ?? [];
        Cases = (await caseWork.ListAsync(id, ct)).Value ?? [];
        MayOpenCase = grant.Covers(DataCategories.CaseAndPlan);
        MaySeeAttendance = grant.Covers(DataCategories.Attendance);
        Referrals = (await referralWork.ListForParticipantAsync(id, ct)).Value ?? [];
        if (MayOpenCase)
        {
            Plan = (await plans.ReadAsync(id, ct)).Value?.Plan;
            Position = (await mappings.ListJointPositionsAsync(id, ct)).Value?.FirstOrDefault();
        }

        if (MaySeeAttendance)
        {
            RecentAttendance = await attendance.SummaryAsync(id, Today.AddDays(1 - RecentAttendanceDays), Today, ct);
        }
        var all = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name, o.SecrecyBoundaryId }).ToListAsync(ct);
        organisations = all.ToDictionary(o => o.Id, o => o.Name);
        if (OwnCase)
        {
            // Only the organisations the person's consents cover: the same decision the send rule makes.
            Receivers = ((await referralWork.ReceiversAsync(id, ct)).Value ?? []).Select(o => (o.Id, o.Name)).ToList();
            MyOpenCases = Cases.Where(c => c.BoundaryId == user.SecrecyBoundaryId && c.State != CaseState.Closed).ToList();
        }

        OwnerName = OrganisationName(grant.Participant.OwnerOrganisationId);
        return Page();
    }

    public async Task<IActionResult> OnPostOpenCaseAsync(Guid id, CancellationToken ct)
    {
        var opened = await caseWork.OpenAsync(id, NewCase, ct);
        return await AnswerAsync(id, opened, "NewCase", c => ($"/Cases/Details/{c.Id}", "Ärendet är aktualiserat."), ct);
    }

    public async Task<IActionResult> OnPostSendReferralAsync(Guid id, CancellationToken ct)
    {
        NewReferral.ParticipantId = id;
        var sent = await referralWork.SendAsync(NewReferral, ct);
        // The referral form's fields carry no prefix: their ids are the bare field names.
        return await AnswerAsync(id, sent, "", s => ($"/Referrals/Details/{s.Referral.Id}", s.SimilarWithinLockInPeriod >= Referral.LockInThreshold
            ? $"Remissen är skickad. Inlåsningsrisk: {s.SimilarWithinLockInPeriod} liknande remisser de senaste {Referral.LockInMonths} månaderna."
            : "Remissen är skickad."), ct);
    }

    /// <summary>Withdraws only a consent of the participant in the address: checked before anything is changed.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid consentId, CancellationToken ct) =>
        await AnswerAsync(id, await consents.WithdrawAsync(consentId, ofParticipant: id, ct), "",
            _ => ($"/Participants/Details/{id}", "Samtycket är återkallat. Delningen har upphört."), ct);

    /// <summary>
    /// Success goes to the page <paramref name="success"/> names with its message; a refusal shows this page again with
    /// the messages at the fields of <paramref name="prefix"/>, nothing half-done kept.
    /// </summary>
    private async Task<IActionResult> AnswerAsync<T>(Guid id, Outcome<T> outcome, string prefix, Func<T, (string Path, string Message)> success,
        CancellationToken ct)
    {
        if (outcome.Failure is { } failure)
        {
            db.ChangeTracker.Clear();
            ViewData.KeepErrorOrder(failure, prefix);
            return ModelState.Show(failure, prefix) ?? await OnGetAsync(id, ct);
        }

        var (path, message) = success(outcome.Value!);
        TempData["Message"] = message;
        return Redirect(path);
    }
}
