using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Cases;

public class DetailsModel(CaseWork work, AppDbContext db, CurrentUser user, TimeProvider clock) : ActionPage(db)
{
    private Dictionary<Guid, string> authors = [];

    [BindProperty] public EnrolmentInput Enrolment { get; set; } = new();
    [BindProperty] public ClosureInput Closure { get; set; } = new();
    [BindProperty] public JournalInput Entry { get; set; } = new();
    [BindProperty] public FollowUpInput FollowUp { get; set; } = new();
    public Case? Case { get; private set; }
    public bool Holder { get; private set; }
    public string ParticipantName { get; private set; } = "";
    public string HolderName { get; private set; } = "";
    public List<JournalEntry> Journal { get; private set; } = [];
    public List<(Guid Id, string Label)> Consents { get; private set; } = [];
    public Guid UserId => user.Id;
    public string Today => SwedishTime.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public string AuthorName(Guid id) => authors.GetValueOrDefault(id, "okänd");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, read: true, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostEnrolAsync(Guid id, CancellationToken ct) => Act(id, () => work.EnrolAsync(id, Enrolment, ct), "Ärendet är inskrivet.", ct);

    public Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct) => Act(id, () => work.StartAsync(id, ct), "Ärendet är pågående.", ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => Act(id, () => work.CloseAsync(id, Closure, ct), "Ärendet är avslutat.", ct);

    public Task<IActionResult> OnPostFollowUpAsync(Guid id, CancellationToken ct) =>
        Act(id, () => work.RecordFollowUpAsync(id, FollowUp, ct), "Uppföljningen är registrerad.", ct);

    public Task<IActionResult> OnPostWriteAsync(Guid id, CancellationToken ct) => Act(id, () => work.WriteAsync(id, Entry, ct), "Anteckningen är sparad.", ct);

    public Task<IActionResult> OnPostSignAsync(Guid id, Guid entryId, CancellationToken ct) => Act(id, () => work.ChangeEntryAsync(entryId, e =>
    {
        e.Sign(user.Id, clock.GetUtcNow().UtcDateTime);
        return e;
    }, ct), "Anteckningen är signerad.", ct);

    protected override Task<bool> ReloadAsync(Guid id, CancellationToken ct) => LoadAsync(id, read: false, ct);

    protected override string PathFor(Guid id) => $"/Cases/Details/{id}";

    private async Task<bool> LoadAsync(Guid id, bool read, CancellationToken ct)
    {
        var found = await work.FindAsync(id, ct);
        if (found is null)
        {
            return false;
        }

        Case = read ? await work.ReadAsync(id, ct) : found.Case;
        Holder = found.Holder;
        var participant = await Db.Participants.AsNoTracking().Where(p => p.Id == found.Case.ParticipantId)
            .Select(p => new { p.FirstName, p.LastName }).FirstAsync(ct);
        ParticipantName = $"{participant.FirstName} {participant.LastName}";
        HolderName = await Db.Organisations.Where(o => o.Id == found.Case.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        if (Holder)
        {
            Journal = await work.JournalAsync(id, ct) ?? [];
            var authorIds = Journal.Select(e => e.AuthorUserId).Distinct().ToList();
            authors = await Db.Users.Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var consents = await Db.Consents.Include(c => c.Recipients).AsNoTracking().Where(c => c.ParticipantId == found.Case.ParticipantId).ToListAsync(ct);
            Consents = consents.Where(c => c.IsActive(now)).Select(c => (c.Id, $"{c.Purpose} (gäller till {Ui.Date(c.ValidUntil)})")).ToList();
        }

        return true;
    }
}
