using System.Data.Common;
using System.Net;
using System.Text.Json.Nodes;
using Arbetsvagen.Tests.AccessLog;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Arbetsvagen.Tests.Consents;

/// <summary>
/// Consents are append-only at the database and sealed into the keyed access-log chain (issue 12, ADR 0015): the
/// database refuses a change other than one withdrawal, and a change made with the guards removed is reported.
/// </summary>
public sealed class ConsentChainTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Af = "Arbetsförmedlingen Nordöstra Stockholm";

    [Fact]
    public async Task Database_refuses_to_change_or_remove_a_consent_and_records_a_withdrawal_only_once()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var consent = await app.GiveConsentAsync(participant.Id, [Af], ["identity"]);

        string[] refused =
        [
            """UPDATE "Consents" SET "ValidUntil" = '2099-12-31' WHERE "Id" = @id""",
            """UPDATE "Consents" SET "Purpose" = 'annat' WHERE "Id" = @id""",
            """UPDATE "Consents" SET "Categories" = 31, "WithdrawnAt" = "RecordedAt", "WithdrawnByUserId" = "DocumentedByUserId" WHERE "Id" = @id""",
            """DELETE FROM "Consents" WHERE "Id" = @id""",
            """DELETE FROM "ConsentRecipient" WHERE "ConsentId" = @id""",
            """UPDATE "ConsentRecipient" SET "OrganisationId" = "OrganisationId" WHERE "ConsentId" = @id""",
        ];
        foreach (var sql in refused)
        {
            await AssertRefusedAsync(sql, consent);
        }

        var owner = await app.ClientFor("soc.taby");
        await owner.PostAsync($"/api/v1/consents/{consent}/withdrawal", null).ShouldBe(HttpStatusCode.OK);
        await AssertRefusedAsync("""UPDATE "Consents" SET "WithdrawnAt" = "RecordedAt" WHERE "Id" = @id""", consent);
        await AssertRefusedAsync("""UPDATE "Consents" SET "WithdrawnAt" = NULL, "WithdrawnByUserId" = NULL WHERE "Id" = @id""", consent);
        var consents = await owner.GetAsync($"/api/v1/participants/{participant.Id}/consents").JsonArrayAsync(HttpStatusCode.OK);
        Assert.False((bool)Assert.Single(consents)!["active"]!);
    }

    private async Task AssertRefusedAsync(string sql, Guid consent) => await app.WithDbAsync(async db =>
    {
        // Rolled back whatever happens, so a missing guard cannot change the shared data.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var id = db.Database.GetDbConnection().CreateCommand().CreateParameter();
        id.ParameterName = "id";
        id.Value = db.IsPostgres ? consent : consent.ToString().ToUpperInvariant();
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(sql, id));
        await transaction.RollbackAsync();
        return 0;
    });

    [Fact]
    public async Task A_consent_changed_added_or_removed_behind_the_guards_is_reported_by_the_verification()
    {
        await using var own = await AppFactory.StartAsync();
        var participant = await own.CreateParticipantAsync("soc.taby");
        var edited = await own.GiveConsentAsync(participant.Id, [Af], ["identity"]);
        var withdrawn = await own.GiveConsentAsync(participant.Id, [Af], ["identity", "background"]);
        var removed = await own.GiveConsentAsync(participant.Id, [Af], ["identity"]);
        await (await own.ClientFor("soc.taby")).PostAsync($"/api/v1/consents/{withdrawn}/withdrawal", null).ShouldBe(HttpStatusCode.OK);
        var admin = await own.ClientFor("admin.taby");
        var before = await admin.GetAsync("/api/v1/access-log/verification").JsonAsync(HttpStatusCode.OK);
        Assert.True((bool)before["intact"]!, before.ToJsonString());

        var added = Guid.NewGuid();
        await using (var db = own.TestDb.CreateContext())
        {
            object Id(Guid g) => db.IsPostgres ? g : g.ToString().ToUpperInvariant();
            await db.Database.ExecuteSqlRawAsync(db.IsPostgres
                ? """DROP TRIGGER "Consents_append_only" ON "Consents"; DROP TRIGGER "ConsentRecipient_append_only" ON "ConsentRecipient" """
                : """DROP TRIGGER "Consents_withdraw_once"; DROP TRIGGER "Consents_no_delete"; DROP TRIGGER "ConsentRecipient_no_delete" """);
            await db.Database.ExecuteSqlAsync($"""UPDATE "Consents" SET "ValidUntil" = '2099-12-31' WHERE "Id" = {Id(edited)}""");
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "ConsentRecipient" WHERE "ConsentId" = {Id(removed)}""");
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "Consents" WHERE "Id" = {Id(removed)}""");
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Consents" ("Id", "ParticipantId", "OwnerOrganisationId", "Categories", "Purpose", "GivenAt", "Form",
                    "DocumentedByUserId", "ValidUntil", "WithdrawnAt", "WithdrawnByUserId", "RecordedAt")
                SELECT {Id(added)}, "ParticipantId", "OwnerOrganisationId", 31, "Purpose", "GivenAt", "Form", "DocumentedByUserId", "ValidUntil",
                    NULL, NULL, "RecordedAt" FROM "Consents" WHERE "Id" = {Id(edited)}
                """);
        }

        var after = await admin.GetAsync("/api/v1/access-log/verification").JsonAsync(HttpStatusCode.OK);

        Assert.False((bool)after["intact"]!);
        var problems = after["consents"]!["problems"]!.AsArray().Select(p => ((string)p!["consentId"]!, (string)p["kind"]!)).ToList();
        Assert.Equal(new[] { (added.ToString(), "unlogged"), (edited.ToString(), "edited"), (removed.ToString(), "removed") }.Order(), problems.Order());
        Assert.NotEmpty(after["consents"]!["missingGuards"]!.AsArray());
        Assert.Empty(after["chain"]!["edits"]!.AsArray()); // the log itself is untouched
        var messages = after["messages"]!.AsArray().Select(m => (string)m!).ToList();
        Assert.Contains(messages, m => m.Contains(edited.ToString(), StringComparison.Ordinal) && m.Contains("ändrats", StringComparison.Ordinal));
    }
}
