using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Features.Mappings;
using Arbetsvagen.Features.Statistics;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Arbetsvagen.Tests.Statistics;

/// <summary>
/// The follow-up (issue 11 §2): inflow, stock and outflow arithmetic, time to outcome with quartiles, age bands and the
/// gender split, small counts hidden with their partners (also across the linked flow tables), the people behind a figure
/// for the owning caseworker only (logged, never for an analyst, never across a boundary), and bad input. Each test plants
/// its own cases in years no demo case reaches (2008, 2010, 2011), every case closed before the next test's years begin.
/// </summary>
public sealed class FollowUpTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void Quartiles_interpolate_linearly_between_ranks()
    {
        Assert.Equal((1.75, 2.5, 3.25), FollowUpTables.Quartiles([4, 1, 3, 2]));
        Assert.Equal((3.0, 9.0, 10.0), FollowUpTables.Quartiles([20, 1, 3, 9, 10]));
        Assert.Equal((5.0, 5.0, 5.0), FollowUpTables.Quartiles([5]));
        Assert.Null(FollowUpTables.Quartiles([]));
        Assert.Equal("42", FollowUpTables.Days(41.5));
    }

    [Fact]
    public async Task Inflow_stock_and_outflow_add_up_per_month_with_time_to_outcome_by_gender_and_age_band()
    {
        // Six women (20 in 2010) already open before the period, still open after it; ten women (32) opened in January,
        // five of them closed in March after 14–54 days; five men (50) opened and closed in February after 19 days.
        var before = await PeopleAsync(6, "woman", "1990-06-01");
        await PlantAsync(before, new(2009, 12, 10), null, new(2010, 12, 31), CaseOutcome.OtherIncome);
        var january = await PeopleAsync(10, "woman", "1978-03-01");
        int[] waits = [0, 5, 10, 20, 40];
        for (var i = 0; i < 5; i++)
        {
            await PlantAsync([january[i]], new(2010, 1, 15), new DateOnly(2010, 1, 15).AddDays(waits[i]), new(2010, 3, 10), CaseOutcome.Studies,
                IncomeSource.SocialAssistance, IncomeSource.Other);
        }

        await PlantAsync(january[5..], new(2010, 1, 15), null, new(2010, 12, 31), CaseOutcome.Dropout);
        var men = await PeopleAsync(5, "man", "1960-01-01");
        await PlantAsync(men, new(2010, 2, 1), new(2010, 2, 1), new(2010, 2, 20), CaseOutcome.UnsubsidisedWork, IncomeSource.None, IncomeSource.Salary);

        var soc = await app.ClientFor("soc.taby");
        var report = await soc.GetAsync("/api/v1/statistics/follow-up?from=2010-01&to=2010-04").JsonAsync(HttpStatusCode.OK);

        var inflow = Table(report, "inflode");
        Assert.Equal("10", Cell(inflow, "2010-01", "Kvinnor"));
        Assert.Equal("5", Cell(inflow, "2010-02", "Män"));
        Assert.Equal("0", Cell(inflow, "2010-03", "Kvinnor"));
        Assert.Equal("15", Cell(inflow, "Totalt", "Totalt"));
        var outflow = Table(report, "utflode");
        Assert.Equal("5", Cell(outflow, "2010-02", "Män"));
        Assert.Equal("5", Cell(outflow, "2010-03", "Kvinnor"));
        Assert.Equal("10", Cell(outflow, "Totalt", "Totalt"));
        var stock = Table(report, "bestand");
        string[] months = ["2010-01", "2010-02", "2010-03", "2010-04"];
        Assert.Equal(["16", "16", "11", "11"], months.Select(m => Cell(stock, m, "Kvinnor")));
        Assert.Equal(["0", "0", "0", "0"], months.Select(m => Cell(stock, m, "Män")));
        Assert.DoesNotContain(stock["rows"]!.AsArray(), r => (string)r!["label"]! == "Totalt"); // a stock does not add up over months

        var outcomes = Table(report, "utfall");
        Assert.Equal("5", Cell(outcomes, "Studier", "Kvinnor"));
        Assert.Equal("5", Cell(outcomes, "Arbete utan subvention", "Män"));
        Assert.Equal("5", Cell(Table(report, "forsorjning-fore"), "Försörjningsstöd", "Kvinnor"));
        Assert.Equal("5", Cell(Table(report, "forsorjning-efter"), "Lön", "Män"));

        // Women waited 14, 34, 44, 49, 54 days; men 19 each; all ten: Q3 = 34 + 0,75 · (44 − 34) = 41,5 → 42.
        var time = Table(report, "tid-till-utfall");
        Assert.Equal(["34", "44", "49"], Quartiles(time, "Kvinnor"));
        Assert.Equal(["19", "19", "19"], Quartiles(time, "Män"));
        Assert.Equal(["19", "19", "42"], Quartiles(time, "Totalt"));
        Assert.Equal("..", Cell(time, "Median, dagar", "Uppgift saknas")); // no one: no quartiles

        // Every table carries its definition and period, and the split by gender.
        foreach (var table in report["tables"]!.AsArray().Select(t => t!.AsObject()))
        {
            Assert.False(string.IsNullOrWhiteSpace((string)table["definition"]!));
            Assert.Equal("2010-01–2010-04", (string)table["period"]!);
        }

        AssertGenderInEveryTable(report);

        // By age band (at the end of 2010): the women of January are 32, those before 20, the men 50.
        var ages = await soc.GetAsync("/api/v1/statistics/follow-up?from=2010-01&to=2010-04&by=ageBand").JsonAsync(HttpStatusCode.OK);
        Assert.Equal("10", Cell(Table(ages, "inflode"), "2010-01", "30–39 år: Kvinnor"));
        Assert.Equal("5", Cell(Table(ages, "inflode"), "2010-02", "50–64 år: Män"));
        Assert.Equal("0", Cell(Table(ages, "inflode"), "2010-02", "50–64 år: Kvinnor"));
        Assert.Equal("6", Cell(Table(ages, "bestand"), "2010-01", "20–24 år: Kvinnor"));
        Assert.Equal("10", Cell(Table(ages, "bestand"), "2010-01", "30–39 år: Kvinnor"));
        Assert.Equal("5", Cell(Table(ages, "bestand"), "2010-04", "30–39 år: Kvinnor"));
        Assert.Equal("0", Cell(Table(ages, "bestand"), "2010-01", "Annan ålder eller uppgift saknas: Kvinnor"));
        AssertGenderInEveryTable(ages);

        // The read of aggregates is logged without any person.
        var logged = await app.AccessLogAsync(e => e.EntityType == "FollowUpStatistics");
        Assert.NotEmpty(logged);
        Assert.All(logged, e => Assert.Null(e.ParticipantId));

        // The owning caseworker opens the people behind January's women: ten, named in the body; the address names no one.
        var people = await soc.GetAsync("/api/v1/statistics/follow-up/inflode/people?from=2010-01&to=2010-04&by=gender&row=2010-01&column=kvinna")
            .JsonAsync(HttpStatusCode.OK);
        var listed = people["people"]!.AsArray().Select(p => (Guid)p!["participantId"]!).ToHashSet();
        Assert.Equal(january.Select(p => p.Id).ToHashSet(), listed);
        Assert.Contains(january[0].Name, people["people"]!.AsArray().Select(p => (string)p!["name"]!));
        var opened = Assert.Single(await app.AccessLogAsync(e => e.EntityType == "FollowUpPeople" && e.Action == "search" && e.UserName == "soc.taby"
            && e.Purpose!.Contains("inflode 2010-01")));
        Assert.All(january, p => Assert.Contains(p.Id.ToString(), opened.ResultIds!));
        Assert.DoesNotContain(january[0].Name.Split(' ')[1], opened.Purpose ?? "");

        // The same figure on the page, with the definition, and a link from the table's cell.
        var pages = await app.PagesClientFor("soc.taby");
        var page = WebUtility.HtmlDecode(await pages.GetStringAsync("/Statistics/FollowUp?from=2010-01&to=2010-04"));
        Assert.Contains("Ärenden som aktualiserats under månaden", page);
        Assert.Contains("/Statistics/FollowUpPeople?collaborationId=", page);
        var list = WebUtility.HtmlDecode(await pages.GetStringAsync(
            $"/Statistics/FollowUpPeople?collaborationId={(string)report["collaborationId"]!}&from=2010-01&to=2010-04&by=gender&figure=utflode&row=2010-02&column=man"));
        Assert.Contains(men[0].Name, list);
        Assert.DoesNotContain(january[0].Name, list);
    }

    [Fact]
    public async Task Small_counts_are_hidden_with_partners_across_the_linked_flow_tables_and_analysts_see_counts_only()
    {
        var women = await PeopleAsync(2, "woman", "1985-01-01");
        var men = await PeopleAsync(6, "man", "1985-01-01");
        await PlantAsync(women, new(2011, 1, 10), null, new(2011, 2, 15), CaseOutcome.Studies);
        await PlantAsync(men, new(2011, 1, 12), null, new(2011, 6, 30), CaseOutcome.Studies);

        var analyst = await app.ClientFor("analytiker");
        var report = await analyst.GetAsync("/api/v1/statistics/follow-up?from=2011-01&to=2011-03").JsonAsync(HttpStatusCode.OK);
        Assert.False((bool)report["mayOpenPeople"]!);
        var inflow = Table(report, "inflode");
        Assert.Equal("<5", Cell(inflow, "2011-01", "Kvinnor"));
        Assert.Equal("<5", Cell(inflow, "Totalt", "Kvinnor"));
        Assert.True(Row(inflow, "2011-01").Count(Hidden) >= 2, "January's row hides a partner beside the small count");

        // Two women close in February: February's outflow is small, so the stock that would give it away
        // (stock(Feb) = stock(Jan) + inflow(Feb) − outflow(Feb)) cannot all be shown.
        var outflow = Table(report, "utflode");
        Assert.Equal("<5", Cell(outflow, "2011-02", "Kvinnor"));
        var stock = Table(report, "bestand");
        Assert.Equal("<5", Cell(stock, "2011-01", "Kvinnor"));
        Assert.Equal("0", Cell(stock, "2011-02", "Kvinnor")); // a zero is never a secret
        foreach (var table in report["tables"]!.AsArray().Select(t => t!.AsObject()))
        {
            foreach (var row in table["rows"]!.AsArray())
            {
                foreach (var cell in row!["cells"]!.AsArray())
                {
                    Assert.Null(cell!["people"]); // no list for an analyst
                    if (Hidden((string)cell["text"]!))
                    {
                        Assert.Null(cell["value"]);
                    }
                }
            }
        }

        // An analyst never gets the people behind a figure, and the refusal is logged.
        await analyst.GetAsync("/api/v1/statistics/follow-up/inflode/people?from=2011-01&to=2011-03&row=2011-01&column=man").ShouldBe(HttpStatusCode.Forbidden);
        Assert.NotEmpty(await app.AccessLogAsync(e => e.EntityType == "FollowUpPeople" && e.Action == "denied" && e.UserName == "analytiker"));
        var analystPage = await (await app.PagesClientFor("analytiker")).GetAsync("/Statistics/FollowUpPeople?from=2011-01&to=2011-03&figure=inflode");
        Assert.NotEqual(HttpStatusCode.OK, analystPage.StatusCode);

        // Another secrecy boundary (the job centre, Vaxholm's social services) sees the same counts but none of these people.
        foreach (var other in new[] { "jobb.taby", "soc.vaxholm" })
        {
            var client = await app.ClientFor(other);
            var people = await client.GetAsync("/api/v1/statistics/follow-up/inflode/people?from=2011-01&to=2011-03&row=2011-01")
                .JsonAsync(HttpStatusCode.OK);
            var ids = people["people"]!.AsArray().Select(p => (Guid)p!["participantId"]!).ToList();
            Assert.DoesNotContain(ids, id => women.Concat(men).Any(p => p.Id == id));
        }

        // A collaboration the reader is not in, and an unknown figure: 404.
        var soc = await app.ClientFor("soc.taby");
        await soc.GetAsync($"/api/v1/statistics/follow-up?collaborationId={Guid.NewGuid()}").ShouldBe(HttpStatusCode.NotFound);
        await soc.GetAsync($"/api/v1/statistics/follow-up/inflode/people?collaborationId={Guid.NewGuid()}&from=2011-01&to=2011-03").ShouldBe(HttpStatusCode.NotFound);
        await soc.GetAsync("/api/v1/statistics/follow-up/namn/people?from=2011-01&to=2011-03").ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Women_30_to_39_registered_more_than_24_months_are_counted_and_listed_for_their_caseworker()
    {
        var women = await PeopleAsync(5, "woman", "1975-05-05"); // 33 at the end of 2008
        await PlantAsync(women, new(2006, 3, 1), new(2006, 3, 15), new(2009, 1, 5), CaseOutcome.UnsubsidisedWork);
        var recent = await PeopleAsync(5, "woman", "1975-05-05");
        await PlantAsync(recent, new(2007, 6, 1), null, new(2009, 1, 5), CaseOutcome.UnsubsidisedWork);

        var soc = await app.ClientFor("soc.taby");
        var report = await soc.GetAsync("/api/v1/statistics/follow-up?from=2008-01&to=2008-12").JsonAsync(HttpStatusCode.OK);
        var longTerm = Table(report, "langtid");
        Assert.Equal("5", Cell(longTerm, "30–39 år", "Kvinnor"));
        Assert.Equal("0", Cell(longTerm, "30–39 år", "Män"));
        Assert.Equal("10", Cell(Table(report, "bestand"), "2008-12", "Kvinnor"));
        Assert.Equal("0,0 %", Cell(Table(report, "aktuell-plan"), "Andel med aktuell plan", "Kvinnor"));

        var people = await soc.GetAsync("/api/v1/statistics/follow-up/langtid/people?from=2008-01&to=2008-12&row=30-39&column=kvinna").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(women.Select(p => p.Id).ToHashSet(), people["people"]!.AsArray().Select(p => (Guid)p!["participantId"]!).ToHashSet());
    }

    [Fact]
    public async Task Stored_months_are_read_back_and_counted_again_when_a_case_a_person_or_a_plan_changes()
    {
        // Ten women (20 at the end of 2005) open February–November 2005; the period January–June 2005.
        var women = await PeopleAsync(10, "woman", "1985-02-02");
        await PlantAsync(women, new(2005, 2, 1), null, new(2005, 11, 30), CaseOutcome.Studies);
        var soc = await app.ClientFor("soc.taby");
        const string Query = "/api/v1/statistics/follow-up?from=2005-01&to=2005-06";
        var first = await soc.GetAsync(Query).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("10", Cell(Table(first, "inflode"), "2005-02", "Kvinnor"));
        Assert.Equal("10", Cell(Table(first, "bestand"), "2005-06", "Kvinnor"));
        Assert.Equal("10", Cell(Table(first, "aktuell-plan"), "Utan aktuell handlingsplan", "Kvinnor"));
        Assert.Equal("10", Cell(Table(await soc.GetAsync(Query + "&by=ageBand").JsonAsync(HttpStatusCode.OK), "inflode"), "2005-02", "20–24 år: Kvinnor"));

        // The months are stored (the month before the period too: the stock it starts from), and a second read is theirs.
        var collaboration = (Guid)first["collaborationId"]!;
        async Task<Dictionary<(DateOnly, FollowUpPart), DateTime>> StoredAsync() => await app.WithDbAsync(db => db.Set<FollowUpMonth>()
            .Where(m => m.CollaborationId == collaboration && m.Month >= new DateOnly(2004, 12, 1) && m.Month <= new DateOnly(2005, 6, 1))
            .ToDictionaryAsync(m => (m.Month, m.Part), m => m.CountedAt));
        var stored = await StoredAsync();
        Assert.Equal(7, stored.Keys.Count(k => k.Item2 == FollowUpPart.Flows));
        Assert.Contains((new DateOnly(2005, 6, 1), FollowUpPart.End), stored.Keys);
        var second = await soc.GetAsync(Query).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(first["tables"]!.ToJsonString(), second["tables"]!.ToJsonString());
        Assert.Equal(stored, await StoredAsync());

        // A plan covering the end of June for five of them: only the counts at the period's end are counted again.
        await PlanAsync(women[..5], new DateOnly(2005, 5, 1), new DateOnly(2005, 8, 31), (ActivityKind.Sfi, "Testskolan Uppföljning"));
        var planned = await soc.GetAsync(Query).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("5", Cell(Table(planned, "aktuell-plan"), "Med aktuell handlingsplan", "Kvinnor"));
        var afterPlan = await StoredAsync();
        Assert.All(stored.Where(m => m.Key.Item2 == FollowUpPart.Flows), m => Assert.Equal(m.Value, afterPlan[m.Key]));
        Assert.NotEqual(stored[(new DateOnly(2005, 6, 1), FollowUpPart.End)], afterPlan[(new DateOnly(2005, 6, 1), FollowUpPart.End)]);

        // Five men opened in April, and five of the women recorded as men: every month counted again.
        var men = await PeopleAsync(5, "man", "1970-07-07");
        await PlantAsync(men, new(2005, 4, 10), null, new(2005, 10, 1), CaseOutcome.UnsubsidisedWork);
        await app.WithDbAsync(async db =>
        {
            var ids = women[5..].Select(w => w.Id).ToList();
            foreach (var p in await db.Participants.Where(p => ids.Contains(p.Id)).ToListAsync())
            {
                p.Gender = Gender.Man;
            }

            return await db.SaveChangesAsync();
        });
        var changed = await soc.GetAsync(Query).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["5", "5"], new[] { "Kvinnor", "Män" }.Select(g => Cell(Table(changed, "inflode"), "2005-02", g)));
        Assert.Equal("5", Cell(Table(changed, "inflode"), "2005-04", "Män"));
        Assert.Equal(["5", "10"], new[] { "Kvinnor", "Män" }.Select(g => Cell(Table(changed, "bestand"), "2005-06", g)));
        Assert.Equal("5", Cell(Table(changed, "aktuell-plan"), "Med aktuell handlingsplan", "Kvinnor"));
        Assert.Equal("10", Cell(Table(changed, "aktuell-plan"), "Utan aktuell handlingsplan", "Män"));
        Assert.All(await StoredAsync(), m => Assert.True(m.Value > afterPlan.GetValueOrDefault(m.Key), $"{m.Key} not counted again"));

        // What is stored equals a live count: with nothing stored, the same tables.
        await app.WithDbAsync(db => db.Set<FollowUpMonth>().Where(m => m.CollaborationId == collaboration).ExecuteDeleteAsync());
        var live = await soc.GetAsync(Query).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(changed["tables"]!.ToJsonString(), live["tables"]!.ToJsonString());

        // The background refresh removes what a change made stale, and leaves what holds.
        await PlantAsync(men[..1], new(2005, 5, 5), null, new(2005, 5, 20), CaseOutcome.Studies);
        await app.WithDbAsync(async db =>
        {
            await FollowUpCounts.RemoveStaleAsync(db, default);
            return 0;
        });
        var left = await StoredAsync();
        Assert.DoesNotContain((new DateOnly(2005, 5, 1), FollowUpPart.Flows), left.Keys);
        Assert.DoesNotContain((new DateOnly(2005, 6, 1), FollowUpPart.End), left.Keys); // the end depends on earlier months too
        Assert.Contains((new DateOnly(2005, 4, 1), FollowUpPart.Flows), left.Keys);
        Assert.Contains((new DateOnly(2005, 6, 1), FollowUpPart.Flows), left.Keys); // opened and closed within May

        // A correction of a closed case's outcome restates the month it was closed in, and no other.
        await soc.GetAsync(Query).JsonAsync(HttpStatusCode.OK);
        await app.WithDbAsync(async db =>
        {
            var id = men[0].Id;
            var corrected = await db.Set<Case>().SingleAsync(c => c.ParticipantId == id && c.ClosedOn == new DateOnly(2005, 5, 20));
            db.Entry(corrected).Property(c => c.Outcome).CurrentValue = CaseOutcome.Dropout;
            await db.SaveChangesAsync();
            await FollowUpCounts.RemoveStaleAsync(db, default);
            return 0;
        });
        left = await StoredAsync();
        Assert.DoesNotContain((new DateOnly(2005, 5, 1), FollowUpPart.Flows), left.Keys);
        Assert.Contains((new DateOnly(2005, 4, 1), FollowUpPart.Flows), left.Keys);
        Assert.Contains((new DateOnly(2005, 6, 1), FollowUpPart.Flows), left.Keys);
    }

    [Fact]
    public async Task Split_by_target_group_activity_kind_and_provider_crossed_with_gender_with_the_people_behind_each_figure()
    {
        // Five women in the establishment programme with SFI at a school, five men openly unemployed with a placement at an
        // employer and coaching at the job centre; all opened in March 2012 (no demo case is that old).
        var women = await PeopleAsync(5, "woman", "1990-01-01", "establishmentProgramme");
        var men = await PeopleAsync(5, "man", "1990-01-01", "openlyUnemployed");
        await PlantAsync(women, new(2012, 3, 5), new(2012, 3, 6), new(2012, 12, 20), CaseOutcome.Studies);
        await PlantAsync(men, new(2012, 3, 5), new(2012, 3, 6), new(2012, 12, 20), CaseOutcome.UnsubsidisedWork);
        await PlanAsync(women, (ActivityKind.Sfi, "Testskolan Uppföljning"));
        await PlanAsync(men, (ActivityKind.Placement, "Testföretaget Uppföljning AB"), (ActivityKind.Coaching, "Testjobbcentrum Uppföljning"));

        var soc = await app.ClientFor("soc.taby");
        const string period = "from=2012-03&to=2012-04";
        var groups = await soc.GetAsync($"/api/v1/statistics/follow-up?{period}&by=targetGroup").JsonAsync(HttpStatusCode.OK);
        Assert.Equal("5", Cell(Table(groups, "inflode"), "2012-03", "Etableringsprogrammet: Kvinnor"));
        Assert.Equal("5", Cell(Table(groups, "inflode"), "2012-03", "Öppet arbetslösa: Män"));
        Assert.Equal("0", Cell(Table(groups, "inflode"), "2012-03", "Öppet arbetslösa: Kvinnor"));
        Assert.Equal("10", Cell(Table(groups, "inflode"), "2012-03", "Totalt"));
        AssertGenderInEveryTable(groups);

        // Activity kinds overlap (a man has two kinds): each kind counts him, so there is no total column.
        var kinds = await soc.GetAsync($"/api/v1/statistics/follow-up?{period}&by=activityKind").JsonAsync(HttpStatusCode.OK);
        var kindInflow = Table(kinds, "inflode");
        Assert.Equal("5", Cell(kindInflow, "2012-03", "SFI: Kvinnor"));
        Assert.Equal("5", Cell(kindInflow, "2012-03", "Praktik: Män"));
        Assert.Equal("5", Cell(kindInflow, "2012-03", "Coachning: Män"));
        Assert.DoesNotContain("Totalt", kindInflow["columns"]!.AsArray().Select(c => (string)c!));
        Assert.Contains("räknas under vart och ett", (string)kindInflow["note"]!);
        Assert.Contains("SFI", kindInflow["groups"]!.AsArray().Select(g => (string)g!["label"]!));
        AssertGenderInEveryTable(kinds);

        var providers = await soc.GetAsync($"/api/v1/statistics/follow-up?{period}&by=provider").JsonAsync(HttpStatusCode.OK);
        Assert.Equal("5", Cell(Table(providers, "inflode"), "2012-03", "Testskolan Uppföljning: Kvinnor"));
        Assert.Equal("5", Cell(Table(providers, "inflode"), "2012-03", "Testjobbcentrum Uppföljning: Män"));
        AssertGenderInEveryTable(providers);

        // The people behind a crossed cell, and behind figures that count people rather than cases (activities).
        var behind = await soc.GetAsync($"/api/v1/statistics/follow-up/inflode/people?{period}&by=targetGroup&row=2012-03&column=EstablishmentProgramme.kvinna")
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(women.Select(p => p.Id).ToHashSet(), behind["people"]!.AsArray().Select(p => (Guid)p!["participantId"]!).ToHashSet());
        var sfi = await soc.GetAsync($"/api/v1/statistics/follow-up/insatser/people?{period}&by=activityKind&row=Sfi").JsonAsync(HttpStatusCode.OK);
        var sfiIds = sfi["people"]!.AsArray().Select(p => (Guid)p!["participantId"]!).ToHashSet();
        Assert.Superset(women.Select(p => p.Id).ToHashSet(), sfiIds);
        Assert.DoesNotContain(men[0].Id, sfiIds);
        Assert.Null(sfi["people"]!.AsArray()[0]!["caseId"]);
        var coached = await soc.GetAsync($"/api/v1/statistics/follow-up/utfall/people?{period}&by=activityKind&column=Coaching.man").JsonAsync(HttpStatusCode.OK);
        Assert.Empty(coached["people"]!.AsArray()); // closed in December, after the period
        Assert.Contains("Kolumnen ska vara en av", (await soc.GetAsync($"/api/v1/statistics/follow-up/inflode/people?{period}&by=provider&column=p99.man")
            .ProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("column").Single());
        Assert.NotEmpty(await app.AccessLogAsync(e => e.EntityType == "FollowUpPeople" && e.UserName == "soc.taby" && e.Purpose!.Contains("insatser")));

        // The page's figures link to their people for a caseworker, with a two-level heading for crossed columns.
        var page = WebUtility.HtmlDecode(await (await app.PagesClientFor("soc.taby")).GetStringAsync($"/Statistics/FollowUp?{period}&by=activityKind"));
        Assert.Contains("scope=\"colgroup\"", page);
        foreach (var figure in new[] { "inflode", "bestand", "aktuell-plan", "insatser" })
        {
            Assert.Contains($"figure={figure}&", page);
        }
    }

    [Theory]
    [InlineData("from=2013-06&to=2013-01", "to", "kan inte ligga före")]
    [InlineData("from=2013-01&to=2013-02&by=kommunkod", "by", "Uppdelning ska vara")]
    [InlineData("from=2013-13&to=2014-01", "from", "ÅÅÅÅ-MM")]
    [InlineData("from=2010-01&to=2013-12", "to", "högst 36 månader")]
    public async Task Bad_input_is_answered_with_a_Swedish_problem_naming_the_field(string query, string field, string message)
    {
        var soc = await app.ClientFor("soc.taby");
        var problem = await soc.GetAsync($"/api/v1/statistics/follow-up?{query}").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(message, problem.FieldErrors(field).Single());
        var people = await soc.GetAsync($"/api/v1/statistics/follow-up/inflode/people?{query}").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(message, people.FieldErrors(field).Single());
    }

    [Fact]
    public async Task A_drill_down_row_or_column_that_is_not_in_the_table_is_refused_by_name()
    {
        var soc = await app.ClientFor("soc.taby");
        var row = await soc.GetAsync("/api/v1/statistics/follow-up/inflode/people?from=2013-01&to=2013-02&row=2014-01").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("månad i perioden", row.FieldErrors("row").Single());
        var column = await soc.GetAsync("/api/v1/statistics/follow-up/inflode/people?from=2013-01&to=2013-02&column=alla").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("kvinna", column.FieldErrors("column").Single());
        var page = WebUtility.HtmlDecode(await (await app.PagesClientFor("soc.taby")).GetStringAsync("/Statistics/FollowUp?from=2013-06&to=2013-01"));
        Assert.Contains("kan inte ligga före", page);
    }

    // ------------------------------------------------------------------ planting and reading

    private sealed record Person(Guid Id, string Name);

    private async Task<List<Person>> PeopleAsync(int count, string gender, string born, string afStatus = "notRegistered")
    {
        var client = await app.ClientFor("soc.taby");
        var people = new List<Person>();
        for (var i = 0; i < count; i++)
        {
            var last = TestPeople.UniqueLastName("Uppfoljning");
            var body = new JsonObject
            {
                ["withoutIdentityNumber"] = true,
                ["dateOfBirth"] = born,
                ["firstName"] = "Ulla",
                ["lastName"] = last,
                ["gender"] = gender,
                ["homeMunicipalityCode"] = "0160",
                ["afStatus"] = afStatus,
            };
            var created = await client.PostAsJsonAsync("/api/v1/participants", body).JsonAsync(HttpStatusCode.Created);
            people.Add(new Person(created.Id(), $"Ulla {last}"));
        }

        return people;
    }

    /// <summary>Cases held by the participant's own unit, made with the entity's own methods (dates long past).</summary>
    private Task<int> PlantAsync(IEnumerable<Person> people, DateOnly opened, DateOnly? enrolled, DateOnly? closed, CaseOutcome outcome,
        IncomeSource? before = null, IncomeSource? after = null) =>
        app.WithDbAsync(async db =>
        {
            var by = await db.Users.Where(u => u.UserName == "soc.taby").Select(u => u.Id).SingleAsync();
            var now = DateTime.UtcNow;
            foreach (var person in people)
            {
                var p = await db.Participants.SingleAsync(x => x.Id == person.Id);
                var c = Case.Open(p.Id, p.OwnerOrganisationId, p.OwnerBoundaryId, IntakeSource.Self, opened, "Uppföljningstest", before, by, now);
                if (enrolled is { } on)
                {
                    c.Enrol(on, "Måndagar", Guid.NewGuid(), by, now);
                }

                if (closed is { } end)
                {
                    c.Close(end, outcome, null, null, after, by, now);
                }

                db.Add(c);
            }

            await db.SaveChangesAsync();
            return 0;
        });

    /// <summary>An action plan for March–April 2012 with one activity per (kind, provider).</summary>
    private Task<int> PlanAsync(IEnumerable<Person> people, params (ActivityKind Kind, string Provider)[] activities) =>
        PlanAsync(people, new DateOnly(2012, 3, 10), new DateOnly(2012, 4, 30), activities);

    private Task<int> PlanAsync(IEnumerable<Person> people, DateOnly start, DateOnly end, params (ActivityKind Kind, string Provider)[] activities) =>
        app.WithDbAsync(async db =>
        {
            var user = await db.Users.Where(u => u.UserName == "soc.taby").Select(u => new { u.Id, u.OrganisationId }).SingleAsync();
            foreach (var person in people)
            {
                var plan = ActionPlan.Create(person.Id);
                var revision = plan.Revise(0, "Arbete.", Direction.Employment, start, end, end,
                    activities.Select(a => new PlanActivityDraft(null, a.Kind, "Uppföljningstest", null, a.Provider, start, end, 10, PlanActivityStatus.Ongoing, null)).ToList(),
                    null, user.Id, user.OrganisationId, DateTime.UtcNow);
                db.AddRange(plan, revision);
            }

            await db.SaveChangesAsync();
            return 0;
        });

    /// <summary>Issue 11: every table is split by gender — a column per gender, or the columns crossed with gender.</summary>
    private static void AssertGenderInEveryTable(JsonObject report)
    {
        foreach (var table in report["tables"]!.AsArray().Select(t => t!.AsObject()))
        {
            var columns = table["columns"]!.AsArray().Select(c => (string)c!).ToList();
            Assert.True(columns.Any(c => c == "Kvinnor" || c.EndsWith(": Kvinnor", StringComparison.Ordinal)), $"{table["key"]} has no column for women");
            Assert.True(columns.Any(c => c == "Män" || c.EndsWith(": Män", StringComparison.Ordinal)), $"{table["key"]} has no column for men");
        }
    }

    private static JsonObject Table(JsonObject report, string key) =>
        report["tables"]!.AsArray().Select(t => t!.AsObject()).Single(t => (string)t["key"]! == key);

    private static List<string> Row(JsonObject table, string label) =>
        table["rows"]!.AsArray().Single(r => (string)r!["label"]! == label)!["cells"]!.AsArray().Select(c => (string)c!["text"]!).ToList();

    private static string Cell(JsonObject table, string row, string column)
    {
        var columns = table["columns"]!.AsArray().Select(c => (string)c!).ToList();
        return Row(table, row)[columns.IndexOf(column) - 1];
    }

    private static readonly string[] QuartileRows = ["Första kvartilen, dagar", "Median, dagar", "Tredje kvartilen, dagar"];

    private static List<string> Quartiles(JsonObject table, string column) => QuartileRows.Select(r => Cell(table, r, column)).ToList();

    private static bool Hidden(string text) => text is "<5" or "..";
}
