using System.Security.Claims;

namespace Arbetsvagen.Infrastructure;

public static class AppClaims
{
    public const string OrganisationId = "arbetsvagen:org";
    public const string SecrecyBoundaryId = "arbetsvagen:boundary";
    /// <summary>How the user signed in; <see cref="FederatedSignIn"/> when through the organisation's identity provider (ADR 0024).</summary>
    public const string SignInMethod = "arbetsvagen:signin";
    public const string FederatedSignIn = "federated";
}

/// <summary>The signed-in user as the request sees it: who, where, and in which roles.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public Guid Id => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
    public string UserName => Principal.Identity?.Name ?? "";
    public Guid OrganisationId => Guid.TryParse(Principal.FindFirstValue(AppClaims.OrganisationId), out var id) ? id : Guid.Empty;
    public Guid SecrecyBoundaryId => Guid.TryParse(Principal.FindFirstValue(AppClaims.SecrecyBoundaryId), out var id) ? id : Guid.Empty;
    public IReadOnlyList<string> Roles => Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();

    public bool IsInRole(string role) => Principal.IsInRole(role);
    public bool IsCaseworker => Infrastructure.Roles.Caseworkers.Any(IsInRole);
    public bool MaySeeSensitiveData => Infrastructure.Roles.SensitiveDataReaders.Any(IsInRole);
    public bool IsAdministrator => IsInRole(Infrastructure.Roles.Administrator);
}
