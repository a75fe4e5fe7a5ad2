using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Features.Matching;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using M = Arbetsvagen.Matching;

namespace Arbetsvagen.Tests.Matching;

/// <summary>
/// What the index holds of a person (src/Arbetsvagen.Matching/README.md's mapping), read back from the instance's index
/// after the changes are made through the API: the participant, then the latest mapping and joint position on top.
/// </summary>
public sealed class CandidateProfileTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string BusDriver = "6zL8_YYP_1eR"; // SSYK 8331
    private const string ShipEngineer = "Nf55_bBW_JXz";

    private async Task<M.CandidateProfile> ProfileAsync(Guid id)
    {
        var index = app.Services.GetRequiredService<MatchingIndex>();
        return await app.WithDbAsync(async db => (await index.CurrentAsync(db, CancellationToken.None)).Get(id.ToString("D"))!);
    }

    [Fact]
    public async Task A_person_mapping_and_joint_position_become_one_profile()
    {
        var person = await app.CreateParticipantAsync("soc.taby", b =>
        {
            b["homeMunicipalityCode"] = "0187";
            b["drivingLicences"] = new JsonArray("B", "Utökad B");
            b["afStatus"] = "openlyUnemployed";
            b["swedishLevel"] = "sfiB";
            b["educationLevel"] = "primary";
            b["occupationsOfExperience"] = new JsonArray(BusDriver);
        });

        var profile = await ProfileAsync(person.Id);
        Assert.Equal("0187", profile.HomeMunicipalityCode);
        Assert.Equal(M.DrivingLicences.B | M.DrivingLicences.ExtendedB, profile.Licences);
        Assert.True(profile.AfRegistered);
        Assert.Equal(M.SwedishLevel.SfiB, profile.SwedishLevel);
        Assert.Equal([8331], profile.ExperienceSsyk);
        Assert.Null(profile.Readiness);
        var born = PersonalNumberBirth(person.Number);
        Assert.Equal(born, profile.DateOfBirth);

        // The latest mapping's Swedish and education replace the registration's; its occupations count as interests.
        var owner = await app.ClientFor("soc.taby");
        await owner.PostAsJsonAsync($"/api/v1/participants/{person.Id}/mappings", new
        {
            educationLevel = "upperSecondary", occupations = new[] { ShipEngineer }, swedishLevel = "sfiD", selfSupportObstacles = Array.Empty<string>(),
        }).ShouldBe(HttpStatusCode.Created);
        await owner.PostAsJsonAsync($"/api/v1/participants/{person.Id}/joint-positions", new
        {
            decidedOn = Today(), partyOrganisationIds = new[] { await app.OrganisationId("Täby kommun – Socialtjänsten, försörjningsstöd") },
            direction = "jobTrack", readiness = "yellow", motivation = "Vill köra buss.",
        }).ShouldBe(HttpStatusCode.Created);

        profile = await ProfileAsync(person.Id);
        Assert.Equal(M.SwedishLevel.SfiD, profile.SwedishLevel);
        Assert.Equal(M.EducationLevel.UpperSecondary, profile.EducationLevel);
        Assert.Contains(int.Parse(Arbetsvagen.Infrastructure.ReferenceData.Instance.Occupations[ShipEngineer].Ssyk4, CultureInfo.InvariantCulture), profile.InterestSsyk);
        Assert.Equal(M.Readiness.Yellow, profile.Readiness);
        Assert.Equal(M.Direction.JobTrack, profile.Direction);
    }

    private static string Today() => Arbetsvagen.Infrastructure.SwedishTime.Today(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly PersonalNumberBirth(string twelveDigits) =>
        DateOnly.ParseExact(twelveDigits[..8], "yyyyMMdd", CultureInfo.InvariantCulture);
}
