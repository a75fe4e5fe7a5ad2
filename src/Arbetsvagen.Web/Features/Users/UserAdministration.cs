using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Users;

public sealed record UserDto(Guid Id, string UserName, string DisplayName, Guid OrganisationId, string OrganisationName, List<string> Roles,
    bool IsDisabled, bool TwoFactorEnabled, bool LockedOut, string? ExternalId);

/// <summary>The id the organisation's identity provider gives the user (HSA-id or subject); empty removes it (ADR 0024).</summary>
public sealed record ExternalIdInput(string? ExternalId);

public sealed class UserInput
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public Guid? OrganisationId { get; set; }
    public List<string>? Roles { get; set; }
    public string? Password { get; set; }
    /// <summary>HSA-id or the identity provider's subject, for federated sign-in (optional).</summary>
    public string? ExternalId { get; set; }
}

/// <summary>An administrator manages the users of their own organisation and its units.</summary>
public sealed class UserAdministration(AppDbContext db, UserManager<AppUser> users, CurrentUser admin, UserStatusCache statuses, TimeProvider clock)
{
    public IQueryable<Guid> ScopeOrganisationIds() =>
        db.Organisations.Where(o => o.Id == admin.OrganisationId || o.ParentId == admin.OrganisationId).Select(o => o.Id);

    public async Task<List<UserDto>> ListAsync(CancellationToken ct)
    {
        var scope = ScopeOrganisationIds();
        var rows = await db.Users.AsNoTracking().Where(u => scope.Contains(u.OrganisationId)).OrderBy(u => u.UserName)
            .Join(db.Organisations, u => u.OrganisationId, o => o.Id, (u, o) => new { User = u, Organisation = o.Name })
            .ToListAsync(ct);
        var userIds = rows.Select(r => r.User.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.Select(r => new UserDto(r.User.Id, r.User.UserName!, r.User.DisplayName, r.User.OrganisationId, r.Organisation,
            roles.Where(x => x.UserId == r.User.Id).Select(x => x.Name!).Order().ToList(), r.User.IsDisabled, r.User.TwoFactorEnabled,
            r.User.LockoutEnd > now, r.User.ExternalId)).ToList();
    }

    /// <summary>Creates a user in the administrator's scope with a start password, or says which fields are wrong.</summary>
    public async Task<Outcome<AppUser>> CreateAsync(UserInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.UserName) || !System.Text.RegularExpressions.Regex.IsMatch(input.UserName.Trim(), "^[a-z0-9._-]{3,50}$"))
        {
            errors["userName"] = ["Användarnamnet ska vara 3–50 tecken: små bokstäver a–z, siffror, punkt, bindestreck eller understreck."];
        }
        else if (await users.FindByNameAsync(input.UserName.Trim()) is not null)
        {
            errors["userName"] = ["Användarnamnet är upptaget."];
        }

        if (string.IsNullOrWhiteSpace(input.DisplayName) || input.DisplayName.Trim().Length > 200)
        {
            errors["displayName"] = ["Ange namn (högst 200 tecken)."];
        }

        var scope = await ScopeOrganisationIds().ToListAsync(ct);
        if (input.OrganisationId is not { } organisationId || !scope.Contains(organisationId))
        {
            errors["organisationId"] = ["Välj en organisation som du administrerar."];
        }

        var roles = (input.Roles ?? []).Distinct().ToList();
        if (roles.Count == 0 || roles.Any(r => !Roles.All.Contains(r)))
        {
            errors["roles"] = [$"Välj minst en roll bland: {string.Join(", ", Roles.All)}."];
        }

        if (string.IsNullOrEmpty(input.Password) || input.Password.Length < 10)
        {
            errors["password"] = ["Lösenordet ska ha minst 10 tecken."];
        }

        var externalId = string.IsNullOrWhiteSpace(input.ExternalId) ? null : input.ExternalId.Trim();
        if (ExternalIdError(externalId) is { } externalIdError)
        {
            errors["externalId"] = [externalIdError];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var user = new AppUser
        {
            UserName = input.UserName!.Trim(),
            DisplayName = input.DisplayName!.Trim(),
            Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
            OrganisationId = input.OrganisationId!.Value,
            ExternalId = externalId,
        };
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            return Outcome.Invalid(new Dictionary<string, string[]> { ["password"] = created.Errors.Select(e => Swedish(e)).ToArray() });
        }

        await users.AddToRolesAsync(user, roles);
        return user;
    }

    /// <summary>Disables an account: sign-ins are refused at once and existing sessions and tokens within 30 seconds.</summary>
    /// <remarks>A user outside the administrator's scope is not found; the administrator's own account cannot be disabled.</remarks>
    public async Task<Outcome<AppUser>> SetDisabledAsync(Guid userId, bool disabled, CancellationToken ct)
    {
        var scope = ScopeOrganisationIds();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && scope.Contains(u.OrganisationId), ct);
        if (user is null)
        {
            return Outcome.NotFound();
        }

        if (user.Id == admin.Id && disabled)
        {
            return Outcome.Conflict("Du kan inte stänga av ditt eget konto.");
        }

        if (disabled)
        {
            user.Disable(clock.GetUtcNow().UtcDateTime);
        }
        else
        {
            user.Enable();
        }

        await users.UpdateSecurityStampAsync(user);
        statuses.Forget(user.Id);
        return user;
    }

    /// <summary>Sets or removes the id that federated sign-in matches (HSA-id or subject); a user outside the scope is not found.</summary>
    public async Task<Outcome<AppUser>> SetExternalIdAsync(Guid userId, string? externalId, CancellationToken ct)
    {
        var scope = ScopeOrganisationIds();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && scope.Contains(u.OrganisationId), ct);
        if (user is null)
        {
            return Outcome.NotFound();
        }

        var value = string.IsNullOrWhiteSpace(externalId) ? null : externalId.Trim();
        if (ExternalIdError(value) is { } error)
        {
            return Outcome.Invalid("externalId", error);
        }

        user.ExternalId = value;
        await db.SaveChangesAsync(ct);
        return user;
    }

    private static string? ExternalIdError(string? value) => value is { Length: > 200 } || (value ?? "").Any(char.IsControl)
        ? "Det federerade id:t (HSA-id eller subject) får vara högst 200 tecken."
        : null;

    private static string Swedish(IdentityError error) => error.Code switch
    {
        "PasswordRequiresDigit" => "Lösenordet måste innehålla en siffra.",
        "PasswordRequiresLower" => "Lösenordet måste innehålla en liten bokstav.",
        "PasswordRequiresUpper" => "Lösenordet måste innehålla en stor bokstav.",
        "PasswordTooShort" => "Lösenordet är för kort.",
        _ => "Lösenordet uppfyller inte kraven.",
    };
}
