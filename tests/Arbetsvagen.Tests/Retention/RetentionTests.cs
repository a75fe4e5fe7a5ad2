using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Arbetsvagen.Features.AccessLog;
using Arbetsvagen.Features.Retention;
using Arbetsvagen.Features.Statistics;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.AccessLog;
using Arbetsvagen.Tests.Infrastructure;
using System.Security.Claims;
using Arbetsvagen.Core.AccessLog;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Arbetsvagen.Tests.Retention;

/// <summary>
/// Culling (issue 12 §4): a run culls exactly what its preview listed, keeps cases under a legal hold (placed before or
/// after the preview), leaves the target-group statistics of past months unchanged, and a run killed mid-batch resumes
/// without loss or double counting; bad rules and non-administrators are refused. Each test uses cases of its own year
/// (2011, 2012), far older than any demo case; the assertions are about the run's own counts and the test's own records.
/// </summary>
public sealed class RetentionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Taby = "0160";

    [Fact]
    public async Task Bad_rules_are_refused_in_Swedish_naming_the_field_and_only_administrators_cull()
    {
        var admin = await app.ClientFor("admin.taby");
        var unknown = await admin.PutAsJsonAsync("/api/v1/retention/rules", new { rules = new[] { new { kind = "Brevduvor", years = 5, trigger = "afterLastEntry" } } })
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Okänd posttyp", (string)unknown["errors"]!["rules[0].kind"]![0]!);

        var negative = await admin.PutAsJsonAsync("/api/v1/retention/rules", new
        {
            rules = new object[]
            {
                new { kind = "jobCentreCase", years = 3, trigger = "afterCaseClosed" },
                new { kind = "socialServicesCase", years = -2, trigger = "afterTurned20", researchSampleDays = "5, 40" },
            },
        }).JsonAsync(HttpStatusCode.BadRequest);
        var errors = negative["errors"]!.AsObject();
        Assert.Contains("från 1 till", (string)errors["rules[1].years"]![0]!);
        Assert.Contains("Fristen för", (string)errors["rules[1].trigger"]![0]!);
        Assert.Contains("dagar i månaden", (string)errors["rules[1].researchSampleDays"]![0]!);
        Assert.False(errors.ContainsKey("rules[0].years"));
        // Nothing changed: the valid first rule was not saved either.
        var rules = await (await admin.GetAsync("/api/v1/retention/rules").ShouldBe(HttpStatusCode.OK)).JsonArrayAsync();
        Assert.Equal(5, rules.Count);
        Assert.Equal(5, (int)rules.Single(r => (string)r!["kind"]! == "jobCentreCase")!["years"]!);

        // A research sample that takes every birth day keeps every case of the kind: listed none, kept all. The run is
        // cancelled, and a cancelled run cannot be approved.
        await admin.PutAsJsonAsync("/api/v1/retention/rules", new
        {
            rules = new[] { new { kind = "socialServicesCase", years = 5, trigger = "afterCaseClosed", researchSampleDays = string.Join(",", Enumerable.Range(1, 31)) } },
        }).ShouldBe(HttpStatusCode.OK);
        await ClosedCaseAsync(await app.ClientFor("soc.taby"), "2010-01-04", "2010-02-01");
        var sampled = await admin.PostAsync("/api/v1/retention/runs", null).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(0, Counts(sampled, "socialServicesCase").Sum(c => (int)c["listed"]!));
        Assert.True(Counts(sampled, "socialServicesCase").Sum(c => (int)c["keptBySample"]!) >= 1);
        var cancelled = await admin.PostAsync($"/api/v1/retention/runs/{sampled.Id()}/cancellation", null).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", (string)cancelled["state"]!);
        await admin.PostAsync($"/api/v1/retention/runs/{sampled.Id()}/approval", null).ShouldBe(HttpStatusCode.Conflict);

        var caseworker = await app.ClientFor("soc.taby");
        await caseworker.GetAsync("/api/v1/retention/rules").ShouldBe(HttpStatusCode.Forbidden);
        await caseworker.PostAsync("/api/v1/retention/runs", null).ShouldBe(HttpStatusCode.Forbidden);
        var own = await app.CreateParticipantAsync("soc.taby");
        await caseworker.PostAsJsonAsync($"/api/v1/participants/{own.Id}/legal-hold", new { reason = "Tvist" }).ShouldBe(HttpStatusCode.Forbidden);

        // Another municipality's participant is not the Täby administrator's to hold: 404, as if it did not exist.
        var foreign = await app.CreateParticipantAsync("soc.vaxholm");
        await admin.PostAsJsonAsync($"/api/v1/participants/{foreign.Id}/legal-hold", new { reason = "Tvist" }).ShouldBe(HttpStatusCode.NotFound);
        var noReason = await admin.PostAsJsonAsync($"/api/v1/participants/{own.Id}/legal-hold", new { reason = " " }).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(noReason["errors"]!["reason"]);
        await admin.GetAsync($"/api/v1/retention/runs/{Guid.NewGuid()}").ShouldBe(HttpStatusCode.NotFound);

        // The pages: administrators only.
        var pages = await app.PagesClientFor("soc.taby");
        Assert.NotEqual(HttpStatusCode.OK, (await pages.GetAsync("/Retention")).StatusCode);
        var adminPages = await app.PagesClientFor("admin.taby");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await adminPages.GetStringAsync("/Retention"));
        Assert.Contains("Socialtjänstens ärenden med journal", page.Body!.TextContent);

        // Legal holds on the page, through the same use case as the API: a bad id and a missing reason are refused at their
        // fields and change nothing; another municipality's participant is answered as unknown; a hold is listed and lifted.
        var session = await PageSession.SignInAsync(app, "admin.taby");
        var refused = await session.SubmitAsync("/Retention", "Besluta om bevarande",
            new() { ["HoldParticipantId"] = "inte-ett-id", ["HoldCaseId"] = "", ["HoldReason"] = " " });
        Assert.Contains("Deltagar-id ska vara ett id", PageSession.MessageAt(refused, "ParticipantId"));
        Assert.Equal(["#ParticipantId"], PageSession.Summary(refused).Select(e => e.Target));
        var reasonless = await session.SubmitAsync("/Retention", "Besluta om bevarande",
            new() { ["HoldParticipantId"] = own.Id.ToString(), ["HoldCaseId"] = "", ["HoldReason"] = " " });
        Assert.NotNull(PageSession.MessageAt(reasonless, "Reason"));
        var outside = await session.SubmitAsync("/Retention", "Besluta om bevarande",
            new() { ["HoldParticipantId"] = foreign.Id.ToString(), ["HoldCaseId"] = "", ["HoldReason"] = "Tvist" });
        Assert.Contains("ingen deltagare", PageSession.MessageAt(outside, "ParticipantId"));
        Assert.False(await app.WithDbAsync(db => db.Set<LegalHold>().AnyAsync(h => h.ParticipantId == own.Id || h.ParticipantId == foreign.Id)));

        await session.PostAsync("/Retention", "/Retention?handler=Hold",
            new() { ["HoldParticipantId"] = own.Id.ToString(), ["HoldCaseId"] = "", ["HoldReason"] = "Begäran om utlämnande prövas" }).ShouldBe(HttpStatusCode.Redirect);
        var listed = await session.GetAsync("/Retention");
        var row = listed.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(own.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains("Begäran om utlämnande prövas", row.TextContent);
        Assert.Contains("Hela deltagaren", row.TextContent);
        var hold = await app.WithDbAsync(db => db.Set<LegalHold>().SingleAsync(h => h.ParticipantId == own.Id));
        Assert.Contains(await app.AccessLogForAsync(own.Id, "create", "admin.taby"), e => e.EntityType == "LegalHold");

        await session.PostAsync(listed, "/Retention?handler=Lift",
            new() { ["LiftParticipantId"] = own.Id.ToString(), ["LiftCaseId"] = "" }).ShouldBe(HttpStatusCode.Redirect);
        Assert.DoesNotContain(own.Id.ToString(), (await session.GetAsync("/Retention")).Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(await app.WithDbAsync(db => db.Set<LegalHold>().Where(h => h.Id == hold.Id).Select(h => h.LiftedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_run_culls_what_its_preview_listed_keeps_held_cases_and_past_statistics()
    {
        var admin = await app.ClientFor("admin.taby");
        var soc = await app.ClientFor("soc.taby");
        await SocialRuleAsync(admin);

        var cases = new List<(Guid Participant, Guid Case)>();
        for (var i = 0; i < 8; i++)
        {
            cases.Add(await ClosedCaseAsync(soc, "2011-03-01", "2011-05-31"));
        }

        // Held before the preview (the whole participant) and after it (one case).
        await admin.PostAsJsonAsync($"/api/v1/participants/{cases[0].Participant}/legal-hold", new { reason = "Begärd av förvaltningsrätten" })
            .ShouldBe(HttpStatusCode.Created);

        var before = await RegisterAsync(soc, "2011-04");
        Assert.Contains("\"8\"", before); // the eight women, shown (not hidden as a small count)
        // The follow-up is counted from the cases as they are, from months it stores (ADR 0032): read now, so they are stored.
        Assert.Equal("8", await FollowUpInflowAsync(soc));

        var preview = await admin.PostAsync("/api/v1/retention/runs", null).JsonAsync(HttpStatusCode.Created);
        var runId = preview.Id();
        var social = Counts(preview, "socialServicesCase");
        Assert.True(social.Sum(c => (int)c["listed"]!) >= 7);
        Assert.True(social.Sum(c => (int)c["keptByHold"]!) >= 1);
        Assert.Equal("previewed", (string)preview["state"]!);
        // Nothing is culled by a preview.
        await soc.GetAsync($"/api/v1/cases/{cases[1].Case}").ShouldBe(HttpStatusCode.OK);

        await admin.PostAsJsonAsync($"/api/v1/participants/{cases[1].Participant}/legal-hold", new { reason = "Skadeståndsanspråk", caseId = cases[1].Case })
            .ShouldBe(HttpStatusCode.Created);

        // Four eyes: the administrator who previewed the run cannot approve it, in the API or on the page; nothing changes.
        var same = await admin.PostAsync($"/api/v1/retention/runs/{runId}/approval", null).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("annan administratör", (string)same["errors"]!["approvedBy"]![0]!);
        var session = await PageSession.SignInAsync(app, "admin.taby");
        var refused = await session.SubmitAsync($"/Retention/Runs/{runId}", $"Godkänn och gallra {preview["counts"]!.AsArray().Sum(c => (int)c!["listed"]!)} poster", []);
        Assert.Contains(PageSession.Summary(refused), e => e.Target == "#ApprovedBy" && e.Message.Contains("annan administratör", StringComparison.Ordinal));
        Assert.Equal("previewed", (string)(await admin.GetAsync($"/api/v1/retention/runs/{runId}").JsonAsync(HttpStatusCode.OK))["state"]!);
        await soc.GetAsync($"/api/v1/cases/{cases[2].Case}").ShouldBe(HttpStatusCode.OK);

        var second = await app.ClientFor("arkiv.taby");
        var approved = await second.PostAsync($"/api/v1/retention/runs/{runId}/approval", null).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Arvid Lundqvist", (string?)approved["approvedBy"]);
        await second.PostAsync($"/api/v1/retention/runs/{runId}/approval", null).ShouldBe(HttpStatusCode.Conflict);

        var done = await WaitForDoneAsync(admin, runId);
        foreach (var count in done["counts"]!.AsArray())
        {
            // What the preview listed is what went, except what a hold placed since kept.
            Assert.Equal((int)count!["listed"]!, (int)count["culled"]! + (int)count["heldLater"]!);
        }

        Assert.Equal((int)done["total"]!, (int)done["processed"]!);
        Assert.Equal(1, Counts(done, "socialServicesCase").Sum(c => (int)c["heldLater"]!));

        // The held cases survive, the rest are gone.
        await soc.GetAsync($"/api/v1/cases/{cases[0].Case}").ShouldBe(HttpStatusCode.OK);
        await soc.GetAsync($"/api/v1/cases/{cases[1].Case}").ShouldBe(HttpStatusCode.OK);
        foreach (var (_, id) in cases.Skip(2))
        {
            await soc.GetAsync($"/api/v1/cases/{id}").ShouldBe(HttpStatusCode.NotFound);
        }

        // The statistics for the past month are identical, though counting it live now would give fewer.
        Assert.Equal(before, await RegisterAsync(soc, "2011-04"));
        // The follow-up's stored months were made stale by the run (its bulk delete records the change): two cases left.
        Assert.Equal("<5", await FollowUpInflowAsync(soc));
        var live = await app.WithDbAsync(async db =>
        {
            var month = new DateOnly(2011, 4, 1);
            var counts = new List<(int Frozen, int Live)>();
            foreach (var collaboration in await db.Set<FrozenRegisterMonth>().Where(m => m.Month == month).Select(m => m.CollaborationId).ToListAsync())
            {
                var frozen = await RegisterCount.FrozenAsync(db, collaboration, [Taby], month, default);
                var now = await RegisterCount.LiveAsync(db, collaboration, [Taby], month, default);
                counts.Add((frozen!.Sum(r => r.Count), now.Sum(r => r.Count)));
            }

            return counts.MaxBy(c => c.Frozen);
        });
        Assert.True(live.Live < live.Frozen, $"live {live.Live}, frozen {live.Frozen}");

        // The run is in the access log with its counts, never with a person.
        var logged = await app.AccessLogAsync(e => e.EntityType == "RetentionRun" && e.EntityId == runId.ToString());
        Assert.Contains(logged, e => e.Action == "delete" && e.Purpose!.Contains("gallrade"));
        Assert.Contains(logged, e => e.Action == "update" && e.Purpose!.Contains("godkänd"));
        Assert.All(logged, e => Assert.Null(e.ParticipantId));

        // The run page shows the counts to an administrator.
        var pages = await app.PagesClientFor("admin.taby");
        var page = await pages.GetStringAsync($"/Retention/Runs/{runId}");
        Assert.Contains("Klar", page);

        // A lifted hold lets the next run cull the case.
        await admin.DeleteAsync($"/api/v1/participants/{cases[1].Participant}/legal-hold").ShouldBe(HttpStatusCode.NoContent);
        await admin.DeleteAsync($"/api/v1/participants/{cases[1].Participant}/legal-hold").ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>The follow-up's inflow of women in March 2011 (when the test's cases were opened), as shown.</summary>
    private static async Task<string> FollowUpInflowAsync(HttpClient client)
    {
        var report = await client.GetAsync("/api/v1/statistics/follow-up?from=2011-03&to=2011-06").JsonAsync(HttpStatusCode.OK);
        var inflow = report["tables"]!.AsArray().Single(t => (string)t!["key"]! == "inflode")!;
        var column = inflow["columns"]!.AsArray().Select(c => (string)c!).ToList().IndexOf("Kvinnor") - 1;
        return (string)inflow["rows"]!.AsArray().Single(r => (string)r!["label"]! == "2011-03")!["cells"]![column]!["text"]!;
    }

    [Fact]
    public async Task A_run_killed_mid_batch_resumes_without_loss_or_double_counting()
    {
        var admin = await app.ClientFor("admin.taby");
        var soc = await app.ClientFor("soc.taby");
        await SocialRuleAsync(admin);
        var cases = new List<(Guid Participant, Guid Case)>();
        for (var i = 0; i < 5; i++)
        {
            cases.Add(await ClosedCaseAsync(soc, "2012-01-10", "2012-02-20"));
        }

        var before = await RegisterAsync(soc, "2012-02");
        var preview = await admin.PostAsync("/api/v1/retention/runs", null).JsonAsync(HttpStatusCode.Created);
        var runId = preview.Id();
        var total = (int)preview["total"]!;
        Assert.True(total >= 5);

        // Approved in the database (not queued to the background runner), so the test drives the batches itself.
        await app.WithDbAsync(async db =>
        {
            var run = await db.Set<RetentionRun>().SingleAsync(r => r.Id == runId);
            run.Approve(Guid.NewGuid(), "Testadministratör", DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        Task<bool> Run(int? maxBatches, Func<int, Task>? beforeCommit = null) =>
            app.WithScopeAsync(s => s.GetRequiredService<RetentionExecutor>().RunAsync(runId, batchSize: 2, maxBatches, beforeCommit));

        Assert.False(await Run(maxBatches: 1));
        // The process dies half-way through the second batch: its deletions and counts roll back together.
        await Assert.ThrowsAsync<IOException>(() => Run(maxBatches: 1, _ => throw new IOException("processen dödades")));
        var halfway = await StateAsync(runId);
        Assert.Equal(2, halfway.Processed);
        Assert.Equal(2, halfway.Culled);
        Assert.Equal(total - 2, halfway.Pending);

        // The process restarts: the runner of a new instance finds the unfinished run at start and resumes it. Everything
        // listed is culled exactly once.
        await using (var restarted = AppFactory.SecondInstanceOf(app))
        {
            _ = restarted.Services;
            for (var i = 0; i < 300 && !await app.WithDbAsync(db => db.Set<RetentionRun>().AnyAsync(r => r.Id == runId && r.State == RunState.Done)); i++)
            {
                await Task.Delay(100);
            }
        }

        var end = await StateAsync(runId);
        Assert.Equal(total, end.Processed);
        Assert.Equal(0, end.Pending);
        Assert.Equal(total, end.Culled + end.Held);
        Assert.Equal(end.Culled + end.Held, end.CountedCulled + end.CountedHeld);
        Assert.Equal(end.Listed, end.CountedCulled + end.CountedHeld);
        foreach (var (_, id) in cases)
        {
            await soc.GetAsync($"/api/v1/cases/{id}").ShouldBe(HttpStatusCode.NotFound);
        }

        Assert.Equal(before, await RegisterAsync(soc, "2012-02"));
        var run = await admin.GetAsync($"/api/v1/retention/runs/{runId}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal("done", (string)run["state"]!);
        // A finished run runs no more.
        Assert.True(await Run(maxBatches: null));
        Assert.Equal(end.Processed, (await StateAsync(runId)).Processed);
    }

    [Fact]
    public async Task The_access_log_is_culled_by_a_signed_cut_that_verification_accepts_and_tampering_around_it_is_still_reported()
    {
        // A database of its own: the cut removes the beginning of the whole log, and the tamper steps below break it on purpose.
        await using var fresh = await AppFactory.StartAsync();
        await CheckpointAsync(fresh); // a checkpoint inside the part that goes must not count against the cut
        var admin = await fresh.ClientFor("admin.taby");
        // Only the log is old enough for its rule: every other kind is kept for the longest period.
        await admin.PutAsJsonAsync("/api/v1/retention/rules", new
        {
            rules = new object[]
            {
                new { kind = "accessLog", years = 5, trigger = "afterLastEntry" },
                new { kind = "socialServicesCase", years = 110, trigger = "afterLastEntry" },
                new { kind = "jobCentreCase", years = 110, trigger = "afterCaseClosed" },
                new { kind = "kaaRecord", years = 110, trigger = "afterTurned20" },
                new { kind = "importedFile", years = 110, trigger = "afterLastEntry" },
            },
        }).ShouldBe(HttpStatusCode.OK);

        // The preview, by the same use case as the API, as admin.taby on a day six years on: every row so far is older than five years.
        var preview = await fresh.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var who = await db.Users.SingleAsync(u => u.UserName == "admin.taby");
            var http = new HttpContextAccessor
            {
                HttpContext = new DefaultHttpContext
                {
                    User = new ClaimsPrincipal(new ClaimsIdentity(
                    [
                        new Claim(ClaimTypes.NameIdentifier, who.Id.ToString()), new Claim(ClaimTypes.Name, "admin.taby"),
                        new Claim(AppClaims.OrganisationId, who.OrganisationId.ToString()), new Claim(ClaimTypes.Role, Roles.Administrator),
                    ], "test")),
                },
            };
            var user = new CurrentUser(http);
            var ahead = new AheadClock(TimeSpan.FromDays(6 * 366));
            var work = new RetentionWork(db, user, new AccessLogger(db, s.GetRequiredService<AccessLogBatches>(), user, ahead, http), ahead,
                s.GetRequiredService<RetentionRunner>());
            return (await work.PreviewAsync(default)).Value!;
        });
        var runId = preview.Id;
        var keepFrom = preview.LogKeepFrom!.Value;
        var listed = preview.Counts.Single(c => c.Kind == RecordKind.AccessLog).Listed;
        Assert.Equal(1, preview.Total);
        Assert.Equal(listed, await fresh.WithDbAsync(db => db.AccessLog.CountAsync(a => a.Sequence == null || a.Sequence < keepFrom)));
        Assert.True(listed > 20, $"{listed} rows");
        Assert.Equal(1L, await fresh.WithDbAsync(db => db.AccessLog.MinAsync(a => a.Sequence)));

        // Four eyes again, then approved as the background runner would be (the test drives the batches itself).
        await admin.PostAsync($"/api/v1/retention/runs/{runId}/approval", null).ShouldBe(HttpStatusCode.BadRequest);
        var second = await fresh.WithDbAsync(db => db.Users.Where(u => u.UserName == "arkiv.taby").Select(u => u.Id).SingleAsync());
        await fresh.WithDbAsync(async db =>
        {
            (await db.Set<RetentionRun>().SingleAsync(r => r.Id == runId)).Approve(second, "Arvid Lundqvist", DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        Task<bool> Run(int? maxBatches, Func<int, Task>? beforeCommit = null) => fresh.WithScopeAsync(s =>
            s.GetRequiredService<RetentionExecutor>().RunAsync(runId, maxBatches: maxBatches, beforeCommit: beforeCommit, logRowsPerBatch: 10));

        // Killed while recording the cut: nothing recorded, nothing deleted.
        await Assert.ThrowsAsync<IOException>(() => Run(1, _ => throw new IOException("processen dödades")));
        Assert.Equal(0, await fresh.WithDbAsync(db => db.Set<AccessLogCut>().CountAsync()));
        Assert.Equal(1L, await fresh.WithDbAsync(db => db.AccessLog.MinAsync(a => a.Sequence)));
        // The cut, then one batch of deletions; killed in the next: the chain is mid-cut and verifies intact all the same.
        Assert.False(await Run(2));
        await Assert.ThrowsAsync<IOException>(() => Run(1, _ => throw new IOException("processen dödades")));
        Assert.Equal(11L, await fresh.WithDbAsync(db => db.AccessLog.MinAsync(a => a.Sequence)));
        var midway = await VerifyAsync(fresh);
        Assert.True(midway.Intact, string.Join(" | ", midway.Messages!));

        Assert.True(await Run(null));
        var culled = await fresh.WithDbAsync(db => db.Set<RetentionRunCount>().SingleAsync(c => c.RunId == runId && c.Kind == RecordKind.AccessLog));
        Assert.Equal((listed, listed, 0), (culled.Listed, culled.Culled, culled.HeldLater));
        Assert.Equal(keepFrom, await fresh.WithDbAsync(db => db.AccessLog.MinAsync(a => a.Sequence)));
        Assert.Equal(0, await fresh.WithDbAsync(db => db.AccessLog.CountAsync(a => a.Sequence == null)));
        var cut = await fresh.WithDbAsync(db => db.Set<AccessLogCut>().SingleAsync());
        Assert.Equal((runId, keepFrom, (long)listed), (cut.RunId, cut.FirstKeptSequence, cut.Deleted));
        Assert.Contains(await fresh.AccessLogAsync(a => a.EntityType == "AccessLogCut"), a => a.EntityId == runId.ToString() && a.ContentHash == cut.Signature);
        var finished = await fresh.AccessLogAsync(a => a.EntityType == "RetentionRun" && a.Action == "delete" && a.EntityId == runId.ToString());
        Assert.Contains($"AccessLog listade {listed}, gallrade {listed}", Assert.Single(finished).Purpose, StringComparison.Ordinal);

        // Verification accepts the cut (consents' digests were carried past it), in the API and on the page.
        var verified = await admin.GetAsync("/api/v1/access-log/verification").JsonAsync(HttpStatusCode.OK);
        Assert.True((bool)verified["intact"]!, verified.ToJsonString());
        var page = await (await PageSession.SignInAsync(fresh, "admin.taby")).GetAsync("/AccessLog");
        Assert.Contains($"den börjar vid post {keepFrom}", page.Body!.TextContent, StringComparison.Ordinal);
        await fresh.Services.GetRequiredService<AccessLogBatches>().WriteAsync([AccessLogEntry.Create(DateTime.UtcNow, null, "test", null, "", "read", "Participant", "1", null, null, null)]);
        await CheckpointAsync(fresh);

        // The database itself refuses a delete the cut does not cover.
        await Assert.ThrowsAnyAsync<Exception>(() => Tamper(fresh, db => db.Database.ExecuteSqlAsync($"""DELETE FROM "AccessLog" WHERE "Sequence" = {keepFrom}""")));

        // A cut with its numbers edited: its signature fails and it is reported. The checkpoint file still anchors the real
        // cut; without the file too, the beginning is missing without a signed cut, as when rows are deleted with no cut at all.
        await Tamper(fresh, db => WithoutCutGuardsAsync(db, $"""UPDATE "AccessLogCuts" SET "Deleted" = "Deleted" - 1"""));
        var edited = await VerifyAsync(fresh);
        Assert.False(edited.Intact);
        Assert.Equal("forged", Assert.Single(edited.Chain!.CutProblems).Kind);
        Assert.Empty(edited.Chain.Gaps);
        var file = fresh.Services.GetRequiredService<AccessLogCheckpoints>().FilePath;
        File.Move(file, file + ".undan", overwrite: true);
        var unanchored = await VerifyAsync(fresh);
        File.Move(file + ".undan", file, overwrite: true);
        var missing = Assert.Single(unanchored.Chain!.Gaps);
        Assert.Equal((1L, keepFrom - 1), (missing.FromSequence, missing.ToSequence));
        Assert.Contains("utan ett signerat", missing.Message, StringComparison.Ordinal);
        await Tamper(fresh, db => WithoutCutGuardsAsync(db, $"""UPDATE "AccessLogCuts" SET "Deleted" = "Deleted" + 1"""));
        Assert.True((await VerifyAsync(fresh)).Intact);

        // A cut made with another key, and one well signed that claims more than its run approved: both reported.
        var keys = fresh.Services.GetRequiredService<AccessLogKeyRing>();
        var lastHash = await fresh.WithDbAsync(db => db.AccessLog.Where(a => a.Sequence == keepFrom + 4).Select(a => a.Hash).SingleAsync());
        await Tamper(fresh, async db =>
        {
            db.Add(AccessLogCut.Sign(runId, keepFrom + 5, lastHash, listed + 5, DateTime.UtcNow, new AccessLogKeyRing(RandomNumberGenerator.GetBytes(32))));
            db.Add(AccessLogCut.Sign(runId, keepFrom + 5, lastHash, listed + 5, DateTime.UtcNow, keys));
            await db.SaveChangesAsync();
        });
        var forged = await VerifyAsync(fresh);
        Assert.False(forged.Intact);
        Assert.Equal("forged", Assert.Single(forged.Chain!.CutProblems).Kind);
        Assert.Contains("mer än som godkändes", Assert.Single(forged.UnapprovedCuts!).Message, StringComparison.Ordinal);
        await Tamper(fresh, db => WithoutCutGuardsAsync(db, $"""DELETE FROM "AccessLogCuts" WHERE "FirstKeptSequence" = {keepFrom + 5}"""));
        Assert.True((await VerifyAsync(fresh)).Intact);

        // Rows deleted right after the cut without one, and the end cut off: a gap and truncation, each on its own.
        var end = await fresh.WithDbAsync(db => db.AccessLog.MaxAsync(a => a.Sequence!.Value));
        await Tamper(fresh, async db =>
        {
            await LogTamperTests.DropGuardsAsync(db);
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "AccessLog" WHERE "Sequence" < {keepFrom + 3} OR "Sequence" = {end}""");
            await LogTamperTests.RestoreGuardsAsync(db);
        });
        var cutMore = await VerifyAsync(fresh);
        Assert.False(cutMore.Intact);
        var gap = Assert.Single(cutMore.Chain!.Gaps);
        Assert.Equal((keepFrom, keepFrom + 2), (gap.FromSequence, gap.ToSequence));
        Assert.Contains("efter gallringen", gap.Message, StringComparison.Ordinal);
        Assert.Equal(1, cutMore.Chain.Truncation?.MissingEntries);
        Assert.Empty(cutMore.Chain.CutProblems);
    }

    // ------------------------------------------------------------------ helpers

    private sealed class AheadClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + ahead;
    }

    private static Task CheckpointAsync(AppFactory app) => LogTamperTests.CheckpointAsync(app);

    private static Task<ChainVerification> VerifyAsync(AppFactory app) => LogTamperTests.VerifyAsync(app);

    private static async Task Tamper(AppFactory app, Func<AppDbContext, Task> tamper)
    {
        await using var db = app.TestDb.CreateContext();
        await tamper(db);
    }

    /// <summary>Runs <paramref name="sql"/> on the cuts with their guards dropped, then puts the guards back as migration 0029 made them.</summary>
    private static async Task WithoutCutGuardsAsync(AppDbContext db, FormattableString sql)
    {
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AccessLogCuts_append_only" ON "AccessLogCuts" """);
            await db.Database.ExecuteSqlAsync(sql);
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER "AccessLogCuts_append_only" BEFORE UPDATE OR DELETE ON "AccessLogCuts"
                    FOR EACH ROW EXECUTE FUNCTION access_log_append_only()
                """);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AccessLogCuts_no_update" """);
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AccessLogCuts_no_delete" """);
            await db.Database.ExecuteSqlAsync(sql);
            await db.Database.ExecuteSqlRawAsync("""CREATE TRIGGER "AccessLogCuts_no_update" BEFORE UPDATE ON "AccessLogCuts" BEGIN SELECT RAISE(ABORT, 'AccessLogCuts is append-only'); END""");
            await db.Database.ExecuteSqlRawAsync("""CREATE TRIGGER "AccessLogCuts_no_delete" BEFORE DELETE ON "AccessLogCuts" BEGIN SELECT RAISE(ABORT, 'AccessLogCuts is append-only'); END""");
        }
    }

    private static async Task SocialRuleAsync(HttpClient admin) =>
        await admin.PutAsJsonAsync("/api/v1/retention/rules", new
        {
            rules = new[] { new { kind = "socialServicesCase", years = 5, trigger = "afterCaseClosed", researchSampleDays = "", note = "Test" } },
        }).ShouldBe(HttpStatusCode.OK);

    private async Task<(Guid Participant, Guid Case)> ClosedCaseAsync(HttpClient soc, string openedOn, string closedOn)
    {
        var person = await app.CreateParticipantAsync("soc.taby", b =>
        {
            b["gender"] = "woman";
            b["afStatus"] = "establishmentProgramme";
            b["educationLevel"] = "primary";
            b["incomeSource"] = "socialAssistance";
            b["homeMunicipalityCode"] = Taby;
        });
        var opened = await soc.PostAsJsonAsync($"/api/v1/participants/{person.Id}/cases", new { source = "self", reason = "Söker stöd", openedOn })
            .JsonAsync(HttpStatusCode.Created);
        var caseId = opened.Id();
        await soc.PostAsJsonAsync($"/api/v1/cases/{caseId}/journal", new { type = "conversation", text = "Samtal om studier." })
            .ShouldBe(HttpStatusCode.Created);
        await soc.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { closedOn, outcome = "studies", studyForm = "komvux" })
            .ShouldBe(HttpStatusCode.OK);
        return (person.Id, caseId);
    }

    private static async Task<string> RegisterAsync(HttpClient client, string month)
    {
        var overview = await client.GetAsync($"/api/v1/statistics/target-groups?month={month}").JsonAsync(HttpStatusCode.OK);
        return overview["sources"]!.AsArray().Single(s => (string)s!["key"]! == "register")!.ToJsonString();
    }

    private static List<JsonNode> Counts(JsonNode run, string kind) =>
        run["counts"]!.AsArray().Where(c => (string)c!["kind"]! == kind).Select(c => c!).ToList();

    private static async Task<JsonNode> WaitForDoneAsync(HttpClient admin, Guid runId)
    {
        for (var i = 0; i < 300; i++)
        {
            var run = await admin.GetAsync($"/api/v1/retention/runs/{runId}").JsonAsync(HttpStatusCode.OK);
            if ((string)run["state"]! == "done")
            {
                return run;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("Gallringen blev inte klar inom 30 sekunder.");
    }

    private sealed record Progress(int Processed, int Pending, int Culled, int Held, int Listed, int CountedCulled, int CountedHeld);

    private Task<Progress> StateAsync(Guid runId) => app.WithDbAsync(async db =>
    {
        var run = await db.Set<RetentionRun>().AsNoTracking().SingleAsync(r => r.Id == runId);
        var items = await db.Set<RetentionRunItem>().AsNoTracking().Where(i => i.RunId == runId).ToListAsync();
        var counts = await db.Set<RetentionRunCount>().AsNoTracking().Where(c => c.RunId == runId && c.Kind != RecordKind.AccessLog).ToListAsync();
        return new Progress(run.Processed, items.Count(i => i.State == ItemState.Pending), items.Count(i => i.State == ItemState.Culled),
            items.Count(i => i.State == ItemState.Held), counts.Sum(c => c.Listed), counts.Sum(c => c.Culled), counts.Sum(c => c.HeldLater));
    });
}
