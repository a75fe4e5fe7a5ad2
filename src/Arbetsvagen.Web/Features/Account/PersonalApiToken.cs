// The set is used wherever there is an AppDbContext, as if it were its property.
global using static Arbetsvagen.Features.Account.PersonalApiTokenSets;

using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Caching.Memory;

namespace Arbetsvagen.Features.Account;

/// <summary>
/// A personal API token that a signed-in user (by password or through the organisation's identity provider) creates on
/// the page API-tokens: shown once, stored only as its SHA-256 hash, valid until the date the user picked (at most
/// <see cref="MaxDays"/> days), revocable. The API's bearer authentication accepts it beside the tokens of
/// POST /api/v1/auth/token (ADR 0028).
/// </summary>
public class PersonalApiToken
{
    public const string Prefix = "avp_";
    public const int MaxDays = 90;
    public static readonly int[] DayChoices = [1, 7, 30, MaxDays];

    private PersonalApiToken() { }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>SHA-256 of the token, hex; the token itself is never stored.</summary>
    public string TokenHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    /// <summary>When the token was last used, to within the 30 s that a validated token is remembered.</summary>
    public DateTime? LastUsedAt { get; private set; }

    /// <summary>A new token and its secret, which the caller shows once.</summary>
    public static (PersonalApiToken Token, string Secret) Create(Guid userId, string name, DateTime now, int days)
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new PersonalApiToken
        {
            Id = Guid.NewGuid(), UserId = userId, Name = name, TokenHash = Hash(secret), CreatedAt = now, ExpiresAt = now.AddDays(days),
        }, secret);
    }

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool IsActive(DateTime now) => RevokedAt is null && ExpiresAt > now;

    /// <summary>Revokes the token; revoking a revoked token changes nothing.</summary>
    public void Revoke(DateTime now) => RevokedAt ??= now;

    public string Status(DateTime now) => RevokedAt is not null ? "revoked" : ExpiresAt <= now ? "expired" : "active";
}

public static class PersonalApiTokenSets
{
    extension(AppDbContext db)
    {
        public DbSet<PersonalApiToken> PersonalApiTokens => db.Set<PersonalApiToken>();
    }
}

public sealed class PersonalApiTokenConfiguration : IEntityTypeConfiguration<PersonalApiToken>
{
    public void Configure(EntityTypeBuilder<PersonalApiToken> builder)
    {
        builder.ToTable("PersonalApiTokens");
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A personal API token as its owner sees it (never the token itself); status active, expired or revoked.</summary>
public sealed record PersonalApiTokenDto(Guid Id, string Name, DateTime CreatedAt, DateTime ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt, string Status);

/// <summary>A token just created: the only answer that carries the token.</summary>
public sealed record CreatedPersonalApiToken(PersonalApiTokenDto Token, string Secret);

public sealed class PersonalApiTokenInput
{
    public string? Name { get; set; }
    /// <summary>Days the token is valid: 1, 7, 30 or 90.</summary>
    public int? Days { get; set; }
}

/// <summary>The signed-in user's own personal API tokens: list, create, revoke; every creation and revocation in the access log.</summary>
public sealed class PersonalApiTokenWork(AppDbContext db, CurrentUser me, AccessLogger log, PersonalApiTokenAuthentication authentication, TimeProvider clock)
{
    public const string EntityTypeName = "PersonalApiToken";
    public const int MaxActive = 10;

    public async Task<List<PersonalApiTokenDto>> ListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tokens = await db.PersonalApiTokens.AsNoTracking().Where(t => t.UserId == me.Id).ToListAsync(ct);
        return tokens.OrderByDescending(t => t.IsActive(now)).ThenByDescending(t => t.CreatedAt).Select(t => Dto(t, now)).ToList();
    }

    public async Task<Outcome<CreatedPersonalApiToken>> CreateAsync(PersonalApiTokenInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = (input.Name ?? "").Trim();
        if (name.Length is 0 or > 100 || name.Any(char.IsControl))
        {
            errors["name"] = ["Ange ett namn på token, högst 100 tecken, t.ex. vad den ska användas till."];
        }

        if (input.Days is not { } days || !PersonalApiToken.DayChoices.Contains(days))
        {
            errors["days"] = [$"Välj giltighetstid: {string.Join(", ", PersonalApiToken.DayChoices)} dagar (högst {PersonalApiToken.MaxDays})."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.PersonalApiTokens.CountAsync(t => t.UserId == me.Id && t.RevokedAt == null && t.ExpiresAt > now, ct) >= MaxActive)
        {
            return Outcome.Conflict($"Du har redan {MaxActive} giltiga API-tokens. Återkalla någon du inte använder innan du skapar en ny.", "För många API-tokens");
        }

        var (token, secret) = PersonalApiToken.Create(me.Id, name, now, input.Days!.Value);
        db.PersonalApiTokens.Add(token);
        log.Add(AccessAction.Create, EntityTypeName, token.Id, purpose: $"Personlig API-token skapad, giltig till {Ui.Time(token.ExpiresAt)}");
        await db.SaveChangesAsync(ct);
        return new CreatedPersonalApiToken(Dto(token, now), secret);
    }

    /// <summary>Revokes one of the user's own tokens; another user's token is not found. Stops on this instance at once, elsewhere within 30 s.</summary>
    public async Task<Outcome<PersonalApiTokenDto>> RevokeAsync(Guid id, CancellationToken ct)
    {
        var token = await db.PersonalApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == me.Id, ct);
        if (token is null)
        {
            return Outcome.NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (token.RevokedAt is null)
        {
            token.Revoke(now);
            log.Add(AccessAction.Update, EntityTypeName, token.Id, purpose: "Personlig API-token återkallad");
            await db.SaveChangesAsync(ct);
            authentication.Forget(token.TokenHash);
        }

        return Dto(token, now);
    }

    private static PersonalApiTokenDto Dto(PersonalApiToken t, DateTime now) =>
        new(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt, t.Status(now));
}

/// <summary>
/// Validates a personal token for the API's bearer scheme: its hash must name an unrevoked, unexpired token of an
/// existing account, whose principal is built as for a token from POST /api/v1/auth/token. A validated token is
/// remembered for 30 s (like <see cref="UserStatusCache"/>); its expiry is checked on every request, and revocation on
/// this instance forgets it at once. Unknown tokens are not remembered, so guesses cannot fill the memory.
/// </summary>
public sealed class PersonalApiTokenAuthentication(IMemoryCache cache, IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string Method = "personal-api-token";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private sealed record Valid(DateTime ExpiresAt, ClaimsPrincipal Principal);

    public async Task<ClaimsPrincipal?> AuthenticateAsync(string secret)
    {
        var hash = PersonalApiToken.Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!cache.TryGetValue(Key(hash), out Valid? valid) || valid is null)
        {
            valid = await LoadAsync(hash, now);
            if (valid is null)
            {
                return null;
            }

            cache.Set(Key(hash), valid, Lifetime);
        }

        return valid.ExpiresAt > now ? valid.Principal.Clone() : null;
    }

    public void Forget(string hash) => cache.Remove(Key(hash));

    private async Task<Valid?> LoadAsync(string hash, DateTime now)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var token = await db.PersonalApiTokens.AsNoTracking().Where(t => t.TokenHash == hash && t.RevokedAt == null && t.ExpiresAt > now)
            .Select(t => new { t.Id, t.UserId, t.ExpiresAt }).FirstOrDefaultAsync();
        if (token is null || await db.Users.FirstOrDefaultAsync(u => u.Id == token.UserId) is not { IsDisabled: false } user)
        {
            return null;
        }

        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, Method));
        await db.PersonalApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now));
        return new Valid(token.ExpiresAt, principal);
    }

    private static string Key(string hash) => $"personal-api-token:{hash}";
}

public static class PersonalApiTokenSetup
{
    /// <summary>Personal API tokens: their use cases, and the API's bearer scheme also accepting them (a token that starts with avp_).</summary>
    public static IServiceCollection AddPersonalApiTokens(this IServiceCollection services)
    {
        services.AddSingleton<PersonalApiTokenAuthentication>();
        services.AddScoped<PersonalApiTokenWork>();
        services.PostConfigure<BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
        {
            var earlier = o.Events.OnMessageReceived;
            o.Events.OnMessageReceived = async context =>
            {
                await earlier(context);
                var header = context.Request.Headers.Authorization.ToString();
                if (context.Result is not null || !header.StartsWith("Bearer " + PersonalApiToken.Prefix, StringComparison.Ordinal))
                {
                    return;
                }

                var principal = await context.HttpContext.RequestServices.GetRequiredService<PersonalApiTokenAuthentication>()
                    .AuthenticateAsync(header["Bearer ".Length..].Trim());
                if (principal is null)
                {
                    context.Fail("The personal API token is unknown, revoked or expired.");
                    return;
                }

                context.Principal = principal;
                context.Success();
            };
        });
        return services;
    }
}
