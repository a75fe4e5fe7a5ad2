using Arbetsvagen.Features.AccessLog;
using Arbetsvagen.Features.Consents;
using Arbetsvagen.Features.Shared;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Participants;

public class DetailsModel(ParticipantAccess access, ConsentChanges consents, AccessLogger log, CurrentUser user, AppDbContext db,
    TimeProvider clock, Cases.CaseWork caseWork) : PageModel
{
    private Dictionary<Guid, string> organisations = [];

    public ParticipantDto? Participant { get; private set; }
    public bool OwnCase { get; private set; }
    public string OwnerName { get; private set; } = "";
    public List<Consent> Consents { get; private set; } = [];
    public List<Cases.Case> Cases { get; private set; } = [];
    public bool MayOpenCase { get; private set; }
    public string MyOrganisationName => OrganisationName(user.OrganisationId);
    [BindProperty] public Cases.OpenCaseInput NewCase { get; set; } = new();
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public string OrganisationName(Guid id) => organisations.GetValueOrDefault(id, "okänd organisation");

    public string Label<T>(string? apiName) where T : struct, Enum =>
        EnumText.TryParse<T>(apiName, out var value) ? EnumText.Label(value) : "–";

    public string Occupations(List<string>? ids) => ids is { Count: > 0 }
        ? string.Join(", ", ids.Select(id => ReferenceData.Instance.Occupations.TryGetValue(id, out var o) ? o.Name : id))
        : "–";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var grant = await access.FindAsync(id, ct);
        if (grant is null)
        {
            return NotFound();
        }

        await log.RecordAsync(AccessAction.Read, "Participant", id, id, grant.ConsentId is { } c ? $"samtycke {c}" : null, ct: ct);
        Participant = ParticipantDto.From(grant, user.MaySeeSensitiveData);
        OwnCase = grant.OwnCase;
        Consents = await consents.ListAsync(id, ct) ?? [];
        Cases = await caseWork.ListAsync(id, ct) ?? [];
        MayOpenCase = grant.Covers(DataCategories.CaseAndPlan);
        organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        OwnerName = OrganisationName(grant.Participant.OwnerOrganisationId);
        return Page();
    }

    public async Task<IActionResult> OnPostOpenCaseAsync(Guid id, CancellationToken ct)
    {
        try
        {
            if (await caseWork.OpenAsync(id, NewCase, ct) is not { } opened)
            {
                return NotFound();
            }

            TempData["Message"] = "Ärendet är aktualiserat.";
            return Redirect($"/Cases/Details/{opened.Id}");
        }
        catch (ValidationException e)
        {
            db.ChangeTracker.Clear();
            ModelState.AddErrors(e.Errors, prefix: "");
            return await OnGetAsync(id, ct);
        }
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid consentId, CancellationToken ct)
    {
        var consent = await consents.WithdrawAsync(consentId, ct);
        if (consent is null || consent.ParticipantId != id)
        {
            return NotFound();
        }

        TempData["Message"] = "Samtycket är återkallat. Delningen har upphört.";
        return Redirect($"/Participants/Details/{id}");
    }
}
