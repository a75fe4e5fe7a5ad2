using Microsoft.AspNetCore.Identity;

namespace Arbetsvagen.Infrastructure;

public class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public Guid OrganisationId { get; set; }
    public bool IsDisabled { get; private set; }
    public DateTime? DisabledAt { get; private set; }
    /// <summary>The id the organisation's identity provider gives the user (HSA-id or subject), set by an administrator (ADR 0024).</summary>
    public string? ExternalId { get; set; }

    public void Disable(DateTime now)
    {
        IsDisabled = true;
        DisabledAt = now;
    }

    public void Enable()
    {
        IsDisabled = false;
        DisabledAt = null;
    }
}

public static class Roles
{
    public const string SocialSecretary = "Socialsekreterare";
    public const string LabourMarketConsultant = "Arbetsmarknadskonsulent";
    public const string EmploymentOfficer = "Arbetsförmedlare";
    public const string CareerCounsellor = "Studie- och yrkesvägledare";
    public const string KaaOfficer = "KAA-handläggare";
    public const string Coordinator = "Samordnare";
    public const string Analyst = "Analytiker";
    public const string Administrator = "Administratör";

    public static readonly string[] All =
        [SocialSecretary, LabourMarketConsultant, EmploymentOfficer, CareerCounsellor, KaaOfficer, Coordinator, Analyst, Administrator];

    /// <summary>Roles that work with individual participants. Analysts and administrators never see a person.</summary>
    public static readonly string[] Caseworkers =
        [SocialSecretary, LabourMarketConsultant, EmploymentOfficer, CareerCounsellor, KaaOfficer];

    /// <summary>Roles whose work needs health, disability and work-ability information.</summary>
    public static readonly string[] SensitiveDataReaders = [SocialSecretary, LabourMarketConsultant, EmploymentOfficer];

    /// <summary>Creates the roles a database lacks (at every start, demo or not).</summary>
    public static async Task EnsureAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in All)
        {
            if (await roles.RoleExistsAsync(role))
            {
                continue;
            }

            var result = await roles.CreateAsync(new IdentityRole<Guid>(role));
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not create the role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }
    }
}
