using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Features.Requirements;

public static class RequirementMapping
{
    /// <summary>Maps an owner's requirement profile to a table of its own, one row per criterion, keyed by the owner's id.</summary>
    public static void OwnsRequirements<TOwner>(this EntityTypeBuilder<TOwner> builder, Expression<Func<TOwner, IEnumerable<Requirement>?>> profile,
        string table, string ownerKey, int maxValue) where TOwner : class =>
        builder.OwnsMany(profile, r =>
        {
            r.ToTable(table);
            r.WithOwner().HasForeignKey(ownerKey);
            r.Property<Guid>("Id");
            r.HasKey("Id");
            r.Property(x => x.Kind).HasMaxLength(30);
            r.Property(x => x.Value).HasMaxLength(maxValue);
        });
}
