using System.Security.Claims;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Features;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.RegionalReport;

/// <summary>
/// Generates reports in the background, one at a time, each as the user who asked for it: the sources' own access rules
/// and the access log see that user (ADR 0025). The user's claims live only in this instance's queue, so each report it
/// holds carries this instance's name and a lease that it renews while it lives (ADR 0030). Any instance marks failed the
/// queued or running reports whose lease has run out — their instance stopped, and they cannot be resumed as their user —
/// and a run claims its report with a conditional update, so no report is generated twice.
/// </summary>
public sealed class RegionalReportRunner(IServiceScopeFactory scopes, IHttpContextAccessor accessor, TimeProvider clock, ILogger<RegionalReportRunner> logger)
    : BackgroundService
{
    /// <summary>How long a claim holds without renewal; renewed every third of it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private readonly Channel<(Guid Id, ClaimsPrincipal User)> queue = Channel.CreateUnbounded<(Guid, ClaimsPrincipal)>();

    /// <summary>This instance's name in the claims: the machine, the process and a random part (a restarted process is another).</summary>
    public string Instance { get; } = InstanceName();

    private static string InstanceName()
    {
        var name = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return name.Length <= 100 ? name : name[^100..];
    }

    public void Enqueue(Guid reportId, ClaimsPrincipal user) => queue.Writer.TryWrite((reportId, user));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var keeper = KeepLeasesAsync(stoppingToken);
        await foreach (var (id, user) in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsAsync(id, user, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Generating the regional report {ReportId} failed", id);
                await FailAsync(id, "Rapporten kunde inte tas fram på grund av ett tekniskt fel. Försök igen.", CancellationToken.None);
            }
        }
    }

    private async Task RunAsAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var response = new BackgroundResponse();
        var context = new DefaultHttpContext { User = user, RequestServices = scope.ServiceProvider };
        context.Features.Set<IHttpResponseFeature>(response);
        accessor.HttpContext = context;
        try
        {
            await scope.ServiceProvider.GetRequiredService<RegionalReportWork>().RunAsync(id, Instance, ct);
        }
        finally
        {
            await response.StartAsync(); // writes the access log rows the sources recorded, as a response would
            accessor.HttpContext = null;
        }
    }

    /// <summary>Every third of the lease: renews the leases of the reports this instance holds, and fails those whose holder is gone.</summary>
    private async Task KeepLeasesAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await SweepAsync(ct);
            try
            {
                await Task.Delay(Lease / 3, clock, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round of <see cref="KeepLeasesAsync"/> (public so that a test can run it at a chosen time).</summary>
    public async Task SweepAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var until = now + Lease;
            await db.Set<RegionalReport>().Where(r => r.ClaimedBy == Instance && (r.Status == RegionalReportStatus.Queued || r.Status == RegionalReportStatus.Running))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseUntil, until), ct);
            await db.Set<RegionalReport>()
                .Where(r => (r.Status == RegionalReportStatus.Queued || r.Status == RegionalReportStatus.Running) && (r.LeaseUntil == null || r.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegionalReportStatus.Failed)
                    .SetProperty(r => r.Error, "Tjänsten som tog fram rapporten startades om innan den var klar. Beställ den igen.")
                    .SetProperty(r => r.ProgressText, "Avbruten.").SetProperty(r => r.ClaimedBy, (string?)null)
                    .SetProperty(r => r.Version, r => r.Version + 1), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Renewing the regional reports' leases did not work");
        }
    }

    private async Task FailAsync(Guid id, string why, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<RegionalReport>().Where(r => r.Id == id && r.Status != RegionalReportStatus.Published && r.ClaimedBy == Instance)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegionalReportStatus.Failed).SetProperty(r => r.Error, why)
                    .SetProperty(r => r.ProgressText, "Avbruten.").SetProperty(r => r.ClaimedBy, (string?)null)
                    .SetProperty(r => r.Version, r => r.Version + 1), ct);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Marking the regional report {ReportId} as failed did not work", id);
        }
    }

    /// <summary>The response of a background run: collects what asks to run when a response starts, and runs it at the end.</summary>
    private sealed class BackgroundResponse : HttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> starting = [];

        public override void OnStarting(Func<object, Task> callback, object state) => starting.Add((callback, state));

        public async Task StartAsync()
        {
            foreach (var (callback, state) in starting)
            {
                await callback(state);
            }
        }
    }
}
