using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Arbetsvagen.Tests.AccessLog;

/// <summary>The keyed chain with two app instances on one database, and on a database upgraded with an old chain.</summary>
public sealed class LogInstancesAndUpgradeTests
{
    [Fact]
    public async Task Two_instances_writing_at_once_keep_one_unbroken_chain()
    {
        await using var first = await AppFactory.StartAsync();
        await using var second = AppFactory.SecondInstanceOf(first);
        var participant = await first.CreateParticipantAsync("soc.taby");
        var before = await first.WithDbAsync(db => db.AccessLog.MaxAsync(a => a.Sequence)) ?? 0;

        // Reads (group commit) and changes (their own transactions) from both instances at the same time.
        async Task<int> LoadAsync(AppFactory instance)
        {
            var client = await instance.ClientFor("soc.taby");
            var reads = Enumerable.Range(0, 40).Select(_ => client.GetAsync($"/api/v1/participants/{participant.Id}"));
            var changes = Enumerable.Range(0, 6).Select(_ => client.PostAsJsonAsync("/api/v1/participants",
                AppFactory.ParticipantBody(TestPeople.NextPersonnummer(), "Testa", TestPeople.UniqueLastName())));
            var responses = await Task.WhenAll(reads.Concat(changes));
            Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
            return responses.Length;
        }

        var written = await Task.WhenAll(LoadAsync(first), LoadAsync(second));
        await first.Services.GetRequiredService<AccessLogCheckpoints>().WriteAsync();

        var rows = await first.AccessLogAsync(a => a.Sequence > before);
        Assert.True(rows.Count >= written.Sum(), $"{rows.Count} rows for {written.Sum()} requests");
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => before + i), rows.Select(r => r.Sequence!.Value).Order());
        var result = await (await second.ClientFor("admin.taby")).GetAsync("/api/v1/access-log/verification").JsonAsync(HttpStatusCode.OK);
        Assert.True((bool)result["intact"]!, result.ToJsonString());
        Assert.Equal(1, (int)result["chain"]!["checkpointsChecked"]!);
    }

    [Fact]
    public async Task A_database_with_the_old_unkeyed_chain_upgrades_and_verifies_up_to_the_switch_over()
    {
        var factory = new AppFactory { DemoEnabled = false };
        await factory.InitializeAsync();
        await using var started = factory;
        var old = new List<(string Previous, string Hash)>();
        await using (var db = factory.TestDb.CreateContext())
        {
            await SchemaMigrator.MigrateAsync(db, targetVersion: 20);
            var previous = "";
            for (var i = 0; i < 3; i++)
            {
                var entry = AccessLogEntry.Create(new DateTime(2026, 11, 1, 8, 0, i, DateTimeKind.Utc), null, "gammal", null, "Socialsekreterare",
                    AccessAction.Read, "Participant", $"{i}", null, null, null);
                var hash = entry.ComputeLegacyHash(previous);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "AccessLog" ("At", "UserName", "Roles", "Action", "EntityType", "EntityId", "PreviousHash", "Hash")
                    VALUES ({entry.At}, 'gammal', 'Socialsekreterare', 'read', 'Participant', {entry.EntityId}, {previous}, {hash})
                    """);
                old.Add((previous, hash));
                previous = hash;
            }
        }

        _ = started.Services; // starts: migration 0021, the switch-over, consents sealed
        await LogTamperTests.WriteRowsAsync(factory, 3);
        var result = await LogTamperTests.VerifyAsync(factory);

        Assert.True(result.Intact, string.Join(" | ", result.Messages!));
        Assert.Equal(3, result.Chain!.UnkeyedEntries);
        var switchOver = Assert.Single(await factory.AccessLogAsync(a => a.Sequence == 1));
        Assert.Equal((AccessAction.Chain, old[^1].Hash), (switchOver.Action, switchOver.PreviousHash));

        // The old part rewritten and rechained the old way: its new end no longer meets the switch-over row.
        await using (var db = factory.TestDb.CreateContext())
        {
            await LogTamperTests.DropGuardsAsync(db);
            var rows = await db.AccessLog.AsNoTracking().Where(a => a.Sequence == null).OrderBy(a => a.Id).ToListAsync();
            var previous = "";
            foreach (var row in rows)
            {
                await db.Database.ExecuteSqlAsync($"""UPDATE "AccessLog" SET "UserName" = 'ingen' WHERE "Id" = {row.Id}""");
                var changed = await db.AccessLog.AsNoTracking().SingleAsync(a => a.Id == row.Id);
                var hash = changed.ComputeLegacyHash(previous);
                await db.Database.ExecuteSqlAsync($"""UPDATE "AccessLog" SET "PreviousHash" = {previous}, "Hash" = {hash} WHERE "Id" = {row.Id}""");
                previous = hash;
            }

            await LogTamperTests.RestoreGuardsAsync(db);
        }

        var rewritten = await LogTamperTests.VerifyAsync(factory);
        Assert.False(rewritten.Intact);
        Assert.Contains(rewritten.Chain!.Edits, e => e.EntryId == switchOver.Id && e.Reason == "link");
    }
}
