using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Arbetsvagen.Features.Statistics;

/// <summary>
/// Records a <see cref="RegisterChange"/> in the same save as a change that alters an ended month's register count (ADR
/// 0031): a case added, removed, moved to another person or organisation, or opened or closed on another date, where
/// the months it touches begin before the running month; any change to which organisations are in a collaboration
/// or where they are; a person's gender or date of birth (the follow-up counts by them, ADR 0032). A change to an action
/// plan's period is recorded apart (<see cref="RegisterChange.PlansOnly"/>): it concerns only the follow-up's current plans.
/// A change within the running month needs no record — its snapshot is recounted at most every few
/// minutes, and a month's snapshot holds only if taken after the month ended.
/// </summary>
public sealed class RegisterChangeRecorder(TimeProvider clock, IConfiguration config) : SaveRecorder
{
    private readonly TimeSpan margin = TimeSpan.FromSeconds(config.GetValue("Statistics:ChangeMarginSeconds", 5));

    private static readonly DateOnly Always = new(1900, 1, 1);

    protected override void Record(AppDbContext db)
    {
        if (db.ChangeTracker.AutoDetectChangesEnabled)
        {
            db.ChangeTracker.DetectChanges();
        }

        var (span, plans) = (new Span(), new Span());
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.State, entry.Entity)
            {
                case (EntityState.Added, Case c):
                    span.Add(c.OpenedOn, c.ClosedOn);
                    break;
                case (EntityState.Deleted, Case):
                    span.Add(entry.Property(nameof(Case.OpenedOn)).OriginalValue as DateOnly? ?? Always, entry.Property(nameof(Case.ClosedOn)).OriginalValue as DateOnly?);
                    break;
                case (EntityState.Modified, Case c):
                    Modified(entry, c, span);
                    break;
                case (EntityState.Added or EntityState.Deleted or EntityState.Modified, CollaborationMember):
                    span.Add(Always, null);
                    break;
                case (EntityState.Modified, Participant):
                    // The follow-up counts cases by gender and age (ADR 0032): a change to either restates every month.
                    if (entry.Property(nameof(Participant.Gender)).IsModified || entry.Property(nameof(Participant.DateOfBirth)).IsModified)
                    {
                        span.Add(Always, null);
                    }

                    break;
                case (EntityState.Added or EntityState.Deleted or EntityState.Modified, ActionPlan plan):
                    Planned(entry, plan, plans);
                    break;
                case (EntityState.Modified, Organisation):
                    if (entry.Property(nameof(Organisation.ParentId)).IsModified || entry.Property(nameof(Organisation.MunicipalityCode)).IsModified)
                    {
                        span.Add(Always, null);
                    }

                    break;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = SwedishTime.Today(now);
        var running = new DateOnly(today.Year, today.Month, 1);
        if (span.From is { } from && from < running)
        {
            db.Add(RegisterChange.Of(from, span.Open ? null : span.To, now + margin));
        }

        if (plans.From is { } planned && planned < running)
        {
            db.Add(RegisterChange.OfPlans(planned, plans.Open ? null : plans.To, now + margin));
        }
    }

    /// <summary>
    /// A plan decides the follow-up's "current plan" at the end of a month (ADR 0032): a plan added or removed changes the
    /// months it covers; a new start or end date only the months between the old date and the new.
    /// </summary>
    private static void Planned(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, ActionPlan plan, Span plans)
    {
        var (starts, ends) = (entry.Property(nameof(ActionPlan.StartsOn)), entry.Property(nameof(ActionPlan.EndsOn)));
        var (oldStart, oldEnd) = ((DateOnly)starts.OriginalValue!, (DateOnly)ends.OriginalValue!);
        if (entry.State == EntityState.Deleted || (entry.State == EntityState.Modified && entry.Property(nameof(ActionPlan.ParticipantId)).IsModified))
        {
            plans.Add(oldStart, oldEnd);
        }

        if (entry.State != EntityState.Modified || entry.Property(nameof(ActionPlan.ParticipantId)).IsModified)
        {
            if (entry.State != EntityState.Deleted && plan.StartsOn != default)
            {
                plans.Add(plan.StartsOn, plan.EndsOn);
            }

            return;
        }

        if (oldStart != plan.StartsOn)
        {
            plans.Between(oldStart, plan.StartsOn);
        }

        if (oldEnd != plan.EndsOn)
        {
            plans.Between(oldEnd, plan.EndsOn);
        }
    }

    private static void Modified(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, Case c, Span span)
    {
        var opened = entry.Property(nameof(Case.OpenedOn));
        var closed = entry.Property(nameof(Case.ClosedOn));
        var (oldOpened, oldClosed) = ((DateOnly)opened.OriginalValue!, (DateOnly?)closed.OriginalValue);
        if (entry.Property(nameof(Case.ParticipantId)).IsModified || entry.Property(nameof(Case.OrganisationId)).IsModified)
        {
            span.Add(oldOpened, oldClosed);
            span.Add(c.OpenedOn, c.ClosedOn);
            return;
        }

        // The follow-up counts closed cases by outcome and income (ADR 0032): a correction changes the month of the closing.
        if (c.ClosedOn is { } closedOn && (entry.Property(nameof(Case.Outcome)).IsModified || entry.Property(nameof(Case.IncomeBefore)).IsModified
            || entry.Property(nameof(Case.IncomeAfter)).IsModified))
        {
            span.Add(closedOn, closedOn);
        }

        // Only the months between the old and the new date count differently.
        if (oldOpened != c.OpenedOn)
        {
            span.Between(oldOpened, c.OpenedOn);
        }

        if (oldClosed != c.ClosedOn)
        {
            var (early, late) = oldClosed is null ? (c.ClosedOn!.Value, (DateOnly?)null)
                : c.ClosedOn is null ? (oldClosed.Value, null)
                : oldClosed < c.ClosedOn ? (oldClosed.Value, c.ClosedOn) : (c.ClosedOn.Value, oldClosed);
            span.Add(early, late);
        }
    }

    /// <summary>The months touched, as one range from the earliest to the latest (open when any is open).</summary>
    private sealed class Span
    {
        public DateOnly? From { get; private set; }
        public DateOnly? To { get; private set; }
        public bool Open { get; private set; }

        public void Add(DateOnly from, DateOnly? to)
        {
            From = From is { } f && f < from ? f : from;
            if (to is null)
            {
                Open = true;
            }
            else if (To is null || To < to)
            {
                To = to;
            }
        }

        /// <summary>The months from the earlier of two dates to the later.</summary>
        public void Between(DateOnly a, DateOnly b) => Add(a < b ? a : b, a < b ? b : a);
    }
}

public static class RegisterChangesSetup
{
    /// <summary>The recorder of changes to ended months: for the app and for commands that write data while it runs.</summary>
    public static IServiceCollection AddRegisterChanges(this IServiceCollection services) =>
        services.AddSingleton<ISaveChangesInterceptor, RegisterChangeRecorder>();
}

/// <summary>
/// Keeps the register's monthly snapshots ready in the background (ADR 0031), every
/// <c>Statistics:SnapshotMinutes</c> (default 10; 0 turns it off): each collaboration's running month and the months
/// before it (<c>Statistics:SnapshotMonths</c>, default 13) counted where their snapshot does not hold, and the
/// follow-up's last 37 months (ADR 0032), so that a reader of a large region seldom waits for a count.
/// </summary>
public sealed class RegisterSnapshots(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<RegisterSnapshots> logger)
    : BackgroundService
{
    public static TimeSpan RunningMonthMaxAge(IConfiguration config) => TimeSpan.FromMinutes(config.GetValue("Statistics:RunningMonthMinutes", 10));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = config.GetValue("Statistics:SnapshotMinutes", 10);
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
                var counted = await RegisterCount.RefreshAsync(db, clock.GetUtcNow().UtcDateTime, config.GetValue("Statistics:SnapshotMonths", 13),
                    RunningMonthMaxAge(config), stoppingToken);
                await FollowUpCounts.RefreshAsync(db, clock.GetUtcNow().UtcDateTime, FollowUpWork.MaxMonths + 1, RunningMonthMaxAge(config), stoppingToken);
                if (counted > 0 && logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Registrets månadsantal: {Months} månader räknade", counted);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Registrets månadsantal kunde inte räknas; nytt försök om {Minutes} minuter", minutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
