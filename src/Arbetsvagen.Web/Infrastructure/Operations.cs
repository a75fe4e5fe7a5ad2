using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace Arbetsvagen.Infrastructure;

/// <summary>
/// What an operator watches: <c>/health/live</c> (the process answers), <c>/health/ready</c> (the database answers
/// and the access-log writer keeps up; 503 otherwise, so a load balancer stops sending requests) and
/// <c>/metrics</c> in Prometheus text for administrators: requests and their latency (ASP.NET Core's own meters),
/// database commands and their duration, the access-log writer's queue depth and lag. No metric carries a name,
/// a personnummer or an id: tags are routes, status codes and kinds only.
/// </summary>
public static class Operations
{
    public const string MeterName = "Arbetsvagen";
    public const string MetricsPolicy = "metrics";

    /// <summary>The access-log writer is "not ready" when a request has waited this long for its log rows.</summary>
    public static readonly TimeSpan MaxLogLag = TimeSpan.FromSeconds(30);

    public static void AddOperations(this IServiceCollection services)
    {
        services.AddSingleton<OperationsMetrics>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealth>("database", tags: ["ready"], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<AccessLogHealth>("accessLog", tags: ["ready"]);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Npgsql")
            .AddPrometheusExporter());
        // A scraper signs in like any API client, with an administrator's bearer token (401 without, 403 for others).
        services.AddAuthorization(o => o.AddPolicy(MetricsPolicy, p => p
            .AddAuthenticationSchemes(IdentityConstants.BearerScheme)
            .RequireRole(Roles.Administrator)));
    }

    public static void MapOperations(this WebApplication app)
    {
        // The gauges observe the writer from the first scrape on.
        _ = app.Services.GetRequiredService<OperationsMetrics>();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous().ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync })
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(MetricsPolicy).ExcludeFromDescription();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }
}

public sealed class DatabaseHealth(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("Databasen svarar.")
                : HealthCheckResult.Unhealthy("Databasen svarar inte.");
        }
        catch (DbException)
        {
            return HealthCheckResult.Unhealthy("Databasen svarar inte.");
        }
    }
}

public sealed class AccessLogHealth(AccessLogBatches batches) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lag = batches.Lag;
        return Task.FromResult(!batches.Running
            ? HealthCheckResult.Unhealthy("Loggskrivaren är inte igång.")
            : lag > Operations.MaxLogLag
                ? HealthCheckResult.Unhealthy($"Loggskrivaren ligger {lag.TotalSeconds:F0} s efter ({batches.QueueDepth} väntande).")
                : HealthCheckResult.Healthy($"Loggskrivaren hinner med ({batches.QueueDepth} väntande)."));
    }
}

/// <summary>The product's own instruments, on a meter of this application's container.</summary>
public sealed class OperationsMetrics
{
    private readonly Histogram<double> commandDuration;

    public OperationsMetrics(IMeterFactory meters, AccessLogBatches batches)
    {
        var meter = meters.Create(Operations.MeterName);
        meter.CreateObservableGauge("arbetsvagen.access_log.queue_depth", () => batches.QueueDepth, "{request}",
            "Requests whose access-log rows wait to be committed.");
        meter.CreateObservableGauge("arbetsvagen.access_log.lag", () => batches.Lag.TotalSeconds, "s",
            "How long the oldest waiting request has waited for its access-log rows.");
        meter.CreateObservableCounter("arbetsvagen.access_log.committed", () => batches.Committed, "{request}",
            "Requests whose access-log rows the writer has committed.");
        commandDuration = meter.CreateHistogram<double>("arbetsvagen.db.command.duration", "s", "Database commands and their duration.");
        DatabaseCommandMetrics.Instance.Subscribe(this);
    }

    internal void Record(TimeSpan duration, string outcome) =>
        commandDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
}

/// <summary>Times every database command of every context (both providers); reports to the app's metrics.</summary>
public sealed class DatabaseCommandMetrics : DbCommandInterceptor
{
    public static readonly DatabaseCommandMetrics Instance = new();
    private volatile OperationsMetrics? metrics;

    // One interceptor serves every context of the process; the last application to start reports (one per process
    // in production; tests that start several look at names, not values).
    internal void Subscribe(OperationsMetrics target) => metrics = target;

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        metrics?.Record(eventData.Duration, "ok");
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        metrics?.Record(eventData.Duration, "ok");
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        metrics?.Record(eventData.Duration, "ok");
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        metrics?.Record(eventData.Duration, "ok");
        return ValueTask.FromResult(result);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        metrics?.Record(eventData.Duration, "error");
        return Task.CompletedTask;
    }
}
