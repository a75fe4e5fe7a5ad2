using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Core.Organisations;

public sealed record OrganisationDto(Guid Id, string Name, string Kind, string? MunicipalityCode, Guid? ParentId, string? Function,
    bool OwnSecrecyBoundary, Guid SecrecyBoundaryId);

public sealed class OrganisationInput
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? MunicipalityCode { get; set; }
    public Guid? ParentId { get; set; }
    public string? Function { get; set; }
    public bool OwnSecrecyBoundary { get; set; } = true;
}

public static class OrganisationsApi
{
    public static void MapOrganisationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organisations").WithTags("Organisationer");
        group.MapGet("/", async (AppDbContext db, CancellationToken ct) => (await ListAsync(db, ct)).Select(ToDto));
        group.MapPost("/", async (OrganisationInput input, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            await CreateAsync(input, db, clock, ct) switch
            {
                (Organisation o, _) => Results.Created($"/api/v1/organisations/{o.Id}", ToDto(o)),
                (_, var errors) => ApiResults.Invalid(errors),
            }).RequireAuthorization(Policies.Administrator);
    }

    public static Task<List<Organisation>> ListAsync(AppDbContext db, CancellationToken ct) =>
        db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);

    public static OrganisationDto ToDto(Organisation o) => new(o.Id, o.Name, EnumText.ApiName(o.Kind), o.MunicipalityCode, o.ParentId,
        o.Function is { } f ? EnumText.ApiName(f) : null, o.OwnSecrecyBoundary, o.SecrecyBoundaryId);

    public static async Task<(Organisation?, Dictionary<string, string[]>)> CreateAsync(OrganisationInput input, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
        {
            errors["name"] = ["Ange ett namn (högst 200 tecken)."];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Organisation? parent = null;
        if (input.ParentId is { } parentId)
        {
            parent = await db.Organisations.FirstOrDefaultAsync(o => o.Id == parentId, ct);
            if (parent is not { Kind: OrganisationKind.Municipality })
            {
                errors["parentId"] = ["En enhet måste höra till en kommun som finns i registret."];
            }

            if (!EnumText.TryParse<UnitFunction>(input.Function, out _))
            {
                errors["function"] = ["Ange enhetens verksamhet (socialtjänst, jobbcentrum, vuxenutbildning, KAA eller annan): socialServices, jobCentre, adultEducation, youthActivityResponsibility eller other."];
            }
        }
        else
        {
            if (!EnumText.TryParse<OrganisationKind>(input.Kind, out var kind) || kind == OrganisationKind.MunicipalityUnit)
            {
                errors["kind"] = ["Ange organisationstyp (kommun, Arbetsförmedlingen, utbildningsanordnare, samordningsförbund eller annan): municipality, employmentService, educationProvider, coordinationAssociation eller other."];
            }
            else if (kind == OrganisationKind.Municipality
                && (input.MunicipalityCode is null || !ReferenceData.Instance.Municipalities.ContainsKey(input.MunicipalityCode)))
            {
                errors["municipalityCode"] = ["En kommun behöver en giltig fyrsiffrig kommunkod."];
            }
            else if (input.MunicipalityCode is { Length: > 0 } code && !ReferenceData.Instance.Municipalities.ContainsKey(code))
            {
                errors["municipalityCode"] = ["Kommunkoden finns inte i listan över Sveriges kommuner."];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var organisation = parent is not null
            ? Organisation.CreateUnit(parent, input.Name!, Enum.Parse<UnitFunction>(input.Function!, true), input.OwnSecrecyBoundary, now)
            : Organisation.CreateTopLevel(input.Name!, Enum.Parse<OrganisationKind>(input.Kind!, true), input.MunicipalityCode, now);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return (organisation, errors);
    }
}
