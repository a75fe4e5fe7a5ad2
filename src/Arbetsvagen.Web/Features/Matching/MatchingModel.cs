// The sets are used wherever there is an AppDbContext, as if they were its properties.
global using static Arbetsvagen.Features.Matching.MatchingSets;

using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Features.Matching;

/// <summary>Matching's own tables (migration 0020): the change feed, each collaboration's settings, and asks to propose.</summary>
public static class MatchingSets
{
    extension(AppDbContext db)
    {
        public DbSet<MatchingChange> MatchingChanges => db.Set<MatchingChange>();
        public DbSet<MatchingSettings> MatchingSettings => db.Set<MatchingSettings>();
        public DbSet<ProposalRequest> ProposalRequests => db.Set<ProposalRequest>();
    }
}

public sealed class MatchingChangeConfiguration : IEntityTypeConfiguration<MatchingChange>
{
    public void Configure(EntityTypeBuilder<MatchingChange> builder)
    {
        builder.ToTable("MatchingChanges");
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.Kind).HasMaxLength(20);
        builder.HasIndex(c => c.At);
    }
}

public sealed class MatchingSettingsConfiguration : IEntityTypeConfiguration<MatchingSettings>
{
    public void Configure(EntityTypeBuilder<MatchingSettings> builder)
    {
        builder.ToTable("MatchingSettings");
        builder.HasKey(s => s.CollaborationId);
        builder.Property(s => s.Weights).HasMaxLength(2000);
    }
}

public sealed class ProposalRequestConfiguration : IEntityTypeConfiguration<ProposalRequest>
{
    public void Configure(EntityTypeBuilder<ProposalRequest> builder)
    {
        builder.ToTable("ProposalRequests");
        builder.Property(r => r.OpportunityKey).HasMaxLength(120);
        builder.Property(r => r.OpportunityTitle).HasMaxLength(300);
        // One ask per person and opportunity: a second is answered "already asked".
        builder.HasIndex(r => new { r.OpportunityKey, r.ParticipantId }).IsUnique();
        builder.HasIndex(r => new { r.ParticipantId, r.AskedAt });
    }
}

public static class MatchingServices
{
    /// <summary>The index (one per app instance, following the change feed), the catalogue, the use cases and the feed's recorder.</summary>
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddSingleton<MatchingIndex>();
        services.AddHostedService(s => s.GetRequiredService<MatchingIndex>());
        services.AddSingleton<OpportunityCatalog>();
        services.AddMatchingFeed();
        services.AddScoped<MatchingWork>();
        return services;
    }

    /// <summary>The change feed's recorder alone: for commands that write data while app instances may be running.</summary>
    public static IServiceCollection AddMatchingFeed(this IServiceCollection services) =>
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, MatchingChangeRecorder>();
}
