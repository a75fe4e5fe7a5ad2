using System.Net;
using Arbetsvagen.Features.AccessLog;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Arbetsvagen.Tests.AccessLog;

/// <summary>
/// Each way someone who can write the database might rewrite the access log (issue 12, ADR 0015), done the way they
/// would do it — triggers dropped, rows changed in SQL, the chain recomputed without the key — and each reported as
/// its own kind: edits, gaps, truncation, missing guards. Every test has a database of its own, as it removes guards.
/// </summary>
public sealed class LogTamperTests
{
    // ------------------------------------------------------------------ the untouched log

    [Fact]
    public async Task An_untouched_log_with_checkpoints_is_intact()
    {
        await using var app = await AppFactory.StartAsync(demoEnabled: false);
        await WriteRowsAsync(app, 20);
        await CheckpointAsync(app);
        await WriteRowsAsync(app, 5);

        var result = await VerifyAsync(app);

        Assert.True(result.Intact, string.Join(" | ", result.Messages!));
        Assert.Equal(1, result.Chain!.CheckpointsChecked);
        Assert.Empty(result.Messages!);
    }

    // ------------------------------------------------------------------ tamper kinds

    [Fact]
    public async Task An_edited_row_is_reported_as_an_edit()
    {
        await using var app = await AppFactory.StartAsync(demoEnabled: false);
        var rows = await WriteRowsAsync(app, 10);
        await CheckpointAsync(app);
        var victim = rows[4];

        await TamperAsync(app, async db =>
        {
            await DropGuardsAsync(db);
            await db.Database.ExecuteSqlAsync($"""UPDATE "AccessLog" SET "UserName" = 'ingen' WHERE "Id" = {victim.Id}""");
            await RestoreGuardsAsync(db);
        });
        var result = await VerifyAsync(app);

        Assert.False(result.Intact);
        var edit = Assert.Single(result.Chain!.Edits);
        Assert.Equal((victim.Id, "content"), (edit.EntryId, edit.Reason));
        Assert.Contains("har ändrats", edit.Message, StringComparison.Ordinal);
        Assert.Empty(result.Chain.Gaps);
        Assert.Null(result.Chain.Truncation);
        Assert.Equal(victim.Id, result.FirstBrokenId);
    }

    [Fact]
    public async Task An_edit_with_the_chain_recomputed_is_reported_as_edits()
    {
        // The attack the old unkeyed chain could not see: change a row, then recompute every hash after it.
        // Without the key the attacker can only compute hashes the keyed check refuses.
        await using var app = await AppFactory.StartAsync(demoEnabled: false);
        var rows = await WriteRowsAsync(app, 10);
        await CheckpointAsync(app);
        var victim = rows[3];

        await TamperAsync(app, async db =>
        {
            await DropGuardsAsync(db);
            await db.Database.ExecuteSqlAsync($"""UPDATE "AccessLog" SET "Action" = 'read', "UserName" = 'ingen' WHERE "Id" = {victim.Id}""");
            await RechainWithoutKeyAsync(db, victim.Sequence!.Value);
            await RestoreGuardsAsync(db);
        });
        var result = await VerifyAsync(app);

        Assert.False(result.Intact);
        Assert.Contains(result.Chain!.Edits, e => e.EntryId == victim.Id && e.Reason == "content");
        Assert.Contains(result.Chain.Edits, e => e.Reason == "checkpoint"); // the anchored end no longer matches
        Assert.Empty(result.Chain.Gaps);
        Assert.Null(result.Chain.Truncation);
        Assert.Equal(victim.Id, result.FirstBrokenId);
    }

    [Fact]
    public async Task A_deleted_row_is_reported_as_a_gap_and_a_rechained_deletion_as_edits_and_truncation()
    {
        await using var app = await AppFactory.StartAsync(demoEnabled: false);
        var rows = await WriteRowsAsync(app, 10);
        await CheckpointAsync(app);
        var victim = rows[5];

        // Deleted only: the numbers jump.
        await TamperAsync(app, async db =>
        {
            await DropGuardsAsync(db);
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "AccessLog" WHERE "Id" = {victim.Id}""");
            await RestoreGuardsAsync(db);
        });
        var deleted = await VerifyAsync(app);

        var gap = Assert.Single(deleted.Chain!.Gaps);
        Assert.Equal((victim.Sequence, victim.Sequence), (gap.FromSequence, gap.ToSequence));
        Assert.Contains("saknas", gap.Message, StringComparison.Ordinal);
        Assert.Empty(deleted.Chain.Edits);
        Assert.Null(deleted.Chain.Truncation);

        // Then renumbered and relinked, as an attacker who wants no gap would: the keyed hashes and the checkpoint disagree.
        await TamperAsync(app, async db =>
        {
            await DropGuardsAsync(db);
            await db.Database.ExecuteSqlAsync($"""UPDATE "AccessLog" SET "Sequence" = "Sequence" - 1 WHERE "Sequence" > {victim.Sequence}""");
            await RechainWithoutKeyAsync(db, victim.Sequence!.Value);
            await RestoreGuardsAsync(db);
        });
        var rechained = await VerifyAsync(app);

        Assert.False(rechained.Intact);
        Assert.Empty(rechained.Chain!.Gaps);
        Assert.Contains(rechained.Chain.Edits, e => e.Sequence == victim.Sequence && e.Reason == "content");
        Assert.Equal(1, rechained.Chain.Truncation?.MissingEntries);
    }

    [Fact]
    public async Task Rows_deleted_from_the_end_are_reported_as_truncation()
    {
        await using var app = await AppFactory.StartAsync(demoEnabled: false);
        var rows = await WriteRowsAsync(app, 10);
        await CheckpointAsync(app);
        var last = rows[^1].Sequence!.Value;

        await TamperAsync(app, async db =>
        {
            await DropGuardsAsync(db);
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "AccessLog" WHERE "Sequence" > {last - 3}""");
            await RestoreGuardsAsync(db);
        });
        var result = await VerifyAsync(app);

        Assert.False(result.Intact);
        var truncation = result.Chain!.Truncation!;
        Assert.Equal((last - 3, last, 3L), (truncation.LastSequenceInDatabase, truncation.CheckpointSequence, truncation.MissingEntries));
        Assert.Contains("avkortad", truncation.Message, StringComparison.Ordinal);
        Assert.Empty(result.Chain.Edits);
        Assert.Empty(result.Chain.Gaps);
    }

    [Fact]
    public async Task A_dropped_or_disabled_trigger_is_reported_even_before_any_row_is_touched()
    {
        await using var app = await AppFactory.StartAsync(demoEnabled: false);
        await WriteRowsAsync(app, 5);

        await TamperAsync(app, async db =>
        {
            if (db.IsPostgres)
            {
                await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AccessLog" DISABLE TRIGGER "AccessLog_no_truncate" """);
                await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AccessLog_no_update_delete" ON "AccessLog" """);
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AccessLog_no_delete" """);
            }
        });
        var result = await VerifyAsync(app);

        Assert.False(result.Intact);
        string[] expected = app.TestDb.IsPostgres ? ["AccessLog_no_truncate", "AccessLog_no_update_delete"] : ["AccessLog_no_delete"];
        Assert.Equal(expected, result.Chain!.MissingGuards.Order(StringComparer.Ordinal));
        Assert.Contains(result.Messages!, m => m.Contains("skydd", StringComparison.Ordinal));
        Assert.Empty(result.Chain.Edits);
        Assert.Empty(result.Chain.Gaps);
    }

    [Fact]
    public async Task An_old_backup_restored_over_a_newer_log_is_reported_as_truncation_then_as_a_fork()
    {
        await using var app = await AppFactory.StartAsync(demoEnabled: false);
        await WriteRowsAsync(app, 6);
        await CheckpointAsync(app);
        await TamperAsync(app, db => db.Database.ExecuteSqlRawAsync("""CREATE TABLE "AccessLogBackup" AS SELECT * FROM "AccessLog" """));
        var newer = await WriteRowsAsync(app, 5);
        await CheckpointAsync(app);

        // The restore: the log as it was when the backup was taken, guards and all.
        await TamperAsync(app, async db =>
        {
            await DropGuardsAsync(db);
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "AccessLog" """);
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "AccessLog" SELECT * FROM "AccessLogBackup" """);
            await db.Database.ExecuteSqlRawAsync("""DROP TABLE "AccessLogBackup" """);
            await RestoreGuardsAsync(db);
        });
        var restored = await VerifyAsync(app);

        Assert.False(restored.Intact);
        Assert.Equal(5, restored.Chain!.Truncation?.MissingEntries);
        Assert.Empty(restored.Chain.Edits);
        Assert.Empty(restored.Chain.Gaps);

        // The application goes on writing after the restore, past the anchored end: the anchored number now holds
        // another row than the one that was anchored.
        var after = await WriteRowsAsync(app, 6);
        var forked = await VerifyAsync(app);

        Assert.Equal(newer[0].Sequence, after[0].Sequence);
        Assert.Null(forked.Chain!.Truncation);
        Assert.Contains(forked.Chain.Edits, e => e.Sequence == newer[^1].Sequence && e.Reason == "checkpoint");
        Assert.Contains(forked.Messages!, m => m.Contains("säkerhetskopia", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forged_checkpoint_line_is_not_trusted_and_is_reported()
    {
        await using var app = await AppFactory.StartAsync(demoEnabled: false);
        await WriteRowsAsync(app, 3);
        await CheckpointAsync(app);
        var file = app.Services.GetRequiredService<AccessLogCheckpoints>().FilePath;
        await File.AppendAllTextAsync(file, File.ReadAllLines(file)[0].Replace("\"sequence\":", "\"sequence\":9", StringComparison.Ordinal) + "\n");

        var result = await VerifyAsync(app);

        Assert.False(result.Intact);
        Assert.Equal(1, result.Chain!.BadCheckpointLines);
        Assert.Null(result.Chain.Truncation);
    }

    // ------------------------------------------------------------------ keys

    [Fact]
    public async Task The_keyed_chain_starts_with_a_switch_over_row_and_a_new_key_is_recorded_in_the_log()
    {
        await using var app = await AppFactory.StartAsync(demoEnabled: false);
        await WriteRowsAsync(app, 3);
        var rows = await app.AccessLogAsync(a => a.Sequence != null);
        var first = rows.OrderBy(r => r.Sequence).First();
        Assert.Equal((1L, AccessAction.Chain, "AccessLogKey"), (first.Sequence!.Value, first.Action, first.EntityType));

        // Rotate, as the rotate-log-key command does, and start a second instance that knows the new key.
        var oldKey = app.Services.GetRequiredService<AccessLogKeyRing>().CurrentId;
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var newKey = AccessLogKeyRing.Rotate(configuration);
        await using var second = AppFactory.SecondInstanceOf(app);
        await WriteRowsAsync(second, 2);

        var rotation = Assert.Single(await second.AccessLogAsync(a => a.EntityType == "AccessLogKey" && a.EntityId == newKey));
        Assert.Contains(oldKey, rotation.Purpose, StringComparison.Ordinal);
        Assert.Equal(newKey, rotation.KeyId);
        var result = await VerifyAsync(second);
        Assert.True(result.Intact, string.Join(" | ", result.Messages!));
    }

    // ------------------------------------------------------------------ helpers

    internal static async Task<List<AccessLogEntry>> WriteRowsAsync(AppFactory app, int count)
    {
        var marker = Guid.NewGuid();
        var at = DateTime.UtcNow;
        var entries = Enumerable.Range(0, count).Select(i => AccessLogEntry.Create(at.AddMilliseconds(i), Guid.NewGuid(), $"läsare{i}", null,
            "Socialsekreterare", AccessAction.Read, "Participant", $"{i}", marker, null, null)).ToList();
        await app.Services.GetRequiredService<AccessLogBatches>().WriteAsync(entries);
        return await app.AccessLogAsync(a => a.ParticipantId == marker);
    }

    internal static Task CheckpointAsync(AppFactory app) => app.Services.GetRequiredService<AccessLogCheckpoints>().WriteAsync();

    internal static Task<ChainVerification> VerifyAsync(AppFactory app) =>
        app.WithScopeAsync(services => services.GetRequiredService<AccessLogReview>().VerifyChainAsync(CancellationToken.None));

    private static async Task TamperAsync(AppFactory app, Func<AppDbContext, Task> tamper)
    {
        await using var db = app.TestDb.CreateContext();
        await tamper(db);
    }

    internal static async Task DropGuardsAsync(AppDbContext db)
    {
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AccessLog_no_update_delete" ON "AccessLog" """);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AccessLog_no_update" """);
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AccessLog_no_delete" """);
        }
    }

    /// <summary>Puts the guards back as migration 0003 made them, so only the chain can tell.</summary>
    internal static async Task RestoreGuardsAsync(AppDbContext db)
    {
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER "AccessLog_no_update_delete" BEFORE UPDATE OR DELETE ON "AccessLog"
                    FOR EACH ROW EXECUTE FUNCTION access_log_append_only()
                """);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""CREATE TRIGGER "AccessLog_no_update" BEFORE UPDATE ON "AccessLog" BEGIN SELECT RAISE(ABORT, 'AccessLog is append-only'); END""");
            await db.Database.ExecuteSqlRawAsync("""CREATE TRIGGER "AccessLog_no_delete" BEFORE DELETE ON "AccessLog" BEGIN SELECT RAISE(ABORT, 'AccessLog is append-only'); END""");
        }
    }

    /// <summary>
    /// What an attacker without the key can do: relink every keyed row to the one before and give it a hash — the old
    /// unkeyed SHA-256, or an HMAC with a key of their own; neither is the chain's key.
    /// </summary>
    private static async Task RechainWithoutKeyAsync(AppDbContext db, long fromSequence)
    {
        var rows = await db.AccessLog.AsNoTracking().Where(a => a.Sequence >= fromSequence).OrderBy(a => a.Sequence).ToListAsync();
        var guessed = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var previous = await db.AccessLog.Where(a => a.Sequence == fromSequence - 1).Select(a => a.Hash).SingleAsync();
        foreach (var row in rows)
        {
            var hash = row.ComputeHash(previous, guessed);
            await db.Database.ExecuteSqlAsync($"""UPDATE "AccessLog" SET "PreviousHash" = {previous}, "Hash" = {hash} WHERE "Id" = {row.Id}""");
            previous = hash;
        }
    }
}
