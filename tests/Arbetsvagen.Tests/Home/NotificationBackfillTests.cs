using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Arbetsvagen.Tests.Home;

/// <summary>The migration that gives notices their participant fills it in for the notices written before it.</summary>
public sealed class NotificationBackfillTests
{
    [Fact]
    public async Task Notices_written_before_the_migration_get_the_participant_of_the_referral_they_link_to()
    {
        await using var app = await AppFactory.StartAsync(); // the demo's notices, each written with its participant
        await app.WithDbAsync(async db =>
        {
            var expected = await db.Notifications.AsNoTracking().OrderBy(n => n.Id).Select(n => new { n.Id, n.ParticipantId }).ToListAsync();
            Assert.Contains(expected, n => n.ParticipantId != null);
            var script = SchemaMigrator.Scripts(db.IsPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite)
                .Single(s => s.Name.EndsWith("_notification_participant", StringComparison.Ordinal));

            // Back to the schema before the script, then run it as an upgrade would.
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Notifications\" DROP COLUMN \"ParticipantId\"");
            await db.Database.ExecuteSqlAsync($"DELETE FROM schema_version WHERE version = {script.Version}");
            Assert.Equal([script.Version], await SchemaMigrator.MigrateAsync(db));

            var backfilled = await db.Notifications.AsNoTracking().OrderBy(n => n.Id).Select(n => new { n.Id, n.ParticipantId }).ToListAsync();
            Assert.Equal(expected, backfilled);
            return 0;
        });
    }
}
