using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Retention;

/// <summary>
/// Culling for administrators: the rules (each editable), a new preview, recent runs, and legal holds placed and lifted
/// with the same use cases as the API (<see cref="RetentionWork.PlaceHoldAsync"/>, <see cref="RetentionWork.LiftHoldAsync"/>).
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public class IndexModel(RetentionWork work) : PageModel
{
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public int? Years { get; set; }
    [BindProperty] public string? Trigger { get; set; }
    [BindProperty] public string? ResearchSampleDays { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? HoldParticipantId { get; set; }
    [BindProperty] public string? HoldCaseId { get; set; }
    [BindProperty] public string? HoldReason { get; set; }
    [BindProperty] public Guid? LiftParticipantId { get; set; }
    [BindProperty] public Guid? LiftCaseId { get; set; }

    public List<RuleDto> Rules { get; private set; } = [];
    public List<RunDto> Runs { get; private set; } = [];
    public List<LegalHoldDto> Holds { get; private set; } = [];

    /// <summary>The rule whose form was sent back with errors: its fields show the posted values.</summary>
    public RecordKind? Edited { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRuleAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var changed = await work.ChangeRulesAsync(new RulesInput
        {
            Rules = [new RuleInput { Kind = Kind, Years = Years, Trigger = Trigger, ResearchSampleDays = ResearchSampleDays, Note = Note }],
        }, ct);
        if (changed.Failure is not { } failure)
        {
            TempData["Message"] = "Gallringsregeln är sparad.";
            return RedirectToPage();
        }

        if (failure.Kind != OutcomeKind.Invalid)
        {
            return ModelState.Show(failure) ?? RedirectToPage();
        }

        Edited = EnumText.TryParse<RecordKind>(Kind, out var kind) ? kind : null;
        foreach (var (key, messages) in failure.Errors!)
        {
            // "rules[0].years" → the field of the edited rule's form (its id is Kind_Years).
            var field = key.Contains('.') ? key[(key.IndexOf('.') + 1)..] : key;
            foreach (var message in messages)
            {
                ModelState.AddModelError(Edited is { } k ? $"{k}.{char.ToUpperInvariant(field[0])}{field[1..]}" : "", message);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        var preview = await work.PreviewAsync(ct);
        if (preview.Value is { } run)
        {
            return Redirect($"/Retention/Runs/{run.Id}");
        }

        return ModelState.Show(preview.Failure!) ?? RedirectToPage();
    }

    public async Task<IActionResult> OnPostHoldAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var participant = ParseId(HoldParticipantId, "ParticipantId", "Deltagar-id", required: true);
        var caseId = ParseId(HoldCaseId, "CaseId", "Ärende-id", required: false);
        if (ModelState.IsValid)
        {
            var placed = await work.PlaceHoldAsync(participant!.Value, new LegalHoldInput { Reason = HoldReason, CaseId = caseId }, ct);
            if (placed.Failure is not { } failure)
            {
                TempData["Message"] = "Bevarandebeslutet är registrerat.";
                return RedirectToPage();
            }

            if (failure.Kind == OutcomeKind.NotFound)
            {
                // As the API: a participant outside the organisation is answered as one that does not exist.
                ModelState.AddModelError("ParticipantId", "Det finns ingen deltagare med det id:t i din organisation.");
            }
            else if (ModelState.Show(failure) is { } status)
            {
                return status;
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostLiftAsync(CancellationToken ct)
    {
        if (LiftParticipantId is not { } participant)
        {
            return RedirectToPage();
        }

        var lifted = await work.LiftHoldAsync(participant, LiftCaseId, ct);
        if (lifted.Failure is { } failure && failure.Kind != OutcomeKind.NotFound && ModelState.Show(failure) is { } status)
        {
            return status;
        }

        TempData["Message"] = lifted.Value is { } count ? (count == 1 ? "Bevarandebeslutet är hävt." : $"{count} bevarandebeslut är hävda.") : "Beslutet var redan hävt.";
        return RedirectToPage();
    }

    public string? FieldError(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;

    private Guid? ParseId(string? text, string field, string label, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                ModelState.AddModelError(field, $"Ange {label.ToLowerInvariant()}: ett id (GUID) från loggkontrollen eller handläggaren.");
            }

            return null;
        }

        if (Guid.TryParse(text.Trim(), out var id))
        {
            return id;
        }

        ModelState.AddModelError(field, $"{label} ska vara ett id (GUID) från loggkontrollen eller handläggaren.");
        return null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rules = (await work.RulesAsync(ct)).Value ?? [];
        Runs = await work.RecentRunsAsync(ct);
        Holds = await work.ActiveHoldsAsync(ct);
    }

    public string? Error(RecordKind kind, string field) =>
        ModelState.TryGetValue($"{kind}.{field}", out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;
}
