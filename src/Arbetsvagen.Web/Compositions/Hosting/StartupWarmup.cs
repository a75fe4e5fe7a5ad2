using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Arbetsvagen.Compositions.Hosting;

/// <summary>
/// A freshly started server runs unoptimised code and compiles every query on first use, so the first requests of a
/// restart under load queue behind the JIT (ADR 0029). With "Warmup:Enabled" the server, once it listens, first
/// builds the EF model, runs a few queries of the shapes the busy pages use (ids and counts only: no personal data is
/// read, so nothing is written to the access log) and fetches its public pages from itself a few times; until then
/// <c>/health/ready</c> answers 503, so a load balancer sends no users to a cold instance.
/// </summary>
public sealed class StartupWarmup(IServiceScopeFactory scopes, IServer server, IHostApplicationLifetime lifetime, ILogger<StartupWarmup> logger)
    : BackgroundService
{
    private static readonly string[] PublicPaths = ["/Account/Login", "/Public", "/Accessibility", "/api/v1/public/opportunities", "/health/live"];

    private volatile bool done;

    public bool Done => done;

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue("Warmup:Enabled", false))
        {
            return;
        }

        services.AddSingleton<StartupWarmup>();
        services.AddHostedService(s => s.GetRequiredService<StartupWarmup>());
        services.AddHealthChecks().AddCheck<WarmupHealth>("warmup", tags: ["ready"]);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await WhenListeningAsync(stoppingToken);
            await QueriesAsync(stoppingToken);
            await PublicPagesAsync(stoppingToken);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Uppvärmningen tog {Seconds:F1} s.", started.Elapsed.TotalSeconds);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // a failed warm-up must not keep the server out of service: it is only slower at first
        catch (Exception e)
#pragma warning restore CA1031
        {
            if (logger.IsEnabled(LogLevel.Warning))
            {
                logger.LogWarning(e, "Uppvärmningen avbröts efter {Seconds:F1} s; servern tar emot trafik ändå.", started.Elapsed.TotalSeconds);
            }
        }

        done = true;
    }

    private Task WhenListeningAsync(CancellationToken ct)
    {
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(listening.SetResult);
        return listening.Task.WaitAsync(ct);
    }

    /// <summary>The provider, the model and the query pipeline: a page's first query then only compiles its own shape.</summary>
    private async Task QueriesAsync(CancellationToken ct)
    {
        for (var round = 0; round < 3; round++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var nobody = Guid.NewGuid();
            await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => o.Id).Take(50).ToListAsync(ct);
            await db.Participants.AsNoTracking().Where(p => p.OwnerBoundaryId == nobody).OrderBy(p => p.LastName).ThenBy(p => p.Id)
                .Select(p => p.Id).Take(25).ToListAsync(ct);
            await db.Participants.AsNoTracking().Where(p => p.OwnerBoundaryId == nobody).CountAsync(ct);
            await db.Users.AsNoTracking().Where(u => u.Id == nobody).Select(u => u.Id).FirstOrDefaultAsync(ct);
            await db.Participants.AsNoTracking().Where(p => p.Id == nobody).FirstOrDefaultAsync(ct);
        }
    }

    private async Task PublicPagesAsync(CancellationToken ct)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => a.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://[::1]", StringComparison.Ordinal))
            .OrderBy(a => a.StartsWith("https", StringComparison.Ordinal)) // plain HTTP on loopback first: no certificate to trust
            .FirstOrDefault();
        if (address is null)
        {
            return; // a test host has no sockets
        }

        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        for (var round = 0; round < 5; round++)
        {
            foreach (var path in PublicPaths)
            {
                using var response = await http.GetAsync(path, ct);
                await response.Content.ReadAsByteArrayAsync(ct);
            }
        }
    }
}

public sealed class WarmupHealth(StartupWarmup warmup) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(warmup.Done ? HealthCheckResult.Healthy("Uppvärmd.") : HealthCheckResult.Unhealthy("Servern värms upp."));
}
