using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Arbetsvagen.Infrastructure;

/// <summary>
/// Which reverse proxies may tell the client's address (X-Forwarded-For) and scheme (X-Forwarded-Proto): only those
/// named in "ForwardedHeaders:KnownProxies" (addresses) or "ForwardedHeaders:KnownNetworks" (CIDR ranges), separated by
/// commas. None by default, not even the loopback that ASP.NET Core trusts out of the box: a header from anyone else is
/// ignored, so a client cannot choose the address that the public form's rate limit and the access log see.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = List(configuration, "ForwardedHeaders:KnownProxies")
            .Select(p => IPAddress.TryParse(p, out var address) ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: \"{p}\" is not an IP address.")).ToList();
        var networks = List(configuration, "ForwardedHeaders:KnownNetworks")
            .Select(n => System.Net.IPNetwork.TryParse(n, out var network) ? network
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: \"{n}\" is not a network such as 10.0.0.0/8.")).ToList();
        return services.Configure<ForwardedHeadersOptions>(o =>
        {
            // With both lists empty the middleware would believe anyone's header, so without a proxy named it reads none.
            o.ForwardedHeaders = proxies.Count + networks.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
    }

    private static string[] List(IConfiguration configuration, string key) =>
        (configuration[key] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
}
