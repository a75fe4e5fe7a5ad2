using System.Globalization;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Features.Employers;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.JobTracks;

/// <summary>
/// What the create and edit pages share: the form of a track's basic fields (<c>_JobTrackFields</c>) and what it
/// offers to choose from. Both run a use case of <see cref="JobTrackWork"/> with the same input and checks.
/// </summary>
public abstract class JobTrackFormPage(JobTrackWork work) : PageModel
{
    [BindProperty] public JobTrackInput Form { get; set; } = new();
    public List<Employer> Employers { get; private set; } = [];
    public List<Organisation> Providers { get; private set; } = [];
    /// <summary>The user's organisation's collaborations when a new track is made; the form asks only when there are several.</summary>
    public List<Collaboration> Collaborations { get; protected set; } = [];

    protected JobTrackWork Work => work;

    /// <summary>The basic fields in the order the form shows them, for the error summary.</summary>
    public static IEnumerable<string> FieldOrder =>
        new[] { "CollaborationId", "Title", "EmployerIds", "Occupation", "ProviderOrganisationId", "TrainingComponents", "TrainingStartsOn", "TrainingWeeks",
            "Regi", "EmploymentForm", "WorkplaceMunicipalityCode", "Places", "ExpectedHires", "PublicDescription", "Price", "PriceUnit" }.Select(k => "Form." + k);

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Employers = await work.EmployerChoicesAsync(ct);
        Providers = await work.ProviderChoicesAsync(ct);
    }

    /// <summary>The form as the edit page shows a stored track, with the version it was read at.</summary>
    protected static JobTrackInput FormOf(JobTrack t)
    {
        var occupation = ReferenceData.Instance.Occupations.GetValueOrDefault(t.OccupationConceptId);
        // The name reads better, but only where it finds this occupation again (some names are shared).
        var byName = occupation is not null && ReferenceData.Instance.OccupationSearch.Resolve(occupation.Name) is OccupationResolution.One one
            && one.Occupation.ConceptId == t.OccupationConceptId;
        return new JobTrackInput
        {
            Title = t.Title, EmployerIds = t.Employers.Select(e => e.EmployerId).ToList(), Occupation = byName ? occupation!.Name : t.OccupationConceptId,
            ProviderOrganisationId = t.ProviderOrganisationId, TrainingComponents = t.TrainingComponents, TrainingStartsOn = Ui.Date(t.TrainingStartsOn),
            TrainingWeeks = t.TrainingWeeks.ToString(CultureInfo.InvariantCulture), Regi = EnumText.ApiName(t.Regi),
            EmploymentForm = EnumText.ApiName(t.EmploymentForm), WorkplaceMunicipalityCode = t.WorkplaceMunicipalityCode,
            Places = t.Places.ToString(CultureInfo.InvariantCulture), ExpectedHires = t.ExpectedHires.ToString(CultureInfo.InvariantCulture),
            PublicDescription = t.PublicDescription, Price = t.Price.ToString("0.##", CultureInfo.InvariantCulture), PriceUnit = EnumText.ApiName(t.PriceUnit),
            BasedOnVersion = t.Version,
        };
    }
}
