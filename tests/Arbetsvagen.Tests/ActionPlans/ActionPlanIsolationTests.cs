using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Tests.Infrastructure;
using Arbetsvagen.Tests.Participants;
using Xunit;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Tests.ActionPlans;

/// <summary>
/// Every action-plan endpoint, called by a user outside the owner's boundary whom no consent names, answers 404
/// and logs exactly one `denied` entry for the participant (and nothing else).
/// </summary>
public sealed class ActionPlanIsolationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Receiver = "Norrtälje vuxenutbildning"; // none of the outsiders belongs to it

    public static readonly string[] Endpoints = ["GET plan", "POST revision", "GET revisions", "GET revision"];

    public static TheoryData<string, string> Matrix() => IsolationMatrix.Of(IsolationMatrixTests.Outsiders, Endpoints);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Outsiders_get_404_and_one_denied_entry(string user, string endpoint)
    {
        var owner = await app.ClientFor("soc.taby");
        var target = await app.CreateParticipantAsync("soc.taby");
        await app.GiveConsentAsync(target.Id, [Receiver], ["identity", "caseAndPlan"]);
        await owner.PostAsJsonAsync($"/api/v1/participants/{target.Id}/action-plan/revisions", ActionPlansApiTests.PlanBody(0))
            .JsonAsync(HttpStatusCode.Created);
        var client = await app.ClientFor(user);
        var path = $"/api/v1/participants/{target.Id}/action-plan";

        await app.AssertRefusedAsync(endpoint switch
        {
            "GET plan" => client.GetAsync(path),
            "POST revision" => client.PostAsJsonAsync($"{path}/revisions", ActionPlansApiTests.PlanBody(1)),
            "GET revisions" => client.GetAsync($"{path}/revisions"),
            "GET revision" => client.GetAsync($"{path}/revisions/1"),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null),
        }, target.Id, user);
    }
}
