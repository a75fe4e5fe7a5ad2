using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Features.Statistics;

/// <summary>The part of a month's follow-up that is stored together (ADR 0032).</summary>
public enum FollowUpPart
{
    /// <summary>Cases opened and closed in the month and open at its end: counted for a range of months at once.</summary>
    Flows,

    /// <summary>Cases open at the month's end by whether the person has a current plan, and those opened 24 months or more
    /// before: counted only for a month that ends a period someone asked for.</summary>
    End,
}

/// <summary>What a stored follow-up figure counts.</summary>
public enum FollowUpMeasure
{
    Opened,
    Closed,
    Open,
    LongTerm,
    WithPlan,
    WithoutPlan,
}

/// <summary>
/// A collaboration's month whose follow-up case counts are stored (ADR 0032), in <see cref="FollowUpFigure"/>: counted
/// once and reused while nothing they are counted from has changed, by the rule of the register's snapshots
/// (<see cref="RegisterChange.SnapshotHolds"/>). A month with no case in it has this row and no figures.
/// </summary>
public sealed class FollowUpMonth
{
    private FollowUpMonth()
    {
    }

    public Guid CollaborationId { get; private set; }
    public DateOnly Month { get; private set; }
    public FollowUpPart Part { get; private set; }

    /// <summary>When the count was taken: the moment its queries started.</summary>
    public DateTime CountedAt { get; private set; }

    public static FollowUpMonth Of(Guid collaborationId, DateOnly month, FollowUpPart part, DateTime countedAt) =>
        new() { CollaborationId = collaborationId, Month = month, Part = part, CountedAt = countedAt };

    /// <summary>
    /// Whether the stored counts may be shown. The flows of a month change only with a change to that month's cases. The
    /// end of a month also depends on cases opened long before it (the 24-month view) and on plans, so any recorded change
    /// that reaches back to the month or earlier makes it stale.
    /// </summary>
    public bool Holds(DateTime now, TimeSpan maxAge, IEnumerable<RegisterChange> changes) =>
        RegisterChange.SnapshotHolds(Month, CountedAt, now, maxAge, Part == FollowUpPart.Flows
            ? changes.Any(c => c.Touches(Month, CountedAt))
            : changes.Any(c => c.ChangedAt > CountedAt && c.FromMonth <= Month));
}

/// <summary>One group of a stored month's follow-up count: how many cases share these values (no person, only a count).</summary>
public sealed class FollowUpFigure
{
    private FollowUpFigure()
    {
    }

    public long Id { get; private set; }
    public Guid CollaborationId { get; private set; }
    public DateOnly Month { get; private set; }
    public FollowUpMeasure Measure { get; private set; }
    public Gender Gender { get; private set; }
    public int? BirthYear { get; private set; }
    public CaseOutcome? Outcome { get; private set; }
    public IncomeSource? IncomeBefore { get; private set; }
    public IncomeSource? IncomeAfter { get; private set; }
    public int Count { get; private set; }

    public static FollowUpFigure Of(Guid collaborationId, FollowUpCount c) => new()
    {
        CollaborationId = collaborationId, Month = c.Month, Measure = c.Measure, Gender = c.Gender, BirthYear = c.BirthYear, Outcome = c.Outcome,
        IncomeBefore = c.IncomeBefore, IncomeAfter = c.IncomeAfter, Count = c.Count,
    };

    public FollowUpCount ToCount() => new(Month, Measure, Gender, BirthYear, Outcome, IncomeBefore, IncomeAfter, Count);
}

/// <summary>A group of cases counted for the follow-up: by the person's gender and birth year (the age band follows from it
/// for any period), and for closed cases by outcome and income before and after.</summary>
public sealed record FollowUpCount(DateOnly Month, FollowUpMeasure Measure, Gender Gender, int? BirthYear, CaseOutcome? Outcome,
    IncomeSource? IncomeBefore, IncomeSource? IncomeAfter, int Count);

/// <summary>
/// The follow-up's case counts by gender and age (ADR 0032): per month, the cases opened, closed (by outcome and income)
/// and open at the end; and for a period's last month, the cases open then by current plan and those open since more than
/// 24 months. Read from the stored months that hold; the others counted live in one go and stored for the next reader.
/// People's gender and date of birth are recorded changes (<see cref="RegisterChangeRecorder"/>), so a stored month always
/// equals a live count.
/// </summary>
public static class FollowUpCounts
{
    public const int LongTermMonths = 24;

    /// <summary>The collaboration's member organisations and their units.</summary>
    public static IQueryable<Guid> Organisations(AppDbContext db, Guid collaborationId)
    {
        var members = db.Collaborations.Where(c => c.Id == collaborationId).SelectMany(c => c.Members.Select(m => m.OrganisationId));
        return db.Organisations.Where(o => members.Contains(o.Id) || (o.ParentId != null && members.Contains(o.ParentId.Value))).Select(o => o.Id);
    }

    /// <summary>The cases held by the collaboration's organisations and their units.</summary>
    public static IQueryable<Case> Cases(AppDbContext db, Guid collaborationId)
    {
        var organisations = Organisations(db, collaborationId);
        return db.Set<Case>().Where(c => organisations.Contains(c.OrganisationId));
    }

    private static DateOnly End(DateOnly month) => month.AddMonths(1).AddDays(-1);

    private static DateOnly Running(DateTime now)
    {
        var today = SwedishTime.Today(now);
        return new DateOnly(today.Year, today.Month, 1);
    }

    /// <summary>
    /// Cases opened and closed in each month from <paramref name="from"/> to <paramref name="to"/>, and open at the end of
    /// the month before <paramref name="from"/> and of each month up to <paramref name="to"/>.
    /// </summary>
    public static async Task<List<FollowUpCount>> FlowsAsync(AppDbContext db, Guid collaborationId, DateOnly from, DateOnly to, DateTime now, TimeSpan maxAge,
        CancellationToken ct)
    {
        var first = from.AddMonths(-1);
        var months = Enumerable.Range(0, ((to.Year - first.Year) * 12) + to.Month - first.Month + 1).Select(first.AddMonths).ToList();
        var holding = await HoldingAsync(db, collaborationId, FollowUpPart.Flows, first.AddMonths(-1), to, now, maxAge, ct);
        var stale = months.Where(m => !holding.Contains(m)).ToList();
        if (stale.Count == 0)
        {
            return await StoredAsync(db, collaborationId, first, to, FlowMeasures, ct);
        }

        // The stale months are counted as one range, from the cases open at the end of the month before it: stored when
        // that month holds, else counted too.
        var (a, b) = (stale[0], stale[^1]);
        var anchor = holding.Contains(a.AddMonths(-1))
            ? await StoredAsync(db, collaborationId, a.AddMonths(-1), a.AddMonths(-1), [FollowUpMeasure.Open], ct)
            : await OpenAtAsync(db, collaborationId, a.AddMonths(-1), ct);
        var counted = await CountFlowsAsync(db, collaborationId, a, b, anchor, ct);
        await StoreAsync(db, collaborationId, FollowUpPart.Flows, Enumerable.Range(0, months.IndexOf(b) - months.IndexOf(a) + 1).Select(a.AddMonths)
            .Where(m => m <= Running(now)).ToList(), counted, now, ct);
        var kept = await StoredAsync(db, collaborationId, first, to, FlowMeasures, ct);
        return [.. kept.Where(c => c.Month < a || c.Month > b), .. counted];
    }

    /// <summary>The cases open at the end of <paramref name="month"/>, by current plan and — opened more than 24 months before — by age.</summary>
    public static async Task<List<FollowUpCount>> EndAsync(AppDbContext db, Guid collaborationId, DateOnly month, DateTime now, TimeSpan maxAge, CancellationToken ct)
    {
        if ((await HoldingAsync(db, collaborationId, FollowUpPart.End, month, month, now, maxAge, ct)).Contains(month))
        {
            return await StoredAsync(db, collaborationId, month, month, EndMeasures, ct);
        }

        var end = End(month);
        var since = end.AddMonths(-LongTermMonths);
        var open = Cases(db, collaborationId).Where(c => c.OpenedOn <= end && (c.ClosedOn == null || c.ClosedOn > end));
        var plans = db.Set<ActionPlan>();
        var longTerm = await (from c in open
                              where c.OpenedOn < since
                              join p in db.Participants on c.ParticipantId equals p.Id
                              group c by new { p.Gender, BirthYear = p.DateOfBirth == null ? (int?)null : p.DateOfBirth.Value.Year } into g
                              select new { g.Key.Gender, g.Key.BirthYear, Count = g.Count() }).ToListAsync(ct);
        var withPlan = await (from c in open
                              join p in db.Participants on c.ParticipantId equals p.Id
                              group c by new
                              {
                                  HasPlan = plans.Any(a => a.ParticipantId == c.ParticipantId && a.StartsOn <= end && a.EndsOn >= end),
                                  p.Gender,
                                  BirthYear = p.DateOfBirth == null ? (int?)null : p.DateOfBirth.Value.Year,
                              } into g
                              select new { g.Key.HasPlan, g.Key.Gender, g.Key.BirthYear, Count = g.Count() }).ToListAsync(ct);
        List<FollowUpCount> counted =
        [
            .. longTerm.Select(r => new FollowUpCount(month, FollowUpMeasure.LongTerm, r.Gender, r.BirthYear, null, null, null, r.Count)),
            .. withPlan.Select(r => new FollowUpCount(month, r.HasPlan ? FollowUpMeasure.WithPlan : FollowUpMeasure.WithoutPlan, r.Gender, r.BirthYear, null, null, null, r.Count)),
        ];
        await StoreAsync(db, collaborationId, FollowUpPart.End, month <= Running(now) ? [month] : [], counted, now, ct);
        return counted;
    }

    /// <summary>The months from <paramref name="from"/> to <paramref name="to"/> whose stored part holds.</summary>
    private static async Task<HashSet<DateOnly>> HoldingAsync(AppDbContext db, Guid collaborationId, FollowUpPart part, DateOnly from, DateOnly to,
        DateTime now, TimeSpan maxAge, CancellationToken ct)
    {
        var stored = await db.Set<FollowUpMonth>().AsNoTracking()
            .Where(m => m.CollaborationId == collaborationId && m.Part == part && m.Month >= from && m.Month <= to).ToListAsync(ct);
        if (stored.Count == 0)
        {
            return [];
        }

        var oldest = stored.Min(m => m.CountedAt);
        var changes = await db.Set<RegisterChange>().AsNoTracking().Where(c => c.ChangedAt > oldest).ToListAsync(ct);
        return stored.Where(m => m.Holds(now, maxAge, changes)).Select(m => m.Month).ToHashSet();
    }

    private static async Task<List<FollowUpCount>> StoredAsync(AppDbContext db, Guid collaborationId, DateOnly from, DateOnly to, FollowUpMeasure[] measures,
        CancellationToken ct) =>
        (await db.Set<FollowUpFigure>().AsNoTracking()
            .Where(f => f.CollaborationId == collaborationId && f.Month >= from && f.Month <= to && measures.Contains(f.Measure)).ToListAsync(ct))
        .Select(f => f.ToCount()).ToList();

    /// <summary>The cases open at the end of <paramref name="month"/>, counted live.</summary>
    private static async Task<List<FollowUpCount>> OpenAtAsync(AppDbContext db, Guid collaborationId, DateOnly month, CancellationToken ct)
    {
        var end = End(month);
        var rows = await (from c in Cases(db, collaborationId)
                          where c.OpenedOn <= end && (c.ClosedOn == null || c.ClosedOn > end)
                          join p in db.Participants on c.ParticipantId equals p.Id
                          group c by new { p.Gender, BirthYear = p.DateOfBirth == null ? (int?)null : p.DateOfBirth.Value.Year } into g
                          select new { g.Key.Gender, g.Key.BirthYear, Count = g.Count() }).ToListAsync(ct);
        return rows.Select(r => new FollowUpCount(month, FollowUpMeasure.Open, r.Gender, r.BirthYear, null, null, null, r.Count)).ToList();
    }

    /// <summary>
    /// The months <paramref name="a"/> to <paramref name="b"/> counted live: opened and closed per month in two grouped
    /// queries, and the cases open at each month's end carried forward from <paramref name="anchor"/> (open at the end of
    /// the month before): open(m) = open(m − 1) + opened(m) − closed(m).
    /// </summary>
    private static async Task<List<FollowUpCount>> CountFlowsAsync(AppDbContext db, Guid collaborationId, DateOnly a, DateOnly b, List<FollowUpCount> anchor,
        CancellationToken ct)
    {
        var (start, end) = (a, End(b));
        var cases = Cases(db, collaborationId);
        var opened = await (from c in cases
                            where c.OpenedOn >= start && c.OpenedOn <= end
                            join p in db.Participants on c.ParticipantId equals p.Id
                            group c by new { c.OpenedOn.Year, c.OpenedOn.Month, p.Gender, BirthYear = p.DateOfBirth == null ? (int?)null : p.DateOfBirth.Value.Year } into g
                            select new { g.Key.Year, g.Key.Month, g.Key.Gender, g.Key.BirthYear, Count = g.Count() }).ToListAsync(ct);
        var closed = await (from c in cases
                            where c.ClosedOn != null && c.ClosedOn >= start && c.ClosedOn <= end
                            join p in db.Participants on c.ParticipantId equals p.Id
                            group c by new
                            {
                                c.ClosedOn!.Value.Year, c.ClosedOn!.Value.Month, c.Outcome, c.IncomeBefore, c.IncomeAfter, p.Gender,
                                BirthYear = p.DateOfBirth == null ? (int?)null : p.DateOfBirth.Value.Year,
                            } into g
                            select new { g.Key.Year, g.Key.Month, g.Key.Outcome, g.Key.IncomeBefore, g.Key.IncomeAfter, g.Key.Gender, g.Key.BirthYear, Count = g.Count() })
            .ToListAsync(ct);
        var counts = new List<FollowUpCount>();
        counts.AddRange(opened.Select(r => new FollowUpCount(new DateOnly(r.Year, r.Month, 1), FollowUpMeasure.Opened, r.Gender, r.BirthYear, null, null, null, r.Count)));
        counts.AddRange(closed.Select(r => new FollowUpCount(new DateOnly(r.Year, r.Month, 1), FollowUpMeasure.Closed, r.Gender, r.BirthYear, r.Outcome, r.IncomeBefore,
            r.IncomeAfter, r.Count)));
        var open = anchor.GroupBy(c => (c.Gender, c.BirthYear)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        for (var month = a; month <= b; month = month.AddMonths(1))
        {
            foreach (var c in counts.Where(c => c.Month == month && c.Measure != FollowUpMeasure.Open))
            {
                open[(c.Gender, c.BirthYear)] = open.GetValueOrDefault((c.Gender, c.BirthYear)) + (c.Measure == FollowUpMeasure.Opened ? c.Count : -c.Count);
            }

            var m = month;
            counts.AddRange(open.Where(o => o.Value != 0).Select(o => new FollowUpCount(m, FollowUpMeasure.Open, o.Key.Gender, o.Key.BirthYear, null, null, null, o.Value)));
        }

        return counts;
    }

    /// <summary>
    /// Replaces the part of <paramref name="months"/> with <paramref name="counts"/>, counted from <paramref name="countedAt"/>,
    /// in one transaction; when another reader stored the same months meanwhile, theirs stand (both counted the same records).
    /// </summary>
    private static async Task StoreAsync(AppDbContext db, Guid collaborationId, FollowUpPart part, List<DateOnly> months, List<FollowUpCount> counts,
        DateTime countedAt, CancellationToken ct)
    {
        if (months.Count == 0)
        {
            return;
        }

        var measures = part == FollowUpPart.Flows ? FlowMeasures : EndMeasures;
        var (from, to) = (months.Min(), months.Max());
        var own = db.Database.CurrentTransaction is null;
        var transaction = own ? await db.Database.BeginTransactionAsync(ct) : null;
        var added = new List<object>();
        try
        {
            await db.Set<FollowUpMonth>().Where(m => m.CollaborationId == collaborationId && m.Part == part && m.Month >= from && m.Month <= to).ExecuteDeleteAsync(ct);
            await db.Set<FollowUpFigure>().Where(f => f.CollaborationId == collaborationId && f.Month >= from && f.Month <= to && measures.Contains(f.Measure))
                .ExecuteDeleteAsync(ct);
            added.AddRange(months.Select(m => FollowUpMonth.Of(collaborationId, m, part, countedAt)));
            added.AddRange(counts.Where(c => c.Month >= from && c.Month <= to && measures.Contains(c.Measure)).Select(c => FollowUpFigure.Of(collaborationId, c)));
            db.AddRange(added);
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        catch (Exception e) when (own && e is DbUpdateException or System.Data.Common.DbException)
        {
            // Another reader stored the months first (or a deadlock chose this one): the counts shown are the same.
        }
        finally
        {
            foreach (var entity in added)
            {
                db.Entry(entity).State = EntityState.Detached;
            }

            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Keeps the follow-up ready (<see cref="RegisterSnapshots"/>): every collaboration's last <paramref name="months"/>
    /// months of flows and the running month's end, counted where they do not hold.
    /// </summary>
    public static async Task RefreshAsync(AppDbContext db, DateTime now, int months, TimeSpan maxAge, CancellationToken ct)
    {
        var running = Running(now);
        foreach (var collaboration in await db.Collaborations.AsNoTracking().Select(c => c.Id).ToListAsync(ct))
        {
            await FlowsAsync(db, collaboration, running.AddMonths(1 - months), running, now, maxAge, ct);
            await EndAsync(db, collaboration, running, now, maxAge, ct);
        }
    }

    /// <summary>
    /// Removes the stored months a recorded change has made stale (before the change itself is pruned). Their figures stay
    /// until the months are counted again (<see cref="StoreAsync"/> replaces them): a reader that found a month holding a
    /// moment ago still finds its figures.
    /// </summary>
    public static async Task RemoveStaleAsync(AppDbContext db, CancellationToken ct)
    {
        var changes = db.Set<RegisterChange>();
        await db.Set<FollowUpMonth>().Where(m => (m.Part == FollowUpPart.Flows
                && changes.Any(c => !c.PlansOnly && c.ChangedAt > m.CountedAt && c.FromMonth <= m.Month && (c.ToMonth == null || c.ToMonth >= m.Month)))
            || (m.Part == FollowUpPart.End && changes.Any(c => c.ChangedAt > m.CountedAt && c.FromMonth <= m.Month))).ExecuteDeleteAsync(ct);
    }

    private static readonly FollowUpMeasure[] FlowMeasures = [FollowUpMeasure.Opened, FollowUpMeasure.Closed, FollowUpMeasure.Open];
    private static readonly FollowUpMeasure[] EndMeasures = [FollowUpMeasure.LongTerm, FollowUpMeasure.WithPlan, FollowUpMeasure.WithoutPlan];
}

public sealed class FollowUpMonthConfiguration : IEntityTypeConfiguration<FollowUpMonth>
{
    public void Configure(EntityTypeBuilder<FollowUpMonth> builder)
    {
        builder.ToTable("FollowUpMonths");
        builder.HasKey(m => new { m.CollaborationId, m.Month, m.Part });
        builder.Property(m => m.Part).HasMaxLength(10);
    }
}

public sealed class FollowUpFigureConfiguration : IEntityTypeConfiguration<FollowUpFigure>
{
    public void Configure(EntityTypeBuilder<FollowUpFigure> builder)
    {
        builder.ToTable("FollowUpFigures");
        builder.Property(f => f.Measure).HasMaxLength(20);
        builder.Property(f => f.Gender).HasMaxLength(20);
        builder.Property(f => f.Outcome).HasMaxLength(40);
        builder.Property(f => f.IncomeBefore).HasMaxLength(40);
        builder.Property(f => f.IncomeAfter).HasMaxLength(40);
        builder.HasIndex(f => new { f.CollaborationId, f.Month });
    }
}
