using System.Data.Common;
using System.Security.Claims;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Arbetsvagen.Features.SignInProviders;

/// <summary>An enabled provider as the sign-in needs it, with its client secret in the clear (memory only).</summary>
public sealed record ProviderSettings(Guid Id, Guid OrganisationId, string OrganisationName, string Authority, string ClientId, string? ClientSecret,
    UserClaim UserClaim, string ClaimType, int Version)
{
    public string Scheme => FederatedSignIn.SchemeName(Id);
    public string CallbackPath => $"/signin-oidc/{Id:N}";
    public AuthenticationScheme AuthenticationScheme { get; } = new(FederatedSignIn.SchemeName(Id), OrganisationName, typeof(OpenIdConnectHandler));
}

/// <summary>
/// The enabled providers, read from the database at most every 30 seconds (like <see cref="UserStatusCache"/>), so a
/// change made on one instance reaches every instance within that time; this instance forgets at once. A changed provider
/// gets its handler options built anew. If the database cannot be read, the last list stands (the app still answers).
/// </summary>
public sealed class SignInProviderDirectory(IMemoryCache cache, IServiceScopeFactory scopes, IDataProtectionProvider protection, IConfiguration configuration,
    IOptionsMonitorCache<OpenIdConnectOptions> handlerOptions, ILogger<SignInProviderDirectory> log)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const string Key = "sign-in-providers";
    private Dictionary<string, ProviderSettings> current = [];

    public IDataProtector Protector { get; } = protection.CreateProtector("Arbetsvagen.SignInProviders.ClientSecret");

    public async Task<IReadOnlyCollection<ProviderSettings>> EnabledAsync() =>
        (await cache.GetOrCreateAsync(Key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            try
            {
                return await LoadAsync();
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
            {
                log.LogWarning("The sign-in providers could not be read ({Error}); the last known list is used.", e.GetType().Name);
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(5);
                return current;
            }
        }))!.Values;

    public ProviderSettings? Find(string scheme) => current.GetValueOrDefault(scheme);

    public void Forget() => cache.Remove(Key);

    private async Task<Dictionary<string, ProviderSettings>> LoadAsync()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.SignInProviders.AsNoTracking().Where(p => p.IsEnabled)
            .Join(db.Organisations, p => p.OrganisationId, o => o.Id, (p, o) => new { Provider = p, Organisation = o.Name })
            .ToListAsync();
        var loaded = rows.Select(r => new ProviderSettings(r.Provider.Id, r.Provider.OrganisationId, r.Organisation, r.Provider.Authority, r.Provider.ClientId,
                Secret(r.Provider), r.Provider.UserClaim, r.Provider.ClaimType, r.Provider.Version))
            .ToDictionary(p => p.Scheme);
        foreach (var (scheme, before) in current)
        {
            if (!loaded.TryGetValue(scheme, out var now) || now.Version != before.Version)
            {
                handlerOptions.TryRemove(scheme);
            }
        }

        current = loaded;
        return loaded;
    }

    /// <summary>The stored secret, or else the one in configuration (FederatedSignIn:ClientSecrets:&lt;organisation id&gt;), or none.</summary>
    private string? Secret(SignInProvider provider)
    {
        if (provider.ProtectedClientSecret is { } protectedSecret)
        {
            try
            {
                return Protector.Unprotect(protectedSecret);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                log.LogWarning("The client secret of sign-in provider {Provider} cannot be decrypted with the current keys.", provider.Id);
                return null;
            }
        }

        return configuration[$"FederatedSignIn:ClientSecrets:{provider.OrganisationId}"];
    }
}

/// <summary>
/// One OpenID Connect scheme per enabled provider ("oidc-&lt;id&gt;"), known to the app without a restart: the schemes
/// registered at start plus those the directory lists now (ADR 0024).
/// </summary>
public sealed class FederatedSchemeProvider(IOptions<AuthenticationOptions> options, SignInProviderDirectory directory)
    : AuthenticationSchemeProvider(options)
{
    public override async Task<AuthenticationScheme?> GetSchemeAsync(string name) =>
        await base.GetSchemeAsync(name) ?? (name.StartsWith(FederatedSignIn.SchemePrefix, StringComparison.Ordinal)
            ? (await directory.EnabledAsync()).FirstOrDefault(p => p.Scheme == name)?.AuthenticationScheme
            : null);

    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync() =>
        [.. await base.GetRequestHandlerSchemesAsync(), .. (await directory.EnabledAsync()).Select(p => p.AuthenticationScheme)];

    public override async Task<IEnumerable<AuthenticationScheme>> GetAllSchemesAsync() =>
        [.. await base.GetAllSchemesAsync(), .. (await directory.EnabledAsync()).Select(p => p.AuthenticationScheme)];
}

/// <summary>The handler options of one provider's scheme: authorization code flow with PKCE, the id token validated against the issuer's metadata.</summary>
public sealed class FederatedHandlerOptions(SignInProviderDirectory directory) : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, OpenIdConnectOptions options)
    {
        if (name is null || directory.Find(name) is not { } provider)
        {
            return;
        }

        options.Authority = provider.Authority;
        options.RequireHttpsMetadata = !SignInProviderWork.IsLoopback(new Uri(provider.Authority));
        options.ClientId = provider.ClientId;
        options.ClientSecret = provider.ClientSecret;
        options.ResponseType = "code";
        options.UsePkce = true;
        // The answer comes back as a top-level GET, so the correlation and nonce cookies can be SameSite=Lax.
        options.ResponseMode = "query";
        options.CallbackPath = provider.CallbackPath;
        options.SignInScheme = IdentityConstants.ApplicationScheme;
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.SaveTokens = false;
        options.ClaimActions.Clear();
        options.Scope.Clear();
        options.Scope.Add("openid");
        if (provider.UserClaim == UserClaim.Email)
        {
            options.Scope.Add("email");
        }

        foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }

        var id = provider.Id;
        options.Events = new OpenIdConnectEvents
        {
            OnTokenValidated = context => Mapping(context.HttpContext).SignInAsync(context, id),
            OnRemoteFailure = context => Mapping(context.HttpContext).RefuseAsync(context, id),
            OnAccessDenied = context => Mapping(context.HttpContext).RefuseAsync(context, id),
        };
    }

    private static FederatedSignIn Mapping(HttpContext context) => context.RequestServices.GetRequiredService<FederatedSignIn>();
}

/// <summary>
/// The callback's decision: the validated token's claim names exactly one existing, enabled, unlocked user of the
/// provider's organisation (or its units), who is signed in with the ordinary cookie. Anything else is refused with a
/// Swedish message on the sign-in page and a denied row in the access log; no user is ever created from a claim.
/// </summary>
public sealed class FederatedSignIn(AppDbContext db, SignInManager<AppUser> signIn, SignInProviderDirectory directory, AccessLogBatches log,
    TimeProvider clock, ILogger<FederatedSignIn> logger)
{
    public const string SchemePrefix = "oidc-";

    public static string SchemeName(Guid providerId) => $"{SchemePrefix}{providerId:N}";

    /// <summary>The sign-in page's message for each refusal (the query names the reason, never the person).</summary>
    public static string? Message(string? reason) => reason switch
    {
        Refusal.Unknown => "Inloggningen via din organisation lyckades, men det finns inget konto i Arbetsvägen kopplat till dig. " +
            "Kontakta din administratör; konton skapas aldrig automatiskt.",
        Refusal.Disabled => "Ditt konto i Arbetsvägen är avstängt. Kontakta din administratör.",
        Refusal.Locked => "Ditt konto i Arbetsvägen är tillfälligt låst efter för många misslyckade inloggningsförsök. Försök igen om en stund.",
        Refusal.Failed => "Inloggningen via din organisation misslyckades. Försök igen eller kontakta din administratör.",
        _ => null,
    };

    public static class Refusal
    {
        public const string Unknown = "okand";
        public const string Disabled = "avstangd";
        public const string Locked = "last";
        public const string Failed = "misslyckad";
    }

    public async Task SignInAsync(TokenValidatedContext context, Guid providerId)
    {
        if (directory.Find(SchemeName(providerId)) is not { } provider)
        {
            await RefuseAsync(context, providerId, null, Refusal.Failed, "leverantören är inte längre aktiv");
            return;
        }

        var value = context.Principal?.FindFirst(provider.ClaimType)?.Value?.Trim();
        var scope = db.Organisations.Where(o => o.Id == provider.OrganisationId || o.ParentId == provider.OrganisationId).Select(o => o.Id);
        var candidates = db.Users.Where(u => scope.Contains(u.OrganisationId));
        var matches = string.IsNullOrEmpty(value) ? []
            : provider.UserClaim == UserClaim.Email
                ? await candidates.Where(u => u.NormalizedEmail == signIn.UserManager.NormalizeEmail(value)).Take(2).ToListAsync()
                : await candidates.Where(u => u.ExternalId == value).Take(2).ToListAsync();
        if (matches.Count != 1)
        {
            // None, or more than one account: never guess, never create.
            await RefuseAsync(context, providerId, null, Refusal.Unknown, matches.Count == 0 ? "inget konto matchar" : "flera konton matchar");
            return;
        }

        var user = matches[0];
        if (user.IsDisabled)
        {
            await RefuseAsync(context, providerId, user, Refusal.Disabled, "kontot är avstängt");
            return;
        }

        if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            await RefuseAsync(context, providerId, user, Refusal.Locked, "kontot är låst");
            return;
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(AppClaims.SignInMethod, AppClaims.FederatedSignIn));
        identity.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, provider.Scheme));
        context.Principal = principal;
        context.Properties!.IsPersistent = false;
    }

    /// <summary>The provider answered with an error, or the token did not validate (issuer, audience, lifetime, signature, nonce…).</summary>
    public async Task RefuseAsync(RemoteFailureContext context, Guid providerId)
    {
        logger.LogWarning("Federated sign-in through provider {Provider} failed: {Error}", providerId, context.Failure?.GetType().Name);
        await WriteDeniedAsync(providerId, null, "ogiltigt svar eller token från identitetsleverantören");
        context.Response.Redirect($"/Account/Login?federated={Refusal.Failed}");
        context.HandleResponse();
    }

    public async Task RefuseAsync(AccessDeniedContext context, Guid providerId)
    {
        await WriteDeniedAsync(providerId, null, "identitetsleverantören nekade inloggningen");
        context.Response.Redirect($"/Account/Login?federated={Refusal.Failed}");
        context.HandleResponse();
    }

    private async Task RefuseAsync(TokenValidatedContext context, Guid providerId, AppUser? user, string reason, string why)
    {
        await WriteDeniedAsync(providerId, user, why);
        context.Response.Redirect($"/Account/Login?federated={reason}");
        context.HandleResponse();
    }

    /// <summary>A denied row: the provider and, when known, the account; never the claim's value (it may be an e-mail address or an HSA-id).</summary>
    private async Task WriteDeniedAsync(Guid providerId, AppUser? user, string why)
    {
        var organisationId = user?.OrganisationId
            ?? await db.SignInProviders.AsNoTracking().Where(p => p.Id == providerId).Select(p => (Guid?)p.OrganisationId).FirstOrDefaultAsync();
        await log.WriteAsync([AccessLogEntry.Create(clock.GetUtcNow().UtcDateTime, user?.Id, user?.UserName ?? "", organisationId, "",
            AccessAction.Denied, EntityTypeName, providerId.ToString(), null, null, $"Federerad inloggning nekad: {why}")]);
    }

    public const string EntityTypeName = "FederatedSignIn";
}

public static class FederatedSignInSetup
{
    /// <summary>Federated sign-in: the provider directory, the scheme provider that knows each provider's scheme, and their handler options.</summary>
    public static IServiceCollection AddFederatedSignIn(this IServiceCollection services)
    {
        services.AddSingleton<SignInProviderDirectory>();
        services.AddSingleton<IAuthenticationSchemeProvider, FederatedSchemeProvider>();
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, FederatedHandlerOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddTransient<OpenIdConnectHandler>();
        services.AddScoped<FederatedSignIn>();
        services.AddScoped<SignInProviderWork>();
        services.AddScoped<PasswordSignInPolicy>();
        // The cookie's principal is rebuilt from the database every 30 s (SecurityStampValidator); keep how the user signed in.
        services.PostConfigure<SecurityStampValidatorOptions>(o =>
        {
            var earlier = o.OnRefreshingPrincipal;
            o.OnRefreshingPrincipal = async context =>
            {
                if (earlier is not null)
                {
                    await earlier(context);
                }

                foreach (var claim in context.CurrentPrincipal?.FindAll(c => c.Type is AppClaims.SignInMethod or ClaimTypes.AuthenticationMethod) ?? [])
                {
                    if (context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(claim.Type, claim.Value))
                    {
                        identity.AddClaim(new Claim(claim.Type, claim.Value));
                    }
                }
            };
        });
        return services;
    }
}
