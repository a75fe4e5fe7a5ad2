// The sets are used wherever there is an AppDbContext, as if they were its properties.
global using static Arbetsvagen.Features.SignInProviders.SignInProviderSets;

using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Features.SignInProviders;

/// <summary>Which claim of the identity provider's token names the user, and what of the user it is compared with.</summary>
public enum UserClaim
{
    /// <summary>The provider's subject (sub), compared with the user's federated id.</summary>
    [Display(Name = "Subjekt (sub)")] Subject,
    /// <summary>The e-mail address, compared with the user's e-mail (case-insensitive).</summary>
    [Display(Name = "E-postadress")] Email,
    /// <summary>The HSA-id (SITHS), compared with the user's federated id.</summary>
    [Display(Name = "HSA-id")] HsaId,
}

/// <summary>
/// An organisation's OpenID Connect identity provider: its users (and its units' users) sign in there instead of with
/// a local password. A user is matched by one claim, never created from it (ADR 0024).
/// </summary>
public class SignInProvider
{
    private SignInProvider() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    /// <summary>The issuer; its /.well-known/openid-configuration is read from here.</summary>
    public string Authority { get; private set; } = "";
    public string ClientId { get; private set; } = "";
    /// <summary>The client secret, encrypted with the data-protection keys; null: from configuration or none (PKCE only).</summary>
    public string? ProtectedClientSecret { get; private set; }
    public UserClaim UserClaim { get; private set; }
    /// <summary>The claim's name in the token, e.g. sub, email or the federation's HSA-id claim.</summary>
    public string ClaimType { get; private set; } = "";
    public bool IsEnabled { get; private set; }
    /// <summary>Raised on every change, so that every instance builds its handler options anew.</summary>
    public int Version { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public Guid UpdatedByUserId { get; private set; }

    public static SignInProvider Create(Guid organisationId) => new() { Id = Guid.NewGuid(), OrganisationId = organisationId };

    public void Set(string authority, string clientId, UserClaim userClaim, string claimType, bool isEnabled, Guid by, DateTime now)
    {
        Authority = authority;
        ClientId = clientId;
        UserClaim = userClaim;
        ClaimType = claimType;
        IsEnabled = isEnabled;
        Version++;
        UpdatedAt = now;
        UpdatedByUserId = by;
    }

    public void SetProtectedClientSecret(string? protectedSecret) => ProtectedClientSecret = protectedSecret;
}

public static class SignInProviderSets
{
    extension(AppDbContext db)
    {
        public DbSet<SignInProvider> SignInProviders => db.Set<SignInProvider>();
        public DbSet<PasswordSignInException> PasswordSignInExceptions => db.Set<PasswordSignInException>();
    }
}

public sealed class SignInProviderConfiguration : IEntityTypeConfiguration<SignInProvider>
{
    public void Configure(EntityTypeBuilder<SignInProvider> builder)
    {
        builder.ToTable("SignInProviders");
        builder.Property(p => p.Authority).HasMaxLength(500);
        builder.Property(p => p.ClientId).HasMaxLength(200);
        builder.Property(p => p.ProtectedClientSecret).HasMaxLength(4000);
        builder.Property(p => p.UserClaim).HasMaxLength(20);
        builder.Property(p => p.ClaimType).HasMaxLength(200);
        builder.HasIndex(p => p.OrganisationId).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
