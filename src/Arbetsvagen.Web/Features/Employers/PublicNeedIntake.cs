using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using static Arbetsvagen.Features.Employers.EmployerFieldRules;

namespace Arbetsvagen.Features.Employers;

/// <summary>The public form's use cases (no login): what an employer sends, and the municipalities it may choose.</summary>
public sealed class PublicNeedIntake(AppDbContext db, AccessLogger log, TimeProvider clock, IMemoryCache cache)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;


    /// <summary>
    /// A need or a placement offer sent through the public form. It lands as an incoming need of the collaboration
    /// whose member organisations cover the municipality, linked to the employer when the number is registered there.
    /// </summary>
    public async Task<Outcome<CompetenceNeed>> SubmitPublicAsync(PublicNeedInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = Input.Enum<NeedKind>(errors, "kind", input.Kind, "Välj vad du vill anmäla");
        var number = OrganisationNumber.Parse(input.OrganisationNumber, out var numberError);
        if (numberError is not null)
        {
            errors["organisationNumber"] = [numberError];
        }

        var name = Input.Text(errors, "employerName", input.EmployerName, "företagets namn", Employer.MaxName);
        var contact = ContactFields(new ContactInput { Name = input.ContactName, Phone = input.Phone, Email = input.Email }, errors, "contactName");
        if (contact.Phone is null && contact.Email is null && !errors.ContainsKey("phone") && !errors.ContainsKey("email"))
        {
            errors["email"] = ["Ange e-post eller telefonnummer så att vi kan kontakta dig."];
        }

        var municipality = Municipality(input.MunicipalityCode, errors, required: true);
        var occupation = Input.Text(errors, "occupation", input.Occupation, "vilket yrke eller vilka arbetsuppgifter det gäller", 200);
        int? people = int.TryParse(input.NumberOfPeople?.Trim(), out var n) ? n : null;
        var count = string.IsNullOrWhiteSpace(input.NumberOfPeople) ? 1 : People(people ?? 0, errors);
        var from = Input.Date(errors, "fromDate", input.FromDate, "från när", required: false);
        if (from is { } day && day < SwedishTime.Today(Now))
        {
            errors["fromDate"] = ["Från när kan inte ligga före i dag."];
        }

        var requirements = Input.Text(errors, "requirements", input.Requirements, "beskrivningen", CompetenceNeed.MaxRequirements, required: false);
        var form = string.IsNullOrWhiteSpace(input.EmploymentForm) ? NeedEmploymentForm.NotDecided
            : Input.Enum<NeedEmploymentForm>(errors, "employmentForm", input.EmploymentForm, "Okänd anställningsform");
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var collaboration = await db.Collaborations.AsNoTracking()
            .Where(c => c.Members.Any(m => db.Set<Organisation>().Any(o => o.Id == m.OrganisationId && o.MunicipalityCode == municipality)))
            .OrderBy(c => c.Name).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (collaboration is null)
        {
            return Outcome.Invalid("municipalityCode", "Kommunen ingår inte i någon samverkan här. Välj en kommun ur listan.");
        }

        var resolved = ReferenceData.Instance.OccupationSearch.Resolve(occupation) is OccupationResolution.One one ? one.Occupation : null;
        var employerId = await db.Employers.Where(e => e.OrganisationNumber == number!.Value && e.OwnerCollaborationId == collaboration)
            .Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        var need = CompetenceNeed.FromWebForm(collaboration.Value, employerId, kind, occupation!, resolved?.ConceptId, resolved?.Ssyk4, count, from,
            requirements, form, municipality!, number!.Value, name!, contact.Name, contact.Phone, contact.Email, Now);
        db.CompetenceNeeds.Add(need);
        log.Add(AccessAction.Create, "CompetenceNeed", need.Id, purpose: "webbformulär");
        await db.SaveChangesAsync(ct);
        return need;
    }

    /// <summary>
    /// The municipalities of the collaborations' member organisations, for the public form's list. Members change
    /// seldom, and the form is public: a warm form is drawn without a database query.
    /// </summary>
    public async Task<List<Municipality>> PublicMunicipalitiesAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync("public-form-municipalities", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            var codes = await db.Set<CollaborationMember>()
                .Join(db.Set<Organisation>(), m => m.OrganisationId, o => o.Id, (m, o) => o.MunicipalityCode)
                .Where(c => c != null).Distinct().ToListAsync(ct);
            return ReferenceData.Instance.MunicipalitiesByName.Where(m => codes.Contains(m.Code)).ToList();
        }))!;
}
