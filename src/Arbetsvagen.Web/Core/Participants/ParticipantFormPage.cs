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
        var byName = ReferenceData.Instance.Occupations.Values
            .GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().ConceptId, StringComparer.OrdinalIgnoreCase);
        var ok = true;
        List<string> Read(List<string?> names, string field)
        {
            var ids = new List<string>();
            foreach (var name in names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()))
            {
                if (byName.TryGetValue(name, out var id))
                {
                    ids.Add(id);
                }
                else
                {
                    ModelState.AddModelError(field, $"Yrket \"{name}\" finns inte i yrkeslistan. Välj ett förslag ur listan.");
                    ok = false;
                }
            }

            return ids;
        }

        Input.OccupationsOfExperience = Read(ExperienceNames, "Input.OccupationsOfExperience");
        Input.OccupationsOfInterest = Read(InterestNames, "Input.OccupationsOfInterest");
        return ok;
    }

    protected void ShowErrors(IDictionary<string, string[]> errors) => ModelState.AddErrors(errors, "Input");
}
