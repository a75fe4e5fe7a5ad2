using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Arbetsvagen.Features.Statistics;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Arbetsvagen.Tests.Statistics;

/// <summary>
/// The target-group overview (issue 11 §1): the register's count for a month, Arbetsförmedlingen's imported figures beside
/// it, the consistency checks catching planted contradictions of each kind, publishing (blocked by a failed check unless
/// someone names a reason), the import's bad input, and the shares' rounding rule. Register figures use months of 2013
/// that no demo case reaches; imports use months of 2026 and 2027.
/// </summary>
public sealed class TargetGroupTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Taby = "0160";

    [Fact]
    public void Shares_are_recomputed_from_counts_with_one_decimal_and_halves_away_from_zero()
    {
        Assert.Equal(12.5m, Shares.Of(1, 8));
        Assert.Equal(33.3m, Shares.Of(1, 3));
        Assert.Equal(66.7m, Shares.Of(2, 3));
        Assert.Equal(6.3m, Shares.Of(1, 16)); // 6,25 → 6,3
        Assert.Equal(100m, Shares.Of(7, 7));
        Assert.Null(Shares.Of(0, 0));
        Assert.Equal("12,5 %", Shares.Show(Shares.Of(1, 8)));
        Assert.True(Shares.Agrees(55.26m, 21, 38));
        Assert.False(Shares.Agrees(55.2m, 21, 38));
    }

    [Fact]
    public async Task The_register_counts_each_person_with_a_case_open_in_the_month_once_and_hides_small_counts_with_their_partners()
    {
        var soc = await app.ClientFor("soc.taby");
        var jobb = await app.ClientFor("jobb.taby");
        async Task<string> Person(HttpClient client, string gender, string status, string education, string income, string openedOn, string? number = null)
        {
            var created = number is null
                ? await app.CreateParticipantAsync(client == soc ? "soc.taby" : "jobb.taby", b => Set(b))
                : null;
            Guid id;
            if (created is null)
            {
                var body = AppFactory.ParticipantBody(number!, "Testa", TestPeople.UniqueLastName());
                Set(body);
                id = (await client.PostAsJsonAsync("/api/v1/participants", body).JsonAsync(HttpStatusCode.Created)).Id();
            }
            else
            {
                id = created.Id;
            }

            await client.PostAsJsonAsync($"/api/v1/participants/{id}/cases", new { source = "self", reason = "Söker stöd", openedOn })
                .ShouldBe(HttpStatusCode.Created);
            return created?.Number ?? number!;

            void Set(JsonObject b)
            {
                b["gender"] = gender;
                b["afStatus"] = status;
                b["educationLevel"] = education;
                b["incomeSource"] = income;
                b["homeMunicipalityCode"] = Taby;
            }
        }

        var women = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            women.Add(await Person(soc, "woman", "establishmentProgramme", "primary", "socialAssistance", "2013-04-10"));
        }

        for (var i = 0; i < 6; i++)
        {
            await Person(soc, "man", "openlyUnemployed", "upperSecondary", "none", "2013-03-01");
        }

        await Person(soc, "woman", "youthJobGuarantee", "upperSecondary", "none", "2013-04-20");
        // The same woman registered again by the job centre: still one person. A case opened in May is not April's.
        await Person(jobb, "woman", "establishmentProgramme", "primary", "socialAssistance", "2013-04-12", women[0]);
        await Person(soc, "man", "openlyUnemployed", "upperSecondary", "none", "2013-05-02");

        var overview = await soc.GetAsync("/api/v1/statistics/target-groups?month=2013-04").JsonAsync(HttpStatusCode.OK);
        var register = Source(overview, "register");
        var taby = Scope(register, Taby);
        var registered = Table(taby, "inskrivna");

        // The one young woman is "<5"; the only other woman in her column (the 7 in the establishment programme) is hidden
        // with her, or the column total would give her away. The May case is not counted: 6 men, not 7.
        Assert.Equal("<5", Cell(registered, "Jobbgarantin för ungdomar", "Kvinnor"));
        Assert.Equal("..", Cell(registered, "Etableringsprogrammet", "Kvinnor"));
        Assert.Equal("6", Cell(registered, "Öppet arbetslösa", "Män"));
        AssertEveryHiddenCellHasAHiddenPartnerInItsRowAndColumn(registered);

        // Seven short-educated women, not eight: the job centre's record of the same woman counts once. Their share of a
        // hidden base is not shown either.
        var shortEducated = Table(taby, "kortutbildade");
        Assert.Equal("7", Cell(shortEducated, "Etableringsprogrammet", "Kvinnor"));
        Assert.Equal("..", Cell(shortEducated, "Etableringsprogrammet", "Andel av de inskrivna, kvinnor"));
        Assert.Equal("0", Cell(shortEducated, "Öppet arbetslösa", "Män"));
        Assert.Equal("0,0 %", Cell(shortEducated, "Öppet arbetslösa", "Andel av de inskrivna, män"));

        var assistance = Table(taby, "forsorjningsstod");
        Assert.Equal("7", Cell(assistance, "Etableringsprogrammet", "Kvinnor"));

        // Every table carries the gender split, in the municipality and in the collaboration.
        foreach (var scope in register["scopes"]!.AsArray())
        {
            foreach (var table in scope!["tables"]!.AsArray())
            {
                var columns = table!["columns"]!.AsArray().Select(c => (string)c!).ToList();
                Assert.Contains("Kvinnor", columns);
                Assert.Contains("Män", columns);
                Assert.Contains("Uppgift saknas", columns);
            }
        }

        // The read is logged, without any person.
        var logged = await app.AccessLogAsync(e => e.EntityType == "TargetGroupStatistics" && e.Action == "search");
        Assert.NotEmpty(logged);
        Assert.All(logged, e => Assert.Null(e.ParticipantId));
    }

    [Fact]
    public async Task The_template_imports_beside_the_register_passes_every_check_and_publishes_without_a_reason()
    {
        var client = await app.ClientFor("samordnare.nordost");
        var template = await client.GetAsync("/api/v1/statistics/imports/template").ShouldBe(HttpStatusCode.OK);
        var bytes = await template.Content.ReadAsByteArrayAsync();
        Assert.Equal(0xEF, bytes[0]); // UTF-8 with BOM, as Excel wants it

        var import = await PostCsv(client, bytes, "mall.csv").JsonAsync(HttpStatusCode.Created);
        Assert.True((bool)import["accepted"]!);
        Assert.Empty(import["contradictions"]!.AsArray());

        var overview = await client.GetAsync("/api/v1/statistics/target-groups?month=2026-10").JsonAsync(HttpStatusCode.OK);
        Assert.NotNull(Source(overview, "register"));
        var af = Scope(Source(overview, "import"), Taby);
        Assert.Equal("38", Cell(Table(af, "inskrivna"), "Etableringsprogrammet", "Kvinnor"));
        Assert.Equal("55,3 %", Cell(Table(af, "kortutbildade"), "Etableringsprogrammet", "Andel av de inskrivna, kvinnor"));
        Assert.Equal("23\u00a0150", Cell(Table(af, "befolkning"), "Befolkning", "Kvinnor"));

        var published = await client.PostAsJsonAsync("/api/v1/statistics/target-groups/publications", new { month = "2026-10" })
            .JsonAsync(HttpStatusCode.Created);
        Assert.Null(published["overrideReason"]);
        var frozen = await client.GetAsync($"/api/v1/statistics/target-groups/publications/{published.Id()}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal("38", Cell(Table(Scope(Source(frozen, "import"), Taby), "inskrivna"), "Etableringsprogrammet", "Kvinnor"));
    }

    [Fact]
    public async Task Planted_contradictions_of_each_kind_are_listed_with_both_values_and_block_publishing_until_someone_names_a_reason()
    {
        var client = await app.ClientFor("analytiker");
        const string csv =
            "kommunkod;månad;status;kön;inskrivna;kortutbildade;funktionsnedsättning;försörjningsstöd;befolkning;andel kortutbildade\n" +
            "0160;2026-11;Etableringsprogrammet;Kvinnor;40;20;3;30;;50,0\n" +
            "0160;2026-11;Etableringsprogrammet;Män;30;35;2;10;;40,0\n" +      // 35 short-educated of 30 (part > whole); 40,0 ≠ 116,7
            "0160;2026-11;Etableringsprogrammet;Totalt;71;55;5;40;;\n" +        // 71 ≠ 40 + 30 (sum)
            "0160;2026-11;Alla;Kvinnor;;;;25;23000;\n";                         // 25 on assistance in all, but 30 among the registered
        var import = await PostCsv(client, Encoding.UTF8.GetBytes(csv), "motsagelser.csv").JsonAsync(HttpStatusCode.Created);
        var found = import["contradictions"]!.AsArray().Select(c => c!.AsObject()).ToList();

        var sum = Assert.Single(found, c => (string)c["kind"]! == "Summa" && ((string)c["where"]!).Contains("inskrivna"));
        Assert.Equal(71, (long)sum["firstValue"]!);
        Assert.Equal(70, (long)sum["secondValue"]!);
        Assert.Contains("rad 4", (string)sum["firstSource"]!);
        Assert.Contains("1 fler", (string)sum["difference"]!);
        Assert.Contains(found, c => (string)c["kind"]! == "Andel" && ((string)c["firstSource"]!).Contains("rad 3"));
        Assert.Contains(found, c => (string)c["kind"]! == "Delmängd" && (long)c["firstValue"]! == 35 && (long)c["secondValue"]! == 30);
        Assert.Contains(found, c => (string)c["kind"]! == "Delmängd" && (long)c["firstValue"]! == 30 && (long)c["secondValue"]! == 25);

        var blocked = await client.PostAsJsonAsync("/api/v1/statistics/target-groups/publications", new { month = "2026-11" })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Rätta siffrorna", blocked.FieldErrors("overrideReason").Single());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<TargetGroupPublication>().CountAsync(p => p.Month == new DateOnly(2026, 11, 1))));

        var published = await client.PostAsJsonAsync("/api/v1/statistics/target-groups/publications",
            new { month = "2026-11", overrideReason = "Arbetsförmedlingens rättade fil kommer först i januari." }).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Arbetsförmedlingens rättade fil kommer först i januari.", (string)published["overrideReason"]!);
        Assert.True((int)published["failedChecks"]! >= 4);
        var logged = await app.AccessLogAsync(e => e.EntityType == "TargetGroupPublication" && e.EntityId == published.Id().ToString());
        Assert.Contains("rättade fil", Assert.Single(logged).Purpose);

        var page = WebUtility.HtmlDecode(await (await app.PagesClientFor("analytiker")).GetStringAsync($"/Statistics/Publications/{published.Id()}"));
        Assert.Contains("Publicerad trots", page);
        Assert.Contains("rättade fil kommer först i januari", page);
    }

    [Theory]
    [InlineData("kommunkod;månad;status;kön;inskrivna;antal\n0160;2027-01;Etableringsprogrammet;Kvinnor;5;5\n", "okänd kolumn ”antal”")]
    [InlineData("kommunkod;månad;kön;inskrivna\n0160;2027-01;Kvinnor;5\n", "kolumnen ”status” saknas")]
    [InlineData("kommunkod;månad;status;kön;inskrivna\n9999;2027-01;Etableringsprogrammet;Kvinnor;5\n", "Rad 2: kommunkod ”9999” är ingen kommunkod")]
    [InlineData("kommunkod;månad;status;kön;inskrivna\n0180;2027-01;Etableringsprogrammet;Kvinnor;5\n", "ingår inte i samverkan")]
    [InlineData("kommunkod;månad;status;kön;inskrivna\n0160;2027-01;Etableringsprogrammet;Kvinnor;-3\n", "inskrivna är negativt")]
    [InlineData("kommunkod;månad;status;kön;inskrivna\n0160;2027-01;Etableringsprogrammet;Kvinnor;4,5\n", "inskrivna ”4,5” är inget heltal")]
    [InlineData("kommunkod;månad;status;kön;inskrivna;kortutbildade;andel kortutbildade\n0160;2027-01;Etableringsprogrammet;Kvinnor;5;5;120\n", "över 100 %")]
    [InlineData("kommunkod;månad;status;kön;inskrivna\n0160;2027-01;Etableringsprogrammet;Kvinnor;5\n0160;2027-01;Etableringsprogrammet;Kvinnor;6\n", "Rad 3: samma kommun")]
    [InlineData("kommunkod;månad;status;kön;inskrivna\n0160;januari;Etableringsprogrammet;Kvinnor;5\n", "ÅÅÅÅ-MM")]
    public async Task A_bad_file_is_rejected_whole_with_the_line_and_the_field_and_nothing_is_imported(string csv, string expected)
    {
        var client = await app.ClientFor("samordnare.nordost");
        var before = await app.WithDbAsync(db => db.Set<ImportedFigure>().CountAsync());
        var csvWithGoodLine = csv + "0160;2027-01;Öppet arbetslösa;Män;12" + new string(';', Math.Max(0, csv.Split('\n')[0].Count(c => c == ';') - 4)) + "\n";
        var problem = await PostCsv(client, Encoding.UTF8.GetBytes(csvWithGoodLine), "fel.csv").ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(problem.FieldErrors("file"), e => e.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<ImportedFigure>().CountAsync()));
    }

    [Fact]
    public async Task Excel_files_are_accepted_where_the_meaning_is_clear_windows_1252_commas_a_dropped_zero_and_a_repeated_line()
    {
        var client = await app.ClientFor("samordnare.nordost");
        var csv = "Kommunkod,Månad,Status,Kön,Inskrivna\r\n160,2027-02,Öppet arbetslösa,Män,\"1 204\"\r\n160,2027-02,Öppet arbetslösa,Män,\"1 204\"\r\n";
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(csv);
        var import = await PostCsv(client, windows1252, "excel.csv").JsonAsync(HttpStatusCode.Created);

        Assert.Equal("Windows-1252", (string)import["encoding"]!);
        Assert.Equal(1, (int)import["lines"]!);
        Assert.Contains(import["report"]!.AsArray(), r => ((string)r!).Contains("Rad 3 upprepar rad 2"));
        var overview = await client.GetAsync("/api/v1/statistics/target-groups?month=2027-02&municipalityCode=0160").JsonAsync(HttpStatusCode.OK);
        Assert.Equal("1\u00a0204", Cell(Table(Scope(Source(overview, "import"), Taby), "inskrivna"), "Öppet arbetslösa", "Män"));
    }

    [Fact]
    public async Task Only_coordinators_analysts_and_administrators_import_and_a_bad_filter_names_its_field()
    {
        var caseworker = await app.ClientFor("soc.taby");
        await PostCsv(caseworker, Encoding.UTF8.GetBytes(TargetGroupImportFile.Template), "mall.csv").ShouldBe(HttpStatusCode.Forbidden);
        await caseworker.PostAsJsonAsync("/api/v1/statistics/target-groups/publications", new { month = "2026-10" }).ShouldBe(HttpStatusCode.Forbidden);

        var month = await caseworker.GetAsync("/api/v1/statistics/target-groups?month=oktober").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("ÅÅÅÅ-MM", month.FieldErrors("month").Single());
        var municipality = await caseworker.GetAsync("/api/v1/statistics/target-groups?municipalityCode=0180").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("ingår inte", municipality.FieldErrors("municipalityCode").Single());
        await caseworker.GetAsync($"/api/v1/statistics/target-groups?collaborationId={Guid.NewGuid()}").ShouldBe(HttpStatusCode.NotFound);
        await caseworker.GetAsync($"/api/v1/statistics/imports/{Guid.NewGuid()}").ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_ended_months_count_is_stored_reused_and_counted_again_when_a_case_of_that_month_changes()
    {
        // February 2014: no demo case reaches it.
        var soc = await app.ClientFor("soc.taby");
        var february = new DateOnly(2014, 2, 1);
        async Task<Guid> Man(string openedOn)
        {
            var created = await app.CreateParticipantAsync("soc.taby", b =>
            {
                b["gender"] = "man";
                b["afStatus"] = "jobAndDevelopmentGuarantee"; // no other test's men are in this row
                b["homeMunicipalityCode"] = Taby;
            });
            return (await soc.PostAsJsonAsync($"/api/v1/participants/{created.Id}/cases", new { source = "self", reason = "Söker arbete", openedOn })
                .JsonAsync(HttpStatusCode.Created)).Id();
        }

        async Task<string> Men()
        {
            var overview = await soc.GetAsync("/api/v1/statistics/target-groups?month=2014-02").JsonAsync(HttpStatusCode.OK);
            return Cell(Table(Scope(Source(overview, "register"), Taby), "inskrivna"), "Jobb- och utvecklingsgarantin", "Män");
        }

        for (var i = 0; i < 5; i++)
        {
            await Man("2014-02-03");
        }

        var january = await Man("2014-01-10"); // still open in February
        Assert.Equal("6", await Men());
        Assert.True(await app.WithDbAsync(db => db.Set<FrozenRegisterMonth>().AnyAsync(m => m.Month == february && !m.Permanent)));

        // The next reader is served the stored count, not a new one: a planted change in it shows.
        await app.WithDbAsync(db => db.Set<FrozenRegisterFigure>().Where(f => f.Month == february)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Count, f => f.Count + 100)));
        Assert.Equal("106", await Men());

        // A case registered late with a February date makes the stored count stale: counted again, with him.
        await Man("2014-02-20");
        Assert.True(await app.WithDbAsync(db => db.Set<RegisterChange>().AnyAsync(c => c.FromMonth == february)));
        Assert.Equal("7", await Men());
        Assert.Equal("7", await Men());

        // Closing January's case on a January date takes him out of February: counted again.
        await soc.PostAsJsonAsync($"/api/v1/cases/{january}/closure", new { closedOn = "2014-01-31", outcome = "moved" }).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("6", await Men());

        // A permanent (culling) count is never replaced, whatever changes.
        var collaboration = (await soc.GetAsync("/api/v1/statistics/target-groups?month=2014-02").JsonAsync(HttpStatusCode.OK))["collaborationId"]!.GetValue<Guid>();
        await app.WithDbAsync(async db =>
        {
            await RegisterCount.FreezeAsync(db, [february], DateTime.UtcNow, default);
            return await db.SaveChangesAsync();
        });
        await Man("2014-02-21");
        Assert.Equal("6", await Men());
        Assert.True(await app.WithDbAsync(db => db.Set<FrozenRegisterMonth>().AnyAsync(m => m.CollaborationId == collaboration && m.Month == february && m.Permanent)));
    }

    [Fact]
    public async Task The_running_month_is_counted_at_most_every_few_minutes_and_the_refresh_counts_missing_months_and_prunes_old_changes()
    {
        var soc = await app.ClientFor("soc.taby");
        var overview = await soc.GetAsync("/api/v1/statistics/target-groups").JsonAsync(HttpStatusCode.OK);
        var collaboration = overview["collaborationId"]!.GetValue<Guid>();
        var now = DateTime.UtcNow;
        var today = SwedishTime.Today(now);
        var running = new DateOnly(today.Year, today.Month, 1);
        async Task<(int Count, bool Stored)> Read(TimeSpan maxAge) => await app.WithDbAsync(async db =>
        {
            var read = await RegisterCount.ReadAsync(db, collaboration, [Taby], running, DateTime.UtcNow, maxAge, default);
            return (read.Rows.Sum(r => r.Count), read.Stored);
        });

        var before = await Read(TimeSpan.FromMinutes(10));
        var created = await app.CreateParticipantAsync("soc.taby", b => { b["afStatus"] = "openlyUnemployed"; b["homeMunicipalityCode"] = Taby; });
        await soc.PostAsJsonAsync($"/api/v1/participants/{created.Id}/cases", new { source = "self", reason = "Söker arbete", openedOn = today.ToString("yyyy-MM-dd") })
            .ShouldBe(HttpStatusCode.Created);

        // Within the running month's age the stored count is shown (and no change is recorded for it); older, it is counted again.
        Assert.Equal((before.Count, true), await Read(TimeSpan.FromMinutes(10)));
        Assert.Equal((before.Count + 1, false), await Read(TimeSpan.Zero));

        // A snapshot of an ended month taken before the month ended does not hold; nor a stale one; a permanent one always.
        var taken = SwedishTime.StartOfDayUtc(running) - TimeSpan.FromDays(3);
        var previous = running.AddMonths(-1);
        Assert.False(FrozenRegisterMonth.Snapshot(collaboration, previous, taken).Holds(now, TimeSpan.FromMinutes(10), changedSince: false));
        Assert.True(FrozenRegisterMonth.Snapshot(collaboration, previous, SwedishTime.StartOfDayUtc(running).AddMinutes(5)).Holds(now, TimeSpan.FromMinutes(10), false));
        Assert.False(FrozenRegisterMonth.Snapshot(collaboration, previous, SwedishTime.StartOfDayUtc(running).AddMinutes(5)).Holds(now, TimeSpan.FromMinutes(10), true));
        Assert.True(FrozenRegisterMonth.Of(collaboration, previous, taken).Holds(now, TimeSpan.FromMinutes(10), true));

        // The background refresh counts what does not hold, then has nothing to do; a change older than an hour is pruned.
        var counted = await app.WithDbAsync(db => RegisterCount.RefreshAsync(db, DateTime.UtcNow, 3, TimeSpan.FromMinutes(10), default));
        Assert.True(counted >= 2, $"{counted} months counted");
        Assert.Equal(0, await app.WithDbAsync(db => RegisterCount.RefreshAsync(db, DateTime.UtcNow, 3, TimeSpan.FromMinutes(10), default)));
        await app.WithDbAsync(async db =>
        {
            db.Add(RegisterChange.Of(new DateOnly(2010, 1, 1), null, DateTime.UtcNow.AddHours(-2)));
            return await db.SaveChangesAsync();
        });
        await app.WithDbAsync(db => RegisterCount.RefreshAsync(db, DateTime.UtcNow, 3, TimeSpan.FromMinutes(10), default));
        Assert.False(await app.WithDbAsync(db => db.Set<RegisterChange>().AnyAsync(c => c.FromMonth == new DateOnly(2010, 1, 1))));
    }

    [Fact]
    public async Task A_caseworker_reaches_the_people_behind_a_register_figure_in_her_own_boundary_only_and_the_opening_is_logged()
    {
        async Task<Guid> Person(string user, string gender, string status)
        {
            var created = await app.CreateParticipantAsync(user, b =>
            {
                b["gender"] = gender;
                b["afStatus"] = status;
                b["homeMunicipalityCode"] = Taby;
            });
            var client = await app.ClientFor(user);
            await client.PostAsJsonAsync($"/api/v1/participants/{created.Id}/cases", new { source = "self", reason = "Söker arbete", openedOn = "2015-06-02" })
                .ShouldBe(HttpStatusCode.Created);
            return created.Id;
        }

        var woman = await Person("soc.taby", "woman", "establishmentProgramme");
        var man = await Person("soc.taby", "man", "establishmentProgramme");
        var elsewhere = await Person("soc.vaxholm", "woman", "establishmentProgramme");

        var soc = await app.ClientFor("soc.taby");
        var women = await soc.GetAsync($"/api/v1/statistics/target-groups/people?month=2015-06&municipalityCode={Taby}&status=establishmentProgramme&gender=woman")
            .JsonAsync(HttpStatusCode.OK);
        var ids = women["people"]!.AsArray().Select(p => p!["participantId"]!.GetValue<Guid>()).ToList();
        Assert.Contains(woman, ids);
        Assert.DoesNotContain(man, ids); // another cell
        Assert.DoesNotContain(elsewhere, ids); // another organisation's case: counted in the figure, not listed
        Assert.Contains("Kvinnor", (string)women["selection"]!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(await app.AccessLogAsync(e => e.EntityType == "TargetGroupPeople" && e.Action == "search"),
            e => e.UserName == "soc.taby" && e.ResultIds!.Contains(woman.ToString(), StringComparison.OrdinalIgnoreCase));

        // Counts only for analysts; bad filters name their field and list nothing.
        await (await app.ClientFor("analytiker")).GetAsync("/api/v1/statistics/target-groups/people?month=2015-06").ShouldBe(HttpStatusCode.Forbidden);
        var status = await soc.GetAsync("/api/v1/statistics/target-groups/people?month=2015-06&status=okänd").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(status.FieldErrors("status"));
        var notTarget = await soc.GetAsync("/api/v1/statistics/target-groups/people?month=2015-06&status=notRegistered").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Etableringsprogrammet", notTarget.FieldErrors("status").Single());
        var month = await soc.GetAsync("/api/v1/statistics/target-groups/people?month=juni").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("ÅÅÅÅ-MM", month.FieldErrors("month").Single());

        // The page: the same list, reached from the overview.
        var pages = await app.PagesClientFor("soc.taby");
        var overview = await pages.GetStringAsync("/Statistics/TargetGroups?month=2015-06");
        Assert.Contains("/Statistics/TargetGroups/People?", overview);
        var page = await pages.GetStringAsync($"/Statistics/TargetGroups/People?month=2015-06&municipalityCode={Taby}&status=EstablishmentProgramme&gender=Woman");
        Assert.Contains("ärenden i din sekretessgräns", page);
    }

    private static Task<HttpResponseMessage> PostCsv(HttpClient client, byte[] content, string fileName)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        return client.PostAsync($"/api/v1/statistics/imports?fileName={fileName}", body);
    }

    private static JsonObject Source(JsonObject overview, string key) =>
        overview["sources"]!.AsArray().Select(s => s!.AsObject()).Single(s => (string)s["key"]! == key);

    private static JsonObject Scope(JsonObject source, string code) =>
        source["scopes"]!.AsArray().Select(s => s!.AsObject()).First(s => (string)s["code"]! == code);

    private static JsonObject Table(JsonObject scope, string key) =>
        scope["tables"]!.AsArray().Select(t => t!.AsObject()).Single(t => (string)t["key"]! == key);

    private static string Cell(JsonObject table, string row, string column)
    {
        var columns = table["columns"]!.AsArray().Select(c => (string)c!).ToList();
        var r = table["rows"]!.AsArray().Select(x => x!.AsObject()).Single(x => (string)x["label"]! == row);
        return (string)r["cells"]![columns.IndexOf(column) - 1]!;
    }

    private static void AssertEveryHiddenCellHasAHiddenPartnerInItsRowAndColumn(JsonObject table)
    {
        var rows = table["rows"]!.AsArray().Select(r => r!["cells"]!.AsArray().Take(4).Select(c => (string)c!).ToArray()).ToArray();
        static bool Hidden(string s) => s is "<5" or "..";
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                if (!Hidden(rows[r][c]))
                {
                    continue;
                }

                Assert.True(Enumerable.Range(0, 4).Count(x => Hidden(rows[r][x])) >= 2, $"row {r} has one hidden cell");
                Assert.True(Enumerable.Range(0, rows.Length).Count(x => Hidden(rows[x][c])) >= 2, $"column {c} has one hidden cell");
            }
        }
    }
}
