using System.Net;
using Arbetsvagen.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Infrastructure;

/// <summary>
/// The isolation matrices: every caller who must not reach a participant, against every endpoint of a feature, gets
/// the same 404 as for a record that does not exist, one `denied` entry in the access log and nothing else logged.
/// </summary>
public static class IsolationMatrix
{
    public const string NotFoundDetail = "Posten finns inte eller så har du inte behörighet till den.";

    /// <summary>Every (caller, endpoint) pair, for [MemberData].</summary>
    public static TheoryData<string, string> Of(IEnumerable<string> callers, IEnumerable<string> endpoints)
    {
        var data = new TheoryData<string, string>();
        foreach (var caller in callers)
        {
            foreach (var endpoint in endpoints)
            {
                data.Add(caller, endpoint);
            }
        }

        return data;
    }

    /// <summary>The refusal: 404 with the not-found text, exactly one denied entry for the caller, no read or change logged.</summary>
    public static async Task AssertRefusedAsync(this AppFactory app, Task<HttpResponseMessage> call, Guid participantId, string caller)
    {
        var problem = await call.ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(NotFoundDetail, (string?)problem["detail"]);
        Assert.Single(await app.AccessLogForAsync(participantId, AccessAction.Denied, caller));
        Assert.Empty(await app.AccessLogForAsync(participantId, AccessAction.Read, caller));
        Assert.Empty(await app.AccessLogForAsync(participantId, AccessAction.Update, caller));
        Assert.Empty(await app.AccessLogForAsync(participantId, AccessAction.Create, caller));
    }
}
