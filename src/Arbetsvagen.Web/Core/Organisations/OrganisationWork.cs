using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Core.Organisations;

public sealed record OrganisationDto(Guid Id, string Name, string Kind, string? MunicipalityCode, Guid? ParentId, string? Function,
    bool OwnSecrecyBoundary, Guid SecrecyBoundaryId)
{
    public static OrganisationDto From(Organisation o) => new(o.Id, o.Name, EnumText.ApiName(o.Kind), o.MunicipalityCode, o.ParentId,
        o.Function is { } f ? EnumText.ApiName(f) : null, o.OwnSecrecyBoundary, o.SecrecyBoundaryId);
}

public sealed class OrganisationInput
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? MunicipalityCode { get; set; }
    public Guid? ParentId { get; set; }
    public string? Function { get; set; }
    public bool OwnSecrecyBoundary { get; set; } = true;
}

/// <summary>The register of organisations and their units, for the page and the API alike; only an administrator adds to it.</summary>
public sealed class OrganisationWork(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    public const int MaxNameLength = 200;

    private static bool KnownMunicipality(string? code) => code is not null && ReferenceData.Instance.Municipalities.ContainsKey(code);

    public Task<List<Organisation>> ListAsync(CancellationToken ct) =>
        db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);

    public async Task<Outcome<Organisation>> CreateAsync(OrganisationInput input, CancellationToken ct)
    {
        if (!user.IsAdministrator)
        {
            return Outcome.Forbidden("Bara en administratör registrerar organisationer.");
        }

        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors["name"] = [$"Ange ett namn (högst {MaxNameLength} tecken)."];
        }
        else if (name.Length > MaxNameLength)
        {
            errors["name"] = [$"Namnet är för långt: högst {MaxNameLength} tecken, nu {name.Length}."];
        }

        Organisation? parent = null;
        var function = default(UnitFunction);
        var kind = default(OrganisationKind);
        if (input.ParentId is { } parentId)
        {
            parent = await db.Organisations.FirstOrDefaultAsync(o => o.Id == parentId, ct);
            if (parent is not { Kind: OrganisationKind.Municipality })
            {
                errors["parentId"] = ["En enhet måste höra till en kommun som finns i registret."];
            }

            function = Input.Enum<UnitFunction>(errors, "function", input.Function, "Ange enhetens verksamhet");
        }
        else if (!EnumText.TryParse(input.Kind, out kind) || kind == OrganisationKind.MunicipalityUnit)
        {
            // A unit is registered by naming its municipality, so it is not offered as a kind of its own.
            errors["kind"] = [$"Ange organisationstyp. Välj en av: {string.Join(", ", EnumText.Values<OrganisationKind>()
                .Where(k => k != OrganisationKind.MunicipalityUnit).Select(k => EnumText.Label(k)))}."];
        }
        else if (kind == OrganisationKind.Municipality && !KnownMunicipality(input.MunicipalityCode))
        {
            errors["municipalityCode"] = ["En kommun behöver en giltig fyrsiffrig kommunkod."];
        }
        else if (input.MunicipalityCode is { Length: > 0 } code && !KnownMunicipality(code))
        {
            errors["municipalityCode"] = ["Kommunkoden finns inte i listan över Sveriges kommuner."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var organisation = parent is not null
            ? Organisation.CreateUnit(parent, name, function, input.OwnSecrecyBoundary, clock.GetUtcNow().UtcDateTime)
            : Organisation.CreateTopLevel(name, kind, input.MunicipalityCode, clock.GetUtcNow().UtcDateTime);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return organisation;
    }
}
