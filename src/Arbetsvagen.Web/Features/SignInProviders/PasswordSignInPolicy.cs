using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Features.SignInProviders;

/// <summary>
/// A reserve account ("break glass"): an administrator of an organisation with an identity provider who may still sign
/// in with password and two-factor code, so that the organisation is not locked out when its provider is down. Set by an
/// administrator, one row per account; granting, withdrawing and every use are in the access log (ADR 0028).
/// </summary>
public class PasswordSignInException
{
    private PasswordSignInException() { }

    public Guid UserId { get; private set; }
    public Guid GrantedByUserId { get; private set; }
    public DateTime GrantedAt { get; private set; }

    public static PasswordSignInException Grant(Guid userId, Guid by, DateTime now) => new() { UserId = userId, GrantedByUserId = by, GrantedAt = now };
}

public sealed class PasswordSignInExceptionConfiguration : IEntityTypeConfiguration<PasswordSignInException>
{
    public void Configure(EntityTypeBuilder<PasswordSignInException> builder)
    {
        builder.ToTable("PasswordSignInExceptions");
        builder.HasKey(e => e.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A reserve account as administrators see it.</summary>
public sealed record ReserveAccountDto(Guid UserId, string UserName, string DisplayName, string OrganisationName, DateTime GrantedAt);

/// <summary>What the rule says about a password sign-in: allowed, allowed as a reserve account, or refused in favour of a provider.</summary>
public sealed record PasswordSignIn(bool Allowed, bool AsReserveAccount, string? ProviderName)
{
    public static readonly PasswordSignIn Ordinary = new(true, false, null);

    /// <summary>Shown on the sign-in page, and only after the password was right (ADR 0028).</summary>
    public string PageMessage => $"Ditt konto hör till {ProviderName}, som loggar in via sin identitetsleverantör. " +
        $"Använd knappen ”Logga in via {ProviderName}” nedan i stället för lösenord.";

    /// <summary>The token endpoint's answer, only after the password was right.</summary>
    public string ApiMessage => $"Ditt konto loggar in via {ProviderName}s identitetsleverantör, inte med lösenord. " +
        $"Logga in via {ProviderName} på webben och skapa en personlig API-token under API-tokens.";

    /// <summary>
    /// The rule: a user of an organisation whose enabled provider covers it (the provider's organisation or one of its
    /// units, as federated sign-in matches) signs in there, unless an administrator made the account a reserve account.
    /// </summary>
    public static PasswordSignIn Decide(IEnumerable<ProviderSettings> enabled, Guid organisationId, Guid? parentId, bool isReserveAccount)
    {
        var provider = enabled.Where(p => p.OrganisationId == organisationId || p.OrganisationId == parentId)
            .OrderBy(p => p.OrganisationId == organisationId ? 0 : 1).FirstOrDefault();
        return provider is null ? Ordinary
            : isReserveAccount ? new PasswordSignIn(true, true, provider.OrganisationName)
            : new PasswordSignIn(false, false, provider.OrganisationName);
    }
}

/// <summary>
/// Whether a user may sign in with a local password (the sign-in page and POST /api/v1/auth/token ask the same), and
/// the administrators' reserve accounts that may despite their organisation's identity provider (ADR 0028).
/// </summary>
public sealed class PasswordSignInPolicy(AppDbContext db, SignInProviderDirectory directory, AccessLogBatches batches, AccessLogger log,
    CurrentUser admin, UserManager<AppUser> users, TimeProvider clock)
{
    public const string EntityTypeName = "PasswordSignIn";

    /// <summary>The rule for this user. No provider enabled anywhere: no query at all.</summary>
    public async Task<PasswordSignIn> CheckAsync(AppUser user)
    {
        var enabled = await directory.EnabledAsync();
        if (enabled.Count == 0)
        {
            return PasswordSignIn.Ordinary;
        }

        var parentId = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId).Select(o => o.ParentId).FirstOrDefaultAsync();
        if (!enabled.Any(p => p.OrganisationId == user.OrganisationId || p.OrganisationId == parentId))
        {
            return PasswordSignIn.Ordinary;
        }

        var isReserve = await db.PasswordSignInExceptions.AsNoTracking().AnyAsync(e => e.UserId == user.Id);
        return PasswordSignIn.Decide(enabled, user.OrganisationId, parentId, isReserve);
    }

    /// <summary>
    /// After the password was right: a refusal is written as denied, a reserve account's use as a read of its exception,
    /// both naming the account, never the password.
    /// </summary>
    public async Task RecordAsync(AppUser user, PasswordSignIn decision, string channel)
    {
        if (decision is { Allowed: true, AsReserveAccount: false })
        {
            return;
        }

        var (action, purpose) = decision.Allowed
            ? (AccessAction.Read, $"Reservinloggning med lösenord ({channel}) trots identitetsleverantör hos {decision.ProviderName}")
            : (AccessAction.Denied, $"Lösenordsinloggning ({channel}) nekad: kontot loggar in via identitetsleverantör hos {decision.ProviderName}");
        await batches.WriteAsync([AccessLogEntry.Create(clock.GetUtcNow().UtcDateTime, user.Id, user.UserName ?? "", user.OrganisationId, "",
            action, EntityTypeName, user.Id.ToString(), null, null, purpose)]);
    }

    private IQueryable<Guid> Scope() =>
        db.Organisations.Where(o => o.Id == admin.OrganisationId || o.ParentId == admin.OrganisationId).Select(o => o.Id);

    /// <summary>The reserve accounts in the administrator's organisation and its units.</summary>
    public async Task<List<ReserveAccountDto>> ReserveAccountsAsync(CancellationToken ct)
    {
        var scope = Scope();
        var rows = await (from e in db.PasswordSignInExceptions.AsNoTracking()
                          join u in db.Users on e.UserId equals u.Id
                          join o in db.Organisations on u.OrganisationId equals o.Id
                          where scope.Contains(u.OrganisationId)
                          select new ReserveAccountDto(u.Id, u.UserName!, u.DisplayName, o.Name, e.GrantedAt)).ToListAsync(ct);
        return rows.OrderBy(r => r.UserName, SwedishCollation.Comparer).ToList();
    }

    /// <summary>The administrators who could be made reserve accounts (in scope, not yet one).</summary>
    public async Task<List<ReserveAccountDto>> CandidatesAsync(CancellationToken ct)
    {
        var scope = Scope();
        var administrators = (await users.GetUsersInRoleAsync(Roles.Administrator)).Select(u => u.Id).ToList();
        var reserve = db.PasswordSignInExceptions.Select(e => e.UserId);
        var rows = await (from u in db.Users.AsNoTracking()
                          join o in db.Organisations on u.OrganisationId equals o.Id
                          where scope.Contains(u.OrganisationId) && administrators.Contains(u.Id) && !u.IsDisabled && !reserve.Contains(u.Id)
                          select new ReserveAccountDto(u.Id, u.UserName!, u.DisplayName, o.Name, default)).ToListAsync(ct);
        return rows.OrderBy(r => r.UserName, SwedishCollation.Comparer).ToList();
    }

    /// <summary>Makes an administrator in scope a reserve account; anyone else in scope is a conflict, outside it not found.</summary>
    public async Task<Outcome<ReserveAccountDto>> GrantAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && Scope().Contains(u.OrganisationId), ct);
        if (user is null)
        {
            return Outcome.NotFound();
        }

        if (!await users.IsInRoleAsync(user, Roles.Administrator))
        {
            return Outcome.Conflict("Bara administratörer kan vara reservkonton med lösenordsinloggning.", "Inte administratör");
        }

        var existing = await db.PasswordSignInExceptions.FirstOrDefaultAsync(e => e.UserId == userId, ct);
        if (existing is null)
        {
            existing = PasswordSignInException.Grant(userId, admin.Id, clock.GetUtcNow().UtcDateTime);
            db.PasswordSignInExceptions.Add(existing);
            log.Add(AccessAction.Create, EntityTypeName, userId, purpose: "Reservkonto: får logga in med lösenord och tvåfaktor trots identitetsleverantör");
            await db.SaveChangesAsync(ct);
        }

        var organisation = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        return new ReserveAccountDto(user.Id, user.UserName!, user.DisplayName, organisation, existing.GrantedAt);
    }

    /// <summary>The account is no longer a reserve account; not found when it is none or is outside the scope.</summary>
    public async Task<Outcome<PasswordSignInException>> WithdrawAsync(Guid userId, CancellationToken ct)
    {
        var inScope = db.Users.Where(u => u.Id == userId && Scope().Contains(u.OrganisationId)).Select(u => u.Id);
        var existing = await db.PasswordSignInExceptions.FirstOrDefaultAsync(e => inScope.Contains(e.UserId), ct);
        if (existing is null)
        {
            return Outcome.NotFound();
        }

        db.PasswordSignInExceptions.Remove(existing);
        log.Add(AccessAction.Delete, EntityTypeName, userId, purpose: "Reservkonto upphävt: loggar in via identitetsleverantören");
        await db.SaveChangesAsync(ct);
        return existing;
    }
}
