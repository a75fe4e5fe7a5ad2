using System.Text.RegularExpressions;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.SignInProviders;

/// <summary>An organisation's identity provider as the administrator sees it; the client secret is never shown, only where it comes from.</summary>
public sealed record SignInProviderDto(Guid Id, Guid OrganisationId, string OrganisationName, string Authority, string ClientId,
    string ClientSecretSource, UserClaim UserClaim, string ClaimType, bool IsEnabled, string CallbackPath, DateTime UpdatedAt);

public sealed class SignInProviderInput
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    /// <summary>A new client secret, stored encrypted; empty keeps the stored one.</summary>
    public string? ClientSecret { get; set; }
    /// <summary>Forget the stored secret (the configuration's, if any, is used instead).</summary>
    public bool RemoveClientSecret { get; set; }
    public string? UserClaim { get; set; }
    /// <summary>The claim's name in the token; empty: the usual one for the chosen kind.</summary>
    public string? ClaimType { get; set; }
    public bool IsEnabled { get; set; } = true;
}

/// <summary>A sign-in button on the sign-in page: "Logga in via &lt;organisation&gt;".</summary>
public sealed record SignInChoice(Guid ProviderId, string Scheme, string OrganisationName);

/// <summary>An administrator sets up the identity provider of their organisation or one of its units.</summary>
public sealed partial class SignInProviderWork(AppDbContext db, CurrentUser admin, SignInProviderDirectory directory, IConfiguration configuration, TimeProvider clock)
{
    public static bool IsLoopback(Uri uri) => uri.IsLoopback;

    public static string DefaultClaimType(UserClaim claim) => claim switch
    {
        UserClaim.Email => "email",
        UserClaim.HsaId => "employeeHsaId",
        _ => "sub",
    };

    /// <summary>The enabled providers, for the sign-in page, in Swedish order of the organisations' names.</summary>
    public async Task<List<SignInChoice>> ChoicesAsync() =>
        (await directory.EnabledAsync()).OrderBy(p => p.OrganisationName, SwedishCollation.Comparer)
            .Select(p => new SignInChoice(p.Id, p.Scheme, p.OrganisationName)).ToList();

    public IQueryable<Guid> ScopeOrganisationIds() =>
        db.Organisations.Where(o => o.Id == admin.OrganisationId || o.ParentId == admin.OrganisationId).Select(o => o.Id);

    public async Task<List<SignInProviderDto>> ListAsync(CancellationToken ct)
    {
        var scope = ScopeOrganisationIds();
        var rows = await db.SignInProviders.AsNoTracking().Where(p => scope.Contains(p.OrganisationId))
            .Join(db.Organisations, p => p.OrganisationId, o => o.Id, (p, o) => new { Provider = p, Organisation = o.Name })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Organisation, SwedishCollation.Comparer).Select(r => Dto(r.Provider, r.Organisation)).ToList();
    }

    /// <summary>Creates or changes the organisation's provider; an organisation outside the administrator's scope is not found.</summary>
    public async Task<Outcome<SignInProviderDto>> SetAsync(Guid organisationId, SignInProviderInput input, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId && ScopeOrganisationIds().Contains(o.Id))
            .Select(o => o.Name).FirstOrDefaultAsync(ct);
        if (organisation is null)
        {
            return Outcome.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        var authority = (input.Authority ?? "").Trim().TrimEnd('/');
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || authority.Length > 500
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)))
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            errors["authority"] = ["Ange utfärdarens adress (issuer) som en https-adress utan frågedel, högst 500 tecken, t.ex. https://idp.example.se."];
        }

        var clientId = (input.ClientId ?? "").Trim();
        if (clientId.Length is 0 or > 200 || clientId.Any(char.IsControl))
        {
            errors["clientId"] = ["Ange klient-id (client id) som identitetsleverantören gett Arbetsvägen, högst 200 tecken."];
        }

        if (input.ClientSecret is { Length: > 500 } || (input.ClientSecret ?? "").Any(char.IsControl))
        {
            errors["clientSecret"] = ["Klienthemligheten får vara högst 500 tecken."];
        }

        if (!EnumText.TryParse<UserClaim>(input.UserClaim, out var userClaim))
        {
            errors["userClaim"] = ["Välj vilket anspråk som pekar ut användaren: subject, email eller hsaId."];
        }

        var claimType = string.IsNullOrWhiteSpace(input.ClaimType) ? DefaultClaimType(userClaim) : input.ClaimType.Trim();
        if (!ClaimName().IsMatch(claimType))
        {
            errors["claimType"] = ["Anspråkets namn får bara innehålla bokstäver a–z, siffror och : _ . / - (högst 200 tecken)."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var provider = await db.SignInProviders.FirstOrDefaultAsync(p => p.OrganisationId == organisationId, ct);
        if (provider is null)
        {
            provider = SignInProvider.Create(organisationId);
            db.SignInProviders.Add(provider);
        }

        provider.Set(authority, clientId, userClaim, claimType, input.IsEnabled, admin.Id, clock.GetUtcNow().UtcDateTime);
        if (!string.IsNullOrEmpty(input.ClientSecret))
        {
            provider.SetProtectedClientSecret(directory.Protector.Protect(input.ClientSecret));
        }
        else if (input.RemoveClientSecret)
        {
            provider.SetProtectedClientSecret(null);
        }

        await db.SaveChangesAsync(ct);
        directory.Forget();
        return Dto(provider, organisation);
    }

    public async Task<Outcome<SignInProvider>> RemoveAsync(Guid organisationId, CancellationToken ct)
    {
        var provider = await db.SignInProviders.FirstOrDefaultAsync(p => p.OrganisationId == organisationId && ScopeOrganisationIds().Contains(p.OrganisationId), ct);
        if (provider is null)
        {
            return Outcome.NotFound();
        }

        db.SignInProviders.Remove(provider);
        await db.SaveChangesAsync(ct);
        directory.Forget();
        return provider;
    }

    private SignInProviderDto Dto(SignInProvider p, string organisation) => new(p.Id, p.OrganisationId, organisation, p.Authority, p.ClientId,
        p.ProtectedClientSecret is not null ? "database"
            : configuration[$"FederatedSignIn:ClientSecrets:{p.OrganisationId}"] is { Length: > 0 } ? "configuration" : "none",
        p.UserClaim, p.ClaimType, p.IsEnabled, $"/signin-oidc/{p.Id:N}", p.UpdatedAt);

    [GeneratedRegex("^[A-Za-z0-9:_./-]{1,200}$")]
    private static partial Regex ClaimName();
}
