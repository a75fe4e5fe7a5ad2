using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Tests.AccessLog;

public sealed class AccessLogTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Day(DateTime at, int offset) =>
        DateOnly.FromDateTime(at).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ------------------------------------------------------------------ what is written

    [Fact]
    public async Task Each_get_writes_exactly_one_read_entry()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var client = await app.ClientFor("soc.taby");
        Assert.Empty(await app.AccessLogForAsync(participant.Id, AccessAction.Read));

        await client.GetAsync($"/api/v1/participants/{participant.Id}").ShouldBe(HttpStatusCode.OK);
        var afterOne = await app.AccessLogForAsync(participant.Id, AccessAction.Read);
        await client.GetAsync($"/api/v1/participants/{participant.Id}").ShouldBe(HttpStatusCode.OK);
        var afterTwo = await app.AccessLogForAsync(participant.Id, AccessAction.Read);

        var entry = Assert.Single(afterOne);
        Assert.Equal(2, afterTwo.Count);
        Assert.Equal("soc.taby", entry.UserName);
        Assert.Equal("Participant", entry.EntityType);
        Assert.Equal(participant.Id.ToString(), entry.EntityId);
        Assert.Equal(await app.OrganisationId("Täby kommun – Socialtjänsten, försörjningsstöd"), entry.OrganisationId);
        Assert.Equal("Socialsekreterare", entry.Roles);
        Assert.Null(entry.Purpose); // own case: no disclosure, so no legal basis to record
        Assert.True(entry.At > DateTime.UtcNow.AddMinutes(-5) && entry.At <= DateTime.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task Create_writes_one_create_entry()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");

        var entry = Assert.Single(await app.AccessLogForAsync(participant.Id));
        Assert.Equal(AccessAction.Create, entry.Action);
        Assert.Equal("soc.taby", entry.UserName);
    }

    [Fact]
    public async Task No_name_or_identity_number_reaches_the_log()
    {
        var before = await app.WithDbAsync(db => db.AccessLog.MaxAsync(a => (long?)a.Id)) ?? 0;
        var participant = await app.CreateParticipantAsync("soc.taby", p => p["firstName"] = "Sigvardina");
        var owner = await app.ClientFor("soc.taby");
        var admin = await app.ClientFor("admin.taby");

        // Every kind of access, including searches whose text is the very name and number.
        await owner.GetAsync($"/api/v1/participants/{participant.Id}").ShouldBe(HttpStatusCode.OK);
        await owner.GetAsync($"/api/v1/participants?search={participant.LastName}").ShouldBe(HttpStatusCode.OK);
        await owner.GetAsync($"/api/v1/participants?search=Sigvardina%20{participant.LastName}").ShouldBe(HttpStatusCode.OK);
        await owner.GetAsync($"/api/v1/participants?search={TestPeople.Dashed(participant.Number)}").ShouldBe(HttpStatusCode.OK);
        await owner.GetAsync($"/api/v1/participants?search={participant.Number}").ShouldBe(HttpStatusCode.OK);
        await owner.PostAsJsonAsync("/api/v1/participants/search", new { search = participant.Number[2..] }).ShouldBe(HttpStatusCode.OK);
        var update = AppFactory.ParticipantBody(participant.Number, "Sigvardina", participant.LastName);
        update["city"] = "Täby";
        await owner.PutAsJsonAsync($"/api/v1/participants/{participant.Id}", update).ShouldBe(HttpStatusCode.OK);
        await owner.PostAsJsonAsync("/api/v1/participants", AppFactory.ParticipantBody(participant.Number, "Sigvardina", participant.LastName))
            .ShouldBe(HttpStatusCode.Conflict);
        var consentId = await app.GiveConsentAsync(participant.Id, ["Arbetsförmedlingen Nordöstra Stockholm"], ["identity"]);
        await owner.GetAsync($"/api/v1/participants/{participant.Id}/consents").ShouldBe(HttpStatusCode.OK);
        var af = await app.ClientFor("af.nordost");
        await af.GetAsync($"/api/v1/participants/{participant.Id}").ShouldBe(HttpStatusCode.OK);
        await af.GetAsync($"/api/v1/participants?search={participant.LastName}").ShouldBe(HttpStatusCode.OK);
        await owner.PostAsync($"/api/v1/consents/{consentId}/withdrawal", null).ShouldBe(HttpStatusCode.OK);
        await af.GetAsync($"/api/v1/participants/{participant.Id}").ShouldBe(HttpStatusCode.NotFound);
        await admin.GetAsync($"/api/v1/access-log/export?participantId={participant.Id}").ShouldBe(HttpStatusCode.OK);

        var rows = await app.AccessLogAsync(a => a.Id > before);
        Assert.True(rows.Count >= 12, $"expected the accesses above to be logged, found {rows.Count} rows");
        Assert.Contains(rows, r => r.Action == AccessAction.Search && r.ResultIds == participant.Id.ToString());
        string[] forbidden =
        [
            participant.Number, participant.Number[2..], TestPeople.Dashed(participant.Number), TestPeople.Dashed(participant.Number)[2..],
            "Sigvardina", participant.LastName,
        ];
        foreach (var row in rows)
        {
            var text = string.Join('|', row.UserName, row.Roles, row.Action, row.EntityType, row.EntityId, row.ResultIds, row.Purpose,
                row.UserId, row.OrganisationId, row.ParticipantId, row.Hash, row.PreviousHash);
            foreach (var secret in forbidden)
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"log row {row.Id} contains '{secret}': {text}");
            }
        }
    }

    // ------------------------------------------------------------------ review (loggkontroll)

    [Theory]
    [InlineData("soc.taby")]
    [InlineData("af.nordost")]
    [InlineData("analytiker")]
    [InlineData("samordnare.nordost")]
    public async Task Only_administrators_review_the_log(string user)
    {
        var client = await app.ClientFor(user);

        await client.GetAsync("/api/v1/access-log").ShouldBe(HttpStatusCode.Forbidden);
        await client.GetAsync("/api/v1/access-log/export").ShouldBe(HttpStatusCode.Forbidden);
        await client.GetAsync("/api/v1/access-log/verification").ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Review_without_a_token_is_401()
    {
        await app.Anonymous().GetAsync("/api/v1/access-log").ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Administrator_filters_by_participant_user_action_and_period()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        await (await app.ClientFor("soc.taby")).GetAsync($"/api/v1/participants/{participant.Id}").ShouldBe(HttpStatusCode.OK);
        await (await app.ClientFor("af.nordost")).GetAsync($"/api/v1/participants/{participant.Id}").ShouldBe(HttpStatusCode.NotFound);
        var admin = await app.ClientFor("admin.taby");
        var about = $"/api/v1/access-log?participantId={participant.Id}";

        var all = await admin.GetAsync(about).JsonArrayAsync(HttpStatusCode.OK);
        Assert.Equal(new[] { "create", "read", "denied" }.Order(), all.Select(r => (string)r!["action"]!).Order());
        Assert.All(all, r => Assert.Equal(participant.Id, Guid.Parse((string)r!["participantId"]!)));

        var reads = await admin.GetAsync($"{about}&userName=soc.taby&action=read").JsonArrayAsync(HttpStatusCode.OK);
        var read = Assert.Single(reads)!;
        Assert.Equal("soc.taby", (string?)read["userName"]);
        Assert.Equal("Participant", (string?)read["entityType"]);
        Assert.Equal(64, ((string)read["hash"]!).Length);

        var denied = Assert.Single(await admin.GetAsync($"{about}&action=denied").JsonArrayAsync(HttpStatusCode.OK))!;
        Assert.Equal("af.nordost", (string?)denied["userName"]);
        Assert.Empty(await admin.GetAsync($"{about}&userName=syv.kcno").JsonArrayAsync(HttpStatusCode.OK));

        // Periods are whole UTC days around the day the entries were written (read back, so midnight cannot interfere).
        var at = (await app.AccessLogForAsync(participant.Id))[0].At;
        Assert.Equal(3, (await admin.GetAsync($"{about}&from={Day(at, -1)}&to={Day(at, 1)}").JsonArrayAsync(HttpStatusCode.OK)).Count);
        Assert.Equal(3, (await admin.GetAsync($"{about}&from={Day(at, 0)}&to={Day(at, 0)}").JsonArrayAsync(HttpStatusCode.OK)).Count);
        Assert.Empty(await admin.GetAsync($"{about}&from={Day(at, 1)}").JsonArrayAsync(HttpStatusCode.OK));
        Assert.Empty(await admin.GetAsync($"{about}&to={Day(at, -1)}").JsonArrayAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task Search_entries_are_found_by_the_participant_they_returned()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        await (await app.ClientFor("soc.taby")).GetAsync($"/api/v1/participants?search={participant.LastName}").ShouldBe(HttpStatusCode.OK);
        var admin = await app.ClientFor("admin.taby");

        var searches = await admin.GetAsync($"/api/v1/access-log?participantId={participant.Id}&action=search").JsonArrayAsync(HttpStatusCode.OK);

        Assert.Equal(participant.Id.ToString(), (string?)Assert.Single(searches)!["resultIds"]);
    }

    [Fact]
    public async Task Administrator_does_not_see_entries_about_another_municipalitys_participants()
    {
        var participant = await app.CreateParticipantAsync("soc.vaxholm");
        await (await app.ClientFor("soc.vaxholm")).GetAsync($"/api/v1/participants/{participant.Id}").ShouldBe(HttpStatusCode.OK);

        var rows = await (await app.ClientFor("admin.taby")).GetAsync($"/api/v1/access-log?participantId={participant.Id}").JsonArrayAsync(HttpStatusCode.OK);

        Assert.Empty(rows);
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=igår", "from")]
    [InlineData("from=22/11/2026", "from")]
    [InlineData("to=2026-02-30", "to")]
    [InlineData("from=2026-03-02&to=2026-03-01", "to")]
    [InlineData("action=peek", "action")]
    public async Task Bad_filter_is_400_naming_the_parameter(string query, string field)
    {
        var admin = await app.ClientFor("admin.taby");

        var problem = await admin.GetAsync($"/api/v1/access-log?{query}").ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Fact]
    public async Task Csv_export_has_a_header_the_filtered_rows_and_is_itself_logged()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        await (await app.ClientFor("soc.taby")).GetAsync($"/api/v1/participants/{participant.Id}").ShouldBe(HttpStatusCode.OK);
        var admin = await app.ClientFor("admin.taby");

        var response = await admin.GetAsync($"/api/v1/access-log/export?participantId={participant.Id}&action=read").ShouldBe(HttpStatusCode.OK);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id;tidpunkt_utc;anvandare;organisation;roller;handelse;posttyp;post_id;deltagare_id;traffar;syfte;hash", lines[0]);
        var row = Assert.Single(lines.Skip(1)).Split(';');
        Assert.Equal("soc.taby", row[2]);
        Assert.Equal("read", row[5]);
        Assert.Equal(participant.Id.ToString(), row[8]);
        var export = Assert.Single(await app.AccessLogForAsync(participant.Id, AccessAction.Export, "admin.taby"));
        Assert.Equal("AccessLog", export.EntityType);
    }

    [Fact]
    public async Task Chain_verification_reports_an_intact_log()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        await (await app.ClientFor("soc.taby")).GetAsync($"/api/v1/participants/{participant.Id}").ShouldBe(HttpStatusCode.OK);

        var result = await (await app.ClientFor("admin.taby")).GetAsync("/api/v1/access-log/verification").JsonAsync(HttpStatusCode.OK);

        Assert.True((bool)result["intact"]!, result.ToJsonString());
        Assert.True((int)result["entriesChecked"]! >= 2);
        Assert.False(result.ContainsKey("firstBrokenId"));
    }

    [Fact]
    public async Task Each_entry_is_chained_to_the_one_before()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var client = await app.ClientFor("soc.taby");
        await client.GetAsync($"/api/v1/participants/{participant.Id}").ShouldBe(HttpStatusCode.OK);
        await client.GetAsync($"/api/v1/participants/{participant.Id}").ShouldBe(HttpStatusCode.OK);

        var rows = await app.AccessLogForAsync(participant.Id);
        var before = rows[0].Sequence - 1;
        var previous = await app.AccessLogAsync(a => a.Sequence == before);
        var keys = app.Services.GetRequiredService<AccessLogKeyRing>();

        Assert.Equal(Assert.Single(previous).Hash, rows[0].PreviousHash);
        foreach (var row in rows)
        {
            Assert.Equal(keys.CurrentId, row.KeyId);
            Assert.Equal(row.ComputeHash(row.PreviousHash, keys.CurrentKey), row.Hash);
        }
    }

    [Fact]
    public async Task Concurrent_reads_each_get_an_entry_and_the_chain_stays_intact()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var owner = await app.ClientFor("soc.taby");
        var other = await app.ClientFor("soc.vaxholm");

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => i % 3 == 0
            ? other.GetAsync($"/api/v1/participants/{participant.Id}")
            : owner.GetAsync($"/api/v1/participants/{participant.Id}")));

        Assert.Equal(8, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.NotFound));
        Assert.Equal(8, (await app.AccessLogForAsync(participant.Id, AccessAction.Read)).Count);
        Assert.Equal(4, (await app.AccessLogForAsync(participant.Id, AccessAction.Denied)).Count);
        var result = await (await app.ClientFor("admin.taby")).GetAsync("/api/v1/access-log/verification").JsonAsync(HttpStatusCode.OK);
        Assert.True((bool)result["intact"]!, result.ToJsonString());
    }

    [Fact]
    public async Task A_batch_larger_than_one_insert_is_stored_whole_with_its_values_and_chain()
    {
        // One request with 450 rows (more than one multi-row INSERT of 400) while three others write 10 each.
        var participant = Guid.NewGuid();
        var at = new DateTime(2026, 3, 4, 5, 6, 7, 891, DateTimeKind.Utc);
        int[] sizes = [450, 10, 10, 10];
        var batches = app.Services.GetRequiredService<AccessLogBatches>();
        var writes = sizes.Select(async (size, writer) =>
        {
            var entries = Enumerable.Range(0, size).Select(i => AccessLogEntry.Create(at.AddSeconds(i), i % 2 == 0 ? Guid.NewGuid() : null,
                $"skrivare{writer}", null, "Socialsekreterare", AccessAction.Read, "Participant", i % 3 == 0 ? null : $"{writer}-{i}",
                participant, i == 7 ? "[\"a\"]" : null, null)).ToList();
            await batches.WriteAsync(entries);
            return entries;
        });
        var written = (await Task.WhenAll(writes)).SelectMany(e => e).ToList();

        var stored = await app.AccessLogForAsync(participant);
        var key = app.Services.GetRequiredService<AccessLogKeyRing>().CurrentKey;
        Assert.Equal(480, stored.Count);
        foreach (var row in stored)
        {
            var original = Assert.Single(written, w => w.Hash == row.Hash);
            Assert.Equal((original.At, original.UserId, original.UserName, original.EntityId, original.ResultIds, original.Purpose, original.OrganisationId),
                (row.At, row.UserId, row.UserName, row.EntityId, row.ResultIds, row.Purpose, row.OrganisationId));
            Assert.Equal(row.ComputeHash(row.PreviousHash, key), row.Hash);
        }

        var result = await (await app.ClientFor("admin.taby")).GetAsync("/api/v1/access-log/verification").JsonAsync(HttpStatusCode.OK);
        Assert.True((bool)result["intact"]!, result.ToJsonString());
    }

    [Fact]
    public async Task Rows_recorded_just_before_a_clean_stop_are_all_stored_after_it_with_an_intact_chain()
    {
        await using var own = await AppFactory.StartAsync();
        var participant = await own.CreateParticipantAsync("soc.taby");
        var client = await own.ClientFor("soc.taby");
        var batches = own.Services.GetRequiredService<AccessLogBatches>();
        var key = own.Services.GetRequiredService<AccessLogKeyRing>().CurrentKey;
        var at = DateTime.UtcNow;
        AccessLogEntry Row(Guid marker, int i) => AccessLogEntry.Create(at.AddMilliseconds(i), null, "avslut", null, "",
            AccessAction.Read, "Participant", $"{i}", marker, null, null);

        // Reads answered by requests, then rows still in the writer's queue when the stop begins.
        var reads = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.GetAsync($"/api/v1/participants/{participant.Id}")));
        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var queuedMarker = Guid.NewGuid();
        var queued = Enumerable.Range(0, 200).Select(i => batches.WriteAsync([Row(queuedMarker, i)])).ToList();

        await own.Services.GetRequiredService<IHost>().StopAsync();
        await Task.WhenAll(queued).WaitAsync(TimeSpan.FromSeconds(30)); // each acknowledged, none left waiting


        await using var db = own.TestDb.CreateContext();
        var rows = await db.AccessLog.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(10, rows.Count(r => r.ParticipantId == participant.Id && r.Action == AccessAction.Read));
        Assert.Equal(200, rows.Count(r => r.ParticipantId == queuedMarker));
        var previous = "";
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(i + 1, rows[i].Sequence);
            Assert.Equal(previous, rows[i].PreviousHash);
            Assert.Equal(rows[i].ComputeHash(rows[i].PreviousHash, key), rows[i].Hash);
            previous = rows[i].Hash;
        }
    }

    [Fact]
    public async Task Once_the_writer_loop_has_stopped_each_request_commits_its_own_rows()
    {
        // A writer of its own, outside any host, so that nothing else drains its queue: a request that logs after
        // the loop has gone (the server still finishing requests during a stop) must not wait for a loop that will not come.
        await using var own = await AppFactory.StartAsync(demoEnabled: false);
        var batches = new AccessLogBatches(own.Services.GetRequiredService<DbContextOptions<AppDbContext>>(),
            own.Services.GetRequiredService<AccessLogKeyRing>());
        var marker = Guid.NewGuid();
        AccessLogEntry Row(int i) => AccessLogEntry.Create(DateTime.UtcNow, null, "avslut", null, "", AccessAction.Read, "Participant", $"{i}", marker, null, null);
        using var stopping = new CancellationTokenSource();

        var loop = batches.RunAsync(stopping.Token);
        await batches.WriteAsync([Row(0)]).WaitAsync(TimeSpan.FromSeconds(30));
        await stopping.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAll(Enumerable.Range(1, 20).Select(i => batches.WriteAsync([Row(i)]))).WaitAsync(TimeSpan.FromSeconds(30));

        await using var db = own.TestDb.CreateContext();
        Assert.Equal(21, await db.AccessLog.CountAsync(r => r.ParticipantId == marker));
    }

    // ------------------------------------------------------------------ append-only

    [Fact]
    public async Task Database_refuses_to_update_or_delete_log_rows()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        await (await app.ClientFor("soc.taby")).GetAsync($"/api/v1/participants/{participant.Id}").ShouldBe(HttpStatusCode.OK);
        var row = (await app.AccessLogForAsync(participant.Id, AccessAction.Read)).Single();

        await app.WithDbAsync(async db =>
        {
            // In a transaction that is rolled back whatever happens, so a missing guard cannot wipe the shared log.
            await using var transaction = await db.Database.BeginTransactionAsync();
            await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "AccessLog" SET "Action" = 'x'"""));
            if (db.IsPostgres)
            {
                // PostgreSQL aborts the whole transaction after an error; start afresh for the next statement.
                await transaction.RollbackAsync();
                await using var second = await db.Database.BeginTransactionAsync();
                await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AccessLog" """));
                await second.RollbackAsync();
                await using var third = await db.Database.BeginTransactionAsync();
                await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("""TRUNCATE "AccessLog" """));
                await third.RollbackAsync();
            }
            else
            {
                await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AccessLog" """));
                await transaction.RollbackAsync();
            }

            return 0;
        });

        var after = await app.AccessLogAsync(a => a.Id == row.Id);
        Assert.Equal(AccessAction.Read, Assert.Single(after).Action);
    }

    [Fact]
    public async Task Chain_verification_finds_a_tampered_row()
    {
        // A database of its own: the test removes the append-only guard, which the other tests rely on.
        await using var tampered = await AppFactory.StartAsync();
        var participant = await tampered.CreateParticipantAsync("soc.taby");
        var client = await tampered.ClientFor("soc.taby");
        for (var i = 0; i < 3; i++)
        {
            await client.GetAsync($"/api/v1/participants/{participant.Id}").ShouldBe(HttpStatusCode.OK);
        }

        var victim = (await tampered.AccessLogForAsync(participant.Id, AccessAction.Read))[1];
        await tampered.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync(db.IsPostgres
                ? """DROP TRIGGER "AccessLog_no_update_delete" ON "AccessLog" """
                : """DROP TRIGGER "AccessLog_no_update" """);
            return await db.Database.ExecuteSqlAsync($"""UPDATE "AccessLog" SET "UserName" = 'ingen' WHERE "Id" = {victim.Id}""");
        });

        var admin = await tampered.ClientFor("admin.taby");
        var result = await admin.GetAsync("/api/v1/access-log/verification").JsonAsync(HttpStatusCode.OK);

        Assert.False((bool)result["intact"]!);
        Assert.Equal(victim.Id, (long)result["firstBrokenId"]!);
    }
}
