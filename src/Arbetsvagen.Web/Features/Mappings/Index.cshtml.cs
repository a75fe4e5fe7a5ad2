using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Referrals;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Mappings;

/// <summary>Kartläggning, gemensamt ställningstagande and arbetsförmågebedömningar for one participant.</summary>
public class IndexModel(MappingWork work, ReferralWork referralWork, AppDbContext db, CurrentUser user, TimeProvider clock) : ActionPage(db)
{
    public const int OccupationSlots = 3;

    private Dictionary<Guid, string> names = [];

    [BindProperty] public MappingInput NewMapping { get; set; } = new();
    [BindProperty] public List<string?> OccupationNames { get; set; } = [];
    [BindProperty] public JointPositionInput NewPosition { get; set; } = new();
    [BindProperty] public WorkAbilityInput NewAssessment { get; set; } = new();

    public Guid ParticipantId { get; private set; }
    public string ParticipantName { get; private set; } = "";
    public bool MayReadHealth { get; private set; }
    public List<Mapping> Versions { get; private set; } = [];
    /// <summary>The version on show: the one asked for with ?version=n, else the latest.</summary>
    public Mapping? Shown { get; private set; }
    public List<JointPosition> Positions { get; private set; } = [];
    public List<WorkAbilityAssessment> Assessments { get; private set; } = [];
    public List<(Guid Id, string Name)> Organisations { get; private set; } = [];
    public List<Referral> Referrals { get; private set; } = [];
    public string Today => SwedishTime.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public string Name(Guid? id) => id is { } key ? names.GetValueOrDefault(key, "okänd") : "–";

    public static string OccupationName(string conceptId) => MappingDraft.OccupationName(conceptId);

    /// <summary>Whether the form for a new version starts from an earlier version (else from the registration).</summary>
    public bool DraftFromVersion => Versions.Count > 0;

    public SelfSupportObstacles VisibleObstacles(Mapping m) => MappingDto.VisibleObstacles(m, MayReadHealth);

    public async Task<IActionResult> OnGetAsync(Guid id, int? version, CancellationToken ct)
    {
        if (!await LoadAsync(id, version, ct) || (await work.DraftAsync(id, ct)).Value is not { } draft)
        {
            return NotFound();
        }

        NewMapping = draft;
        OccupationNames = (draft.Occupations ?? []).Select(OccupationName).ToList<string?>();
        NewPosition = new JointPositionInput { DecidedOn = Today, PartyOrganisationIds = [user.OrganisationId] };
        NewAssessment = new WorkAbilityInput { AssessedOn = Today };
        return Page();
    }

    public async Task<IActionResult> OnPostMappingAsync(Guid id, CancellationToken ct)
    {
        NewMapping.Occupations = OccupationIds();
        return await Answer(id, await work.SaveMappingAsync(id, NewMapping, ct), "Kartläggningen är sparad som en ny version.", prefix: "", ct);
    }

    public async Task<IActionResult> OnPostJointPositionAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.RecordJointPositionAsync(id, NewPosition, ct), "Ställningstagandet är sparat.", prefix: "", ct);

    public async Task<IActionResult> OnPostAssessmentAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.RecordAssessmentAsync(id, NewAssessment, ct), "Arbetsförmågebedömningen är sparad.", prefix: "", ct);

    protected override Task<bool> ReloadAsync(Guid id, CancellationToken ct) => LoadAsync(id, null, ct);

    protected override string PathFor(Guid id) => $"/Participants/{id}/Mapping";

    private async Task<bool> LoadAsync(Guid id, int? version, CancellationToken ct)
    {
        if ((await work.ListMappingsAsync(id, ct)).Value is not { } mappings)
        {
            return false;
        }

        ParticipantId = id;
        MayReadHealth = mappings.MayReadHealth;
        Versions = mappings.Value;
        Shown = version is { } n ? Versions.FirstOrDefault(m => m.Version == n) : Versions.FirstOrDefault();
        Positions = (await work.ListJointPositionsAsync(id, ct)).Value ?? [];
        Assessments = (await work.ListAssessmentsAsync(id, ct)).Value?.Value ?? [];
        // The referrals an assessment can answer: those the user's unit sent or received.
        Referrals = ((await referralWork.ListForParticipantAsync(id, ct)).Value ?? []).Where(r => r.HasPartyIn(user.SecrecyBoundaryId)).ToList();

        var participant = await Db.Participants.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.FirstName, p.LastName }).FirstAsync(ct);
        ParticipantName = $"{participant.FirstName} {participant.LastName}";
        var organisations = await Db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        Organisations = organisations.OrderBy(o => o.Name, SwedishCollation.Comparer)
            .Select(o => (o.Id, o.Name)).ToList();
        var userIds = Versions.Select(m => m.CreatedByUserId).Concat(Positions.Select(p => p.RecordedByUserId))
            .Concat(Assessments.Select(a => a.AssessorUserId)).Distinct().ToList();
        var users = await Db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        names = organisations.ToDictionary(o => o.Id, o => o.Name);
        foreach (var u in users)
        {
            names[u.Id] = u.DisplayName;
        }

        return true;
    }

    /// <summary>
    /// The typed occupation names as JobTech concept ids. A name not in the list is passed on as it was typed, so that
    /// the use case names it in its message together with every other field's.
    /// </summary>
    private List<string> OccupationIds()
    {
        var byName = ReferenceData.Instance.Occupations.Values
            .GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().ConceptId, StringComparer.OrdinalIgnoreCase);
        return OccupationNames.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim())
            .Select(name => byName.GetValueOrDefault(name, name)).ToList();
    }
}
