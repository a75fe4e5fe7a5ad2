using System.Threading.Channels;
using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Features.Kaa;
using Arbetsvagen.Features.Referrals;
using Arbetsvagen.Features.Statistics;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Retention;

/// <summary>
/// Executes an approved run in batches (ADR 0023). Each batch is one transaction: it takes the next pending items the
/// preview listed, keeps those a legal hold placed since then covers, freezes the statistics' month counts the culled
/// cases touch, deletes the records, and marks the items and counts — so a batch either happened whole or not at all,
/// and a run stopped anywhere resumes from its next pending item without losing or counting anything twice.
/// </summary>
public sealed class RetentionExecutor(AppDbContext db, TimeProvider clock, AccessLogKeyRing keys, AccessLogCheckpoints checkpoints,
    ILogger<RetentionExecutor> logger)
{
    public const int DefaultBatchSize = 200;

    /// <summary>Access-log rows deleted per batch once the run's cut is recorded (ADR 0027).</summary>
    public const int LogRowsPerBatch = 5000;

    /// <summary>One batch at a time in this process; across instances the database lock in each batch does the same.</summary>
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Runs batches until the run is done (true) or <paramref name="maxBatches"/> have run (false).
    /// <paramref name="beforeCommit"/> is called with the batch number inside each batch's transaction (tests use it to
    /// kill a batch half-way).
    /// </summary>
    public async Task<bool> RunAsync(Guid runId, int batchSize = DefaultBatchSize, int? maxBatches = null, Func<int, Task>? beforeCommit = null,
        int logRowsPerBatch = LogRowsPerBatch, CancellationToken ct = default)
    {
        for (var batch = 1; maxBatches is null || batch <= maxBatches; batch++)
        {
            await OneAtATime.WaitAsync(ct);
            try
            {
                db.ChangeTracker.Clear();
                if (await BatchAsync(runId, batchSize, logRowsPerBatch, batch, beforeCommit, ct) is false)
                {
                    return true;
                }
            }
            finally
            {
                db.ChangeTracker.Clear();
                OneAtATime.Release();
            }
        }

        return false;
    }

    /// <summary>One batch; false when the run had nothing left (and is now finished) or is not running.</summary>
    private async Task<bool> BatchAsync(Guid runId, int batchSize, int logRowsPerBatch, int number, Func<int, Task>? beforeCommit, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(72617466)", ct);
        }

        var run = await db.Set<RetentionRun>().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null || run.State != RunState.Running)
        {
            return false;
        }

        // Records first; the access log's beginning last, so the rows that record this run's own work stay after its cut.
        var items = await db.Set<RetentionRunItem>().Where(i => i.RunId == runId && i.State == ItemState.Pending && i.Kind != RecordKind.AccessLog)
            .OrderBy(i => i.Id).Take(batchSize).ToListAsync(ct);
        var counts = await db.Set<RetentionRunCount>().Where(c => c.RunId == runId).ToListAsync(ct);
        if (items.Count == 0
            && await db.Set<RetentionRunItem>().FirstOrDefaultAsync(i => i.RunId == runId && i.State == ItemState.Pending && i.Kind == RecordKind.AccessLog, ct)
                is { } logItem)
        {
            var recorded = await LogBatchAsync(run, logItem, counts.FirstOrDefault(c => c.Kind == RecordKind.AccessLog), logRowsPerBatch, ct);
            if (beforeCommit is not null)
            {
                await beforeCommit(number);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            if (recorded is not null)
            {
                await AnchorAsync(recorded, ct);
            }

            return true;
        }

        if (items.Count == 0)
        {
            run.Finish(Now);
            // The run in the log: counts only, never what was culled.
            db.AccessLog.Add(AccessLogEntry.Create(Now, run.ApprovedByUserId, run.ApprovedByName ?? "system", run.OrganisationId, Roles.Administrator,
                AccessAction.Delete, "RetentionRun", run.Id.ToString(), null, null, $"gallring utförd i {run.Batches} omgångar: {RetentionWork.Summary(counts)}"));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return false;
        }

        var held = await HeldAsync(items, ct);
        var culled = items.Where(i => !held.Contains(i.RecordId)).ToList();
        await CullAsync(culled, ct);
        foreach (var item in items)
        {
            if (held.Contains(item.RecordId))
            {
                item.Held();
            }
            else
            {
                item.Culled();
            }
        }

        foreach (var group in items.GroupBy(i => (i.Kind, i.OrganisationId)))
        {
            var count = counts.FirstOrDefault(c => c.Kind == group.Key.Kind && c.OrganisationId == group.Key.OrganisationId);
            count?.Count(group.Count(i => i.State == ItemState.Culled), group.Count(i => i.State == ItemState.Held));
        }

        run.BatchDone(items.Count);
        if (beforeCommit is not null)
        {
            await beforeCommit(number);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// One batch of the access log's part (ADR 0027): the first records the signed cut — ending before the first row of a
    /// person held since the preview — and adds nothing else; the next ones delete the rows it covers, oldest first; the last
    /// finds none left and counts the cut. Returns the cut when this batch recorded it.
    /// </summary>
    private async Task<AccessLogCut?> LogBatchAsync(RetentionRun run, RetentionRunItem item, RetentionRunCount? count, int rowsPerBatch, CancellationToken ct)
    {
        var cut = await db.Set<AccessLogCut>().AsNoTracking().Where(c => c.RunId == run.Id).OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (cut is null && run.LogKeepFrom is { } approved)
        {
            var held = await db.Set<LegalHold>().AsNoTracking().Where(h => h.LiftedAt == null).Select(h => h.ParticipantId).Distinct().ToListAsync(ct);
            var firstHeld = held.Count == 0 ? null
                : await db.AccessLog.Where(a => a.Sequence != null && a.ParticipantId != null && held.Contains(a.ParticipantId.Value)).MinAsync(a => a.Sequence, ct);
            var recorded = await AccessLogCutter.RecordAsync(db, keys, run.Id, Math.Min(approved, firstHeld ?? long.MaxValue), Now,
                run.ApprovedByName ?? "system", run.ApprovedByUserId, run.OrganisationId, ct);
            if (recorded is not null)
            {
                run.BatchDone(0);
                return recorded;
            }
        }

        if (cut is not null && await AccessLogCutter.DeleteChunkAsync(db, cut, rowsPerBatch, ct) > 0)
        {
            run.BatchDone(0);
            return null;
        }

        // Every covered row is gone (or another run had cut this far already): the cut's own count is what this run culled.
        item.Culled();
        var culled = cut?.Deleted ?? 0;
        count?.Count((int)culled, cut is not null && cut.FirstKeptSequence < run.LogKeepFrom ? (int)Math.Max(0, run.LogRows - culled) : 0);
        run.BatchDone(1);
        return null;
    }

    /// <summary>The committed cut into the checkpoint file (and syslog); the database holds it already, so a failure only warns.</summary>
    private async Task AnchorAsync(AccessLogCut cut, CancellationToken ct)
    {
        try
        {
            await checkpoints.AppendCutAsync(cut, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "The access-log cut of run {RunId} could not be written to the checkpoint file", cut.RunId);
        }
    }

    /// <summary>The records of the batch that a legal hold placed after the preview now covers.</summary>
    private async Task<HashSet<Guid>> HeldAsync(List<RetentionRunItem> items, CancellationToken ct)
    {
        var holds = await db.Set<LegalHold>().AsNoTracking().Where(h => h.LiftedAt == null).Select(h => new { h.ParticipantId, h.CaseId }).ToListAsync(ct);
        if (holds.Count == 0)
        {
            return [];
        }

        var participants = holds.Where(h => h.CaseId == null).Select(h => h.ParticipantId).ToList();
        var caseIds = items.Where(i => i.Kind is RecordKind.SocialServicesCase or RecordKind.JobCentreCase).Select(i => i.RecordId).ToList();
        var heldCases = await db.Set<Case>().AsNoTracking().Where(c => caseIds.Contains(c.Id) && participants.Contains(c.ParticipantId)).Select(c => c.Id).ToListAsync(ct);
        var numbers = db.Participants.Where(p => participants.Contains(p.Id)).Select(p => p.IdentityNumber);
        var youthIds = items.Where(i => i.Kind == RecordKind.KaaRecord).Select(i => i.RecordId).ToList();
        var heldYouth = await db.KaaYouth.AsNoTracking().Where(y => youthIds.Contains(y.Id) && numbers.Contains(y.IdentityNumber)).Select(y => y.Id).ToListAsync(ct);
        return [.. heldCases, .. heldYouth, .. holds.Where(h => h.CaseId is not null).Select(h => h.CaseId!.Value)];
    }

    private async Task CullAsync(List<RetentionRunItem> items, CancellationToken ct)
    {
        var caseIds = items.Where(i => i.Kind is RecordKind.SocialServicesCase or RecordKind.JobCentreCase).Select(i => i.RecordId).ToList();
        if (caseIds.Count > 0)
        {
            // Before the cases go, the statistics keep the counts of every month they were open in.
            var spans = await db.Set<Case>().AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.OpenedOn, c.ClosedOn }).ToListAsync(ct);
            await RegisterCount.FreezeAsync(db, spans.SelectMany(s => Months(s.OpenedOn, s.ClosedOn ?? SwedishTime.Today(Now))), Now, ct);
            await db.SaveChangesAsync(ct);

            // A referral sent from the case stays with its recipient, without the link to the culled case.
            await db.Set<Referral>().Where(r => r.FromCaseId != null && caseIds.Contains(r.FromCaseId.Value))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.FromCaseId, (Guid?)null), ct);
            await db.Set<JournalEntry>().Where(j => caseIds.Contains(j.CaseId) && j.CorrectsEntryId != null)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.CorrectsEntryId, (Guid?)null), ct);
            await db.Set<JournalEntry>().Where(j => caseIds.Contains(j.CaseId)).ExecuteDeleteAsync(ct);
            await db.Set<CaseFollowUp>().Where(f => caseIds.Contains(f.CaseId)).ExecuteDeleteAsync(ct);
            await db.Set<CaseStateChange>().Where(h => caseIds.Contains(h.CaseId)).ExecuteDeleteAsync(ct);
            await db.Set<Case>().Where(c => caseIds.Contains(c.Id)).ExecuteDeleteAsync(ct);

            // The deletion bypasses the change recorder: the follow-up's stored months it touches are stale (ADR 0032).
            db.Add(RegisterChange.Of(spans.Min(s => s.OpenedOn), spans.Any(s => s.ClosedOn is null) ? null : spans.Max(s => s.ClosedOn), Now + RegisterChange.Margin));
        }

        // A young person's periods, contacts, measures and shares go with the record (ON DELETE CASCADE).
        var youthIds = items.Where(i => i.Kind == RecordKind.KaaRecord).Select(i => i.RecordId).ToList();
        if (youthIds.Count > 0)
        {
            await db.KaaYouth.Where(y => youthIds.Contains(y.Id)).ExecuteDeleteAsync(ct);
        }

        var importIds = items.Where(i => i.Kind == RecordKind.ImportedFile).Select(i => i.RecordId).ToList();
        if (importIds.Count > 0)
        {
            await db.KaaImports.Where(i => importIds.Contains(i.Id)).ExecuteDeleteAsync(ct);
        }
    }

    private static IEnumerable<DateOnly> Months(DateOnly from, DateOnly to)
    {
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            yield return month;
        }
    }
}

/// <summary>
/// Executes approved runs in the background, one at a time: those approved now, and at start any that a stopped process
/// left running (they resume from their next pending item).
/// </summary>
public sealed class RetentionRunner(IServiceScopeFactory scopes, ILogger<RetentionRunner> logger) : BackgroundService
{
    private readonly Channel<Guid> queue = Channel.CreateUnbounded<Guid>();

    public void Enqueue(Guid runId) => queue.Writer.TryWrite(runId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var id in await db.Set<RetentionRun>().Where(r => r.State == RunState.Running).OrderBy(r => r.PreviewedAt).Select(r => r.Id).ToListAsync(stoppingToken))
            {
                Enqueue(id);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Looking for unfinished culling runs failed");
        }

        try
        {
            await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<RetentionExecutor>().RunAsync(id, ct: stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return; // resumed at the next start from its next pending item
                }
                catch (Exception e)
                {
                    logger.LogError(e, "The culling run {RunId} stopped; it resumes from its next pending item at the next start", id);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
