using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Core.Participants;

/// <summary>What the create and edit pages share: the input, and occupations typed by name instead of concept id.</summary>
public abstract class ParticipantFormPage(CurrentUser user) : PageModel
{
    public const int OccupationSlots = 3;

    [BindProperty] public ParticipantInput Input { get; set; } = new();
    [BindProperty] public List<string?> ExperienceNames { get; set; } = [];
    [BindProperty] public List<string?> InterestNames { get; set; } = [];

    public abstract bool IsNew { get; }
    public bool MaySetSensitive => user.MaySeeSensitiveData;
    public bool IsCaseworker => user.IsCaseworker;

    protected void FillOccupationNames()
    {
        var occupations = ReferenceData.Instance.Occupations;
        ExperienceNames = (Input.OccupationsOfExperience ?? []).Select(id => occupations.TryGetValue(id, out var o) ? o.Name : id).ToList<string?>();
        InterestNames = (Input.OccupationsOfInterest ?? []).Select(id => occupations.TryGetValue(id, out var o) ? o.Name : id).ToList<string?>();
    }

    /// <summary>Turns the typed occupation names into concept ids; an unknown name is a field error.</summary>
    protected bool ReadOccupationNames()
    {
        // Typed names resolve on the server (exact name, or the only match), so the form works without JavaScript.
        var search = ReferenceData.Instance.OccupationSearch;
        Input.OccupationsOfExperience = [.. search.ConceptIds(ExperienceNames, "Erfarenhet", out var experienceError)];
        Input.OccupationsOfInterest = [.. search.ConceptIds(InterestNames, "Intresse", out var interestError)];
        if (experienceError is not null)
        {
            ModelState.AddModelError("Input.OccupationsOfExperience", experienceError);
        }

        if (interestError is not null)
        {
            ModelState.AddModelError("Input.OccupationsOfInterest", interestError);
        }

        return experienceError is null && interestError is null;
    }

    protected void ShowErrors(IDictionary<string, string[]> errors) => ModelState.AddErrors(errors, "Input");
}
