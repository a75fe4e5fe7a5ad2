using System.Security.Claims;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Arbetsvagen.Core.Organisations;

/// <summary>
/// Puts the user's organisation and secrecy boundary into the sign-in (cookie or bearer token). It reads
/// organisations, so it lives with them in the core rather than on the ground.
/// </summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var boundary = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.SecrecyBoundaryId).FirstAsync();
        identity.AddClaim(new Claim(AppClaims.OrganisationId, user.OrganisationId.ToString()));
        identity.AddClaim(new Claim(AppClaims.SecrecyBoundaryId, boundary.ToString()));
        return identity;
    }
}
