using System.Security.Claims;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Features;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.RegionalReport;

/// <summary>
/// Generates reports in the background, one at a time, each as the user who asked for it: the sources' own access rules
/// and the access log see that user (ADR 0025). The user's claims live only in this queue; a report still queued or running
/// when the service stops cannot be resumed as them, so at start such reports are marked failed with a message to try again.
/// </summary>
public sealed class RegionalReportRunner(IServiceScopeFactory scopes, IHttpContextAccessor accessor, ILogger<RegionalReportRunner> logger) : BackgroundService
{
    private readonly Channel<(Guid Id, ClaimsPrincipal User)> queue = Channel.CreateUnbounded<(Guid, ClaimsPrincipal)>();

    public void Enqueue(Guid reportId, ClaimsPrincipal user) => queue.Writer.TryWrite((reportId, user));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await MarkAbandonedAsync(stoppingToken);
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
            await scope.ServiceProvider.GetRequiredService<RegionalReportWork>().RunAsync(id, ct);
        }
        finally
        {
            await response.StartAsync(); // writes the access log rows the sources recorded, as a response would
            accessor.HttpContext = null;
        }
    }

    private async Task MarkAbandonedAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<RegionalReport>().Where(r => r.Status == RegionalReportStatus.Queued || r.Status == RegionalReportStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegionalReportStatus.Failed)
                    .SetProperty(r => r.Error, "Tjänsten startades om innan rapporten var klar. Beställ den igen.")
                    .SetProperty(r => r.ProgressText, "Avbruten."), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Marking unfinished regional reports as failed did not work");
        }
    }

    private async Task FailAsync(Guid id, string why, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<RegionalReport>().Where(r => r.Id == id && r.Status != RegionalReportStatus.Published)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegionalReportStatus.Failed).SetProperty(r => r.Error, why)
                    .SetProperty(r => r.ProgressText, "Avbruten."), ct);
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
