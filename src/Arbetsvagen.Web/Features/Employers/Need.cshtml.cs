using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Employers;

/// <summary>
/// One competence need with its history, and the moves of its status. A need from the public form shows what the
/// sender gave; its contact person is personal data, shown to caseworkers and coordinators and logged.
/// </summary>
public class NeedModel(EmployerWork work, AppDbContext db) : ActionPage(db)
{
    private Dictionary<Guid, string> names = [];

    [BindProperty] public NeedStatusInput Decline { get; set; } = new();
    [BindProperty] public NeedAnswerInput Answering { get; set; } = new();
    public CompetenceNeed? Need { get; private set; }
    /// <summary>The job tracks and placements that answer the need.</summary>
    public List<NeedAnswer> Answers { get; private set; } = [];
    /// <summary>What may answer it, for the user who may link it.</summary>
    public List<NeedAnswer> Choices { get; private set; } = [];
    public string? EmployerName { get; private set; }
    public bool MayChange => work.MayChange;
    public bool MaySeeContacts => work.MaySeeContacts;

    public string Name(Guid? id) => id is { } i ? names.GetValueOrDefault(i, "okänd") : "webbformuläret";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, read: true, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.ChangeNeedStatusAsync(null, id, new NeedStatusInput { Status = "inProgress" }, ct), "Behovet är under bearbetning.", "", ct);

    public async Task<IActionResult> OnPostHandledAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.ChangeNeedStatusAsync(null, id, new NeedStatusInput { Status = "handled" }, ct), "Behovet är hanterat.", "", ct);

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct)
    {
        Decline.Status = "declined";
        return await Answer(id, await work.ChangeNeedStatusAsync(null, id, Decline, ct), "Behovet är avböjt.", "", ct);
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.AnswerNeedAsync(null, id, Answering, ct), "Behovet är kopplat till det som besvarar det.", "Answering", ct);

    protected override Task<bool> ReloadAsync(Guid id, CancellationToken ct) => LoadAsync(id, read: false, ct);

    protected override string PathFor(Guid id) => $"/Employers/Need/{id}";

    private async Task<bool> LoadAsync(Guid id, bool read, CancellationToken ct)
    {
        if ((await work.ReadNeedAsync(id, ct, logRead: read)).Value is not { } need)
        {
            return false;
        }

        Need = need;
        EmployerName = need.EmployerId is { } employerId ? await Db.Employers.Where(e => e.Id == employerId).Select(e => e.Name).FirstOrDefaultAsync(ct) : null;
        var ids = need.History.Where(h => h.ByUserId != null).Select(h => h.ByUserId!.Value).Distinct().ToList();
        names = await Db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Answers = [.. (await work.AnswersOfAsync([need], ct)).Values.OrderBy(a => a.Kind)];
        Choices = MayChange && need.Status != NeedStatus.Declined ? await work.AnswerChoicesAsync(need, ct) : [];
        return true;
    }
}
