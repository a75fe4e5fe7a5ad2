using Arbetsvagen.Infrastructure.Demo;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Mappings;
using Arbetsvagen.Features.Users;
using Arbetsvagen.Compositions.Demo;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Tests.Mappings;

public sealed class MappingsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string TabyJobCentre = "Täby kommun – Jobbcentrum";
    private const string Kcno = DemoNames.KcnoName;
    private const string ShipEngineer = "Nf55_bBW_JXz"; // 1:e Fartygsingenjör in the shipped JobTech list

    private static string Day(int daysFromToday) =>
        Arbetsvagen.Infrastructure.SwedishTime.Today(DateTime.UtcNow).AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object MappingBody(string education, string? health = null, string[]? obstacles = null) => new
    {
        educationLevel = "upperSecondary",
        educationText = education,
        workExperienceText = "Tre år som maskinist.",
        occupations = new[] { ShipEngineer },
        swedishLevel = "sfiD",
        otherLanguages = "Arabiska (modersmål), engelska",
        healthAndLimitations = health,
        socialSituation = "Bor med två barn.",
        interestsAndGoals = "Vill arbeta till sjöss.",
        selfSupportObstacles = obstacles ?? ["language"],
        obstaclesText = "Behöver svenska för yrkesbevis.",
    };

    private Task<int> CountAsync<T>(Guid participantId) where T : class =>
        app.WithDbAsync(db => db.Set<T>().CountAsync(e => EF.Property<Guid>(e, "ParticipantId") == participantId));

    [Fact]
    public async Task Every_save_is_a_new_version_and_earlier_versions_stay_readable()
    {
        var owner = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        var ids = new List<Guid>();
        foreach (var text in new[] { "Gymnasium i Syrien", "Gymnasium i Syrien, validerat", "Gymnasium och Komvux-kurser" })
        {
            var saved = await owner.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/mappings", MappingBody(text)).JsonAsync(HttpStatusCode.Created);
            ids.Add(saved.Id());
        }

        var before = (await app.AccessLogForAsync(participant.Id, AccessAction.Read, "soc.taby")).Count;
        var versions = await owner.GetAsync($"/api/v1/participants/{participant.Id}/mappings").JsonArrayAsync(HttpStatusCode.OK);

        Assert.Equal([3, 2, 1], versions.Select(v => (int)v!["version"]!));
        Assert.Equal("Gymnasium och Komvux-kurser", (string?)versions[0]!["educationText"]);
        Assert.Equal([ShipEngineer], versions[0]!["occupations"]!.AsArray().Select(o => (string)o!));
        Assert.Equal("sfiD", (string?)versions[0]!["swedishLevel"]);
        var first = await owner.GetAsync($"/api/v1/mappings/{ids[0]}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)first["version"]!);
        Assert.Equal("Gymnasium i Syrien", (string?)first["educationText"]);
        Assert.Equal(await app.OrganisationId(DemoNames.SocialServicesName("Täby")), Guid.Parse((string)first["organisationId"]!));

        var reads = await app.AccessLogForAsync(participant.Id, AccessAction.Read, "soc.taby");
        Assert.Equal(before + 2, reads.Count); // one row per GET
        Assert.Equal(["Mapping", "Mapping"], reads.Skip(before).Select(r => r.EntityType));
        Assert.Equal(3, (await app.AccessLogForAsync(participant.Id, AccessAction.Create, "soc.taby")).Count(r => r.EntityType == "Mapping"));
    }

    [Fact]
    public async Task Health_reaches_only_a_sensitive_role_whose_grant_covers_health()
    {
        var owner = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        var created = await owner.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/mappings",
            MappingBody("Grundskola", "Ryggbesvär, kan inte lyfta tungt.", ["language", "health"])).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Ryggbesvär, kan inte lyfta tungt.", (string?)created["healthAndLimitations"]);
        await owner.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/work-ability-assessments",
            new { method = "simulatedTasks", dimensions = new[] { "physical", "pace" }, result = "Klarar fyra timmar lätt arbete." })
            .JsonAsync(HttpStatusCode.Created);

        // The owner's social secretary sees everything.
        var own = (await owner.GetAsync($"/api/v1/participants/{participant.Id}/mappings").JsonArrayAsync(HttpStatusCode.OK))[0]!.AsObject();
        Assert.Equal("Ryggbesvär, kan inte lyfta tungt.", (string?)own["healthAndLimitations"]);
        Assert.Contains("health", own["selfSupportObstacles"]!.AsArray().Select(o => (string?)o));
        var ownAssessment = (await owner.GetAsync($"/api/v1/participants/{participant.Id}/work-ability-assessments").JsonArrayAsync(HttpStatusCode.OK))[0]!;
        Assert.Equal("Klarar fyra timmar lätt arbete.", (string?)ownAssessment["result"]);

        // Same boundary, but a role that does not need sensitive data.
        var counsellor = await app.CreateUserAsync(DemoNames.SocialServicesName("Täby"), Roles.CareerCounsellor);
        await AssertHealthHidden(await app.ClientFor(counsellor.UserName, counsellor.Password), participant.Id);

        // A consent without "health", to a role that would otherwise see it.
        await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity", "caseAndPlan"]);
        var jobCentre = await app.ClientFor("jobb.taby");
        await AssertHealthHidden(jobCentre, participant.Id);

        // A consent with "health", to a role without sensitive access.
        await app.GiveConsentAsync(participant.Id, [Kcno], ["identity", "caseAndPlan", "health"]);
        await AssertHealthHidden(await app.ClientFor("syv.kcno"), participant.Id);

        // Health consent and a sensitive role: shown.
        await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity", "caseAndPlan", "health"]);
        var shared = (await jobCentre.GetAsync($"/api/v1/participants/{participant.Id}/mappings").JsonArrayAsync(HttpStatusCode.OK))[0]!;
        Assert.Equal("Ryggbesvär, kan inte lyfta tungt.", (string?)shared["healthAndLimitations"]);
    }

    private static async Task AssertHealthHidden(HttpClient client, Guid participantId)
    {
        var mapping = (await client.GetAsync($"/api/v1/participants/{participantId}/mappings").JsonArrayAsync(HttpStatusCode.OK))[0]!.AsObject();
        Assert.False(mapping.ContainsKey("healthAndLimitations"));
        Assert.Equal(["language"], mapping["selfSupportObstacles"]!.AsArray().Select(o => (string?)o));
        Assert.Equal("Grundskola", (string?)mapping["educationText"]);
        var single = await client.GetAsync($"/api/v1/mappings/{mapping.Id()}").JsonAsync(HttpStatusCode.OK);
        Assert.False(single.ContainsKey("healthAndLimitations"));
        var assessment = (await client.GetAsync($"/api/v1/participants/{participantId}/work-ability-assessments").JsonArrayAsync(HttpStatusCode.OK))[0]!.AsObject();
        Assert.False(assessment.ContainsKey("result"));
        Assert.Equal(["physical", "pace"], assessment["dimensions"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public async Task A_writer_without_health_access_cannot_change_health_and_it_is_carried_over()
    {
        var owner = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        await owner.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/mappings", MappingBody("Grundskola", "Astma.", ["health"]))
            .JsonAsync(HttpStatusCode.Created);
        await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity", "caseAndPlan"]);
        var jobCentre = await app.ClientFor("jobb.taby");

        var refused = await jobCentre.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/mappings", MappingBody("Grundskola", "Frisk."))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(refused.FieldErrors("healthAndLimitations"));
        var saved = await jobCentre.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/mappings", MappingBody("Grundskola + AUB"))
            .JsonAsync(HttpStatusCode.Created);

        Assert.Equal(2, (int)saved["version"]!);
        Assert.False(saved.ContainsKey("healthAndLimitations"));
        var latest = (await owner.GetAsync($"/api/v1/participants/{participant.Id}/mappings").JsonArrayAsync(HttpStatusCode.OK))[0]!;
        Assert.Equal("Grundskola + AUB", (string?)latest["educationText"]);
        Assert.Equal("Astma.", (string?)latest["healthAndLimitations"]);
        Assert.Equal(["language", "health"], latest["selfSupportObstacles"]!.AsArray().Select(o => (string?)o));
        Assert.Equal(await app.OrganisationId(TabyJobCentre), Guid.Parse((string)latest["organisationId"]!));
    }

    [Fact]
    public async Task Bad_input_names_the_fields_and_stores_nothing()
    {
        var owner = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        var url = $"/api/v1/participants/{participant.Id}";

        var mapping = await owner.PostAsJsonAsync($"{url}/mappings", new JsonObject
        {
            ["educationLevel"] = "phd",
            ["educationText"] = new string('x', 4001),
            ["occupations"] = new JsonArray("inte-ett-yrke"),
            ["selfSupportObstacles"] = new JsonArray("language", "gambling"),
            ["swedishLevel"] = "sfiE",
        }).ProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "educationLevel", "educationText", "occupations", "selfSupportObstacles", "swedishLevel" })
        {
            Assert.NotEmpty(mapping.FieldErrors(field));
        }

        // Unknown values are answered with the allowed ones by their Swedish labels; texts say they are too long.
        Assert.Contains("Gymnasial, fullföljd", mapping.FieldErrors("educationLevel")[0], StringComparison.Ordinal);
        Assert.Contains("SFI kurs D", mapping.FieldErrors("swedishLevel")[0], StringComparison.Ordinal);
        Assert.Contains("Barnomsorg", mapping.FieldErrors("selfSupportObstacles")[0], StringComparison.Ordinal);
        Assert.Equal("Utbildningsbeskrivningen är för lång: högst 4000 tecken, nu 4001.", mapping.FieldErrors("educationText")[0]);
        Assert.Equal(["educationLevel", "educationText", "occupations", "swedishLevel", "selfSupportObstacles"],
            mapping["errors"]!.AsObject().Select(e => e.Key)); // the order of the form
        var otherWithoutText = await owner.PostAsJsonAsync($"{url}/mappings", new { selfSupportObstacles = new[] { "other" } })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(otherWithoutText.FieldErrors("obstaclesText"));

        var position = await owner.PostAsJsonAsync($"{url}/joint-positions", new
        {
            decidedOn = Day(3), partyOrganisationIds = new[] { Guid.NewGuid() }, direction = "north", readiness = "blue", motivation = " ",
        }).ProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "decidedOn", "partyOrganisationIds", "direction", "readiness", "motivation" })
        {
            Assert.NotEmpty(position.FieldErrors(field));
        }

        Assert.Contains("Grön – nära arbetsmarknaden", position.FieldErrors("readiness")[0], StringComparison.Ordinal);
        Assert.Contains("Lokalt jobbspår", position.FieldErrors("direction")[0], StringComparison.Ordinal);
        Assert.Equal("Ange motiveringen.", position.FieldErrors("motivation")[0]);
        var noParties = await owner.PostAsJsonAsync($"{url}/joint-positions", new { direction = "studies", readiness = "green", motivation = "x" })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noParties.FieldErrors("partyOrganisationIds"));

        var assessment = await owner.PostAsJsonAsync($"{url}/work-ability-assessments", new
        {
            method = "guessing", dimensions = Array.Empty<string>(), result = "", assessedOn = Day(1), referralId = Guid.NewGuid(),
        }).ProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "method", "dimensions", "result", "assessedOn", "referralId" })
        {
            Assert.NotEmpty(assessment.FieldErrors(field));
        }

        Assert.Contains("Simulerade arbetsuppgifter", assessment.FieldErrors("method")[0], StringComparison.Ordinal);
        var messages = new[] { mapping, position, noParties, assessment }.SelectMany(p => p["errors"]!.AsObject())
            .SelectMany(e => e.Value!.AsArray().Select(m => (string)m!)).ToList();
        var identifiers = new[]
        {
            typeof(EducationLevel), typeof(SwedishLevel), typeof(SelfSupportObstacles), typeof(Direction), typeof(Readiness), typeof(AssessmentMethod),
            typeof(WorkAbilityDimensions),
        }.SelectMany(t => Enum.GetNames(t)).Select(n => JsonNamingPolicy.CamelCase.ConvertName(n))
            .Where(n => n.Length > 4 && n is not ("other" or "social")); // short names and Swedish words would match ordinary prose
        Assert.DoesNotContain(messages, m => identifiers.Any(id => m.Contains(id, StringComparison.Ordinal)));

        Assert.Equal(0, await CountAsync<Mapping>(participant.Id));
        Assert.Equal(0, await CountAsync<JointPosition>(participant.Id));
        Assert.Equal(0, await CountAsync<WorkAbilityAssessment>(participant.Id));
        Assert.DoesNotContain(await app.AccessLogForAsync(participant.Id, AccessAction.Create, "soc.taby"),
            r => r.EntityType is "Mapping" or "JointPosition" or "WorkAbilityAssessment");
    }

    [Fact]
    public async Task Joint_positions_are_a_history_with_the_current_one_first()
    {
        var owner = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        var parties = new[] { await app.OrganisationId(DemoNames.SocialServicesName("Täby")), await app.OrganisationId(TabyJobCentre) };
        var url = $"/api/v1/participants/{participant.Id}/joint-positions";

        var earlier = await owner.PostAsJsonAsync(url, new
        {
            decidedOn = Day(-30), partyOrganisationIds = parties, people = "Sara Lind, Jonas Ek och deltagaren", direction = "preparatory",
            readiness = "red", motivation = "Behöver SFI och arbetsträning först.",
        }).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("red", (string?)earlier["readiness"]);
        await owner.PostAsJsonAsync(url, new
        {
            decidedOn = Day(0), partyOrganisationIds = parties, direction = "jobTrack", readiness = "yellow", motivation = "Redo för jobbspår busschaufför.",
        }).JsonAsync(HttpStatusCode.Created);

        var history = await owner.GetAsync(url).JsonArrayAsync(HttpStatusCode.OK);

        Assert.Equal(["jobTrack", "preparatory"], history.Select(h => (string?)h!["direction"]));
        Assert.Equal(["yellow", "red"], history.Select(h => (string?)h!["readiness"]));
        Assert.Equal(parties.Order(), history[1]!["partyOrganisationIds"]!.AsArray().Select(p => Guid.Parse((string)p!)).Order());
        Assert.Equal("Sara Lind, Jonas Ek och deltagaren", (string?)history[1]!["people"]);
        Assert.Single(await app.AccessLogAsync(a => a.ParticipantId == participant.Id && a.Action == AccessAction.Read && a.EntityType == "JointPosition"));
    }

    [Fact]
    public async Task A_work_ability_assessment_may_only_point_at_a_referral_about_the_same_participant()
    {
        var owner = await app.ClientFor("soc.taby");
        var assessed = await app.CreateParticipantAsync("soc.taby");
        var other = await app.CreateParticipantAsync("soc.taby");
        var referrals = new Dictionary<Guid, Guid>();
        foreach (var p in new[] { assessed.Id, other.Id })
        {
            await app.GiveConsentAsync(p, [TabyJobCentre], ["identity", "caseAndPlan"]);
            referrals[p] = (await owner.PostAsJsonAsync("/api/v1/referrals", new
            {
                participantId = p, toOrganisationId = await app.OrganisationId(TabyJobCentre), orders = new[] { "workAbilityAssessment" },
                question = "Hur ser arbetsförmågan ut?", expectedReportOn = Day(30),
            }).JsonAsync(HttpStatusCode.Created)).Id();
        }

        var jobCentre = await app.ClientFor("jobb.taby");
        var url = $"/api/v1/participants/{assessed.Id}/work-ability-assessments";
        var body = (Guid referral) => new
        {
            method = "realWorkplace", dimensions = new[] { "social", "endurance" }, result = "Fungerar bra i grupp, orkar halvtid.",
            assessedOn = Day(-1), referralId = referral,
        };

        var wrong = await jobCentre.PostAsJsonAsync(url, body(referrals[other.Id])).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(wrong.FieldErrors("referralId"));
        Assert.Equal(0, await CountAsync<WorkAbilityAssessment>(assessed.Id));

        var recorded = await jobCentre.PostAsJsonAsync(url, body(referrals[assessed.Id])).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(referrals[assessed.Id].ToString(), (string?)recorded["referralId"]);
        Assert.Equal("realWorkplace", (string?)recorded["method"]);
        Assert.False(recorded.ContainsKey("result")); // the job centre's consent does not cover health
        var jonas = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "jobb.taby").Select(u => u.Id).FirstAsync());
        Assert.Equal(jonas.ToString(), (string?)recorded["assessorUserId"]);

        var seenByOwner = (await owner.GetAsync(url).JsonArrayAsync(HttpStatusCode.OK))[0]!;
        Assert.Equal("Fungerar bra i grupp, orkar halvtid.", (string?)seenByOwner["result"]);
    }

    [Fact]
    public async Task A_consent_without_case_and_plan_or_a_withdrawn_one_gives_404_and_one_denied_row()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity", "background"]);
        var jobCentre = await app.ClientFor("jobb.taby");
        var url = $"/api/v1/participants/{participant.Id}/mappings";

        await jobCentre.GetAsync(url).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Single(await app.AccessLogForAsync(participant.Id, AccessAction.Denied, "jobb.taby"));

        var consent = await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity", "caseAndPlan"]);
        await jobCentre.PostAsJsonAsync(url, MappingBody("Gymnasium")).JsonAsync(HttpStatusCode.Created);
        await jobCentre.GetAsync(url).JsonArrayAsync(HttpStatusCode.OK);
        var owner = await app.ClientFor("soc.taby");
        await owner.PostAsync($"/api/v1/consents/{consent}/withdrawal", null).ShouldBe(HttpStatusCode.OK);

        await jobCentre.GetAsync(url).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(2, (await app.AccessLogForAsync(participant.Id, AccessAction.Denied, "jobb.taby")).Count);
        await jobCentre.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/joint-positions", new { direction = "studies" })
            .ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(3, (await app.AccessLogForAsync(participant.Id, AccessAction.Denied, "jobb.taby")).Count);
        Assert.Equal(1, await CountAsync<Mapping>(participant.Id));
    }
}
