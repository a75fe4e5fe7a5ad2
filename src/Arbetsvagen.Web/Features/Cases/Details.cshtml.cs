using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Cases;

/// <summary>The case page: each form runs the same <see cref="CaseWork"/> use case as its API endpoint.</summary>
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
    public EnrolmentConsents? EnrolmentConsents { get; private set; }
    public Guid UserId => user.Id;
    public string Today => Ui.Date(SwedishTime.Today(clock));

    public string AuthorName(Guid id) => authors.GetValueOrDefault(id, "okänd");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, read: true, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEnrolAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.EnrolAsync(id, Enrolment, ct), "Ärendet är inskrivet.", nameof(Enrolment), ct);

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.StartAsync(id, ct), "Ärendet är pågående.", "", ct);

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.CloseAsync(id, Closure, ct), "Ärendet är avslutat.", nameof(Closure), ct);

    public async Task<IActionResult> OnPostFollowUpAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.RecordFollowUpAsync(id, FollowUp, ct), "Uppföljningen är registrerad.", nameof(FollowUp), ct);

    public async Task<IActionResult> OnPostWriteAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.WriteAsync(id, Entry, ct), "Anteckningen är sparad.", nameof(Entry), ct);

    public async Task<IActionResult> OnPostSignAsync(Guid id, Guid entryId, CancellationToken ct) =>
        await Answer(id, await work.SignEntryAsync(entryId, ct, inCase: id), "Anteckningen är signerad.", nameof(Entry), ct);

    protected override Task<bool> ReloadAsync(Guid id, CancellationToken ct) => LoadAsync(id, read: false, ct);

    protected override string PathFor(Guid id) => $"/Cases/Details/{id}";

    private async Task<bool> LoadAsync(Guid id, bool read, CancellationToken ct)
    {
        if ((await work.FindAsync(id, ct)).Value is not { } found)
        {
            return false;
        }

        Case = read ? (await work.ReadAsync(id, ct)).Value ?? found.Case : found.Case;
        Holder = found.Holder;
        var participant = await Db.Participants.AsNoTracking().Where(p => p.Id == found.Case.ParticipantId)
            .Select(p => new { p.FirstName, p.LastName }).FirstAsync(ct);
        ParticipantName = $"{participant.FirstName} {participant.LastName}";
        HolderName = await Db.Organisations.Where(o => o.Id == found.Case.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        // The forms start from today; a refused form keeps what was written (model state wins over these).
        Enrolment.EnrolledOn ??= Today;
        Closure.ClosedOn ??= Today;
        FollowUp.FollowedUpOn ??= Today;
        if (Holder)
        {
            Journal = (await work.JournalAsync(id, ct)).Value ?? [];
            var authorIds = Journal.Select(e => e.AuthorUserId).Distinct().ToList();
            authors = await Db.Users.Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            if (found.Case.State == CaseState.Actualised)
            {
                EnrolmentConsents = (await work.EnrolmentConsentsAsync(id, ct)).Value;
            }
        }

        return true;
    }
}
