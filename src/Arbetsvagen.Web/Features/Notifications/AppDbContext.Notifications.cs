using Arbetsvagen.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Infrastructure;

public partial class AppDbContext
{
    public DbSet<Notification> Notifications => Set<Notification>();

    partial void ConfigureNotifications(ModelBuilder builder) => builder.Entity<Notification>(e =>
    {
        e.ToTable("Notifications");
        e.Property(n => n.Text).HasMaxLength(500);
        e.Property(n => n.Link).HasMaxLength(200);
        e.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
        e.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    });
}
