using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Features.Statistics;

/// <summary>One group of the register's count for a month: how many people share these values (no person, only a count).</summary>
public sealed record RegisterRow(string MunicipalityCode, AfStatus AfStatus, Gender Gender, bool ShortEducated, bool EducationDuty, bool Disability,
    bool SocialAssistance, int Count);

/// <summary>
/// A collaboration's month whose register count is stored (ADR 0031), in <see cref="FrozenRegisterFigure"/>. Two kinds:
/// <b>permanent</b> — culling is about to remove case records the count is made from, so the count as it stood is kept
/// and read ever after (ADR 0023); and a <b>snapshot</b> — the count of a month taken once and reused while nothing it is
/// made from has changed (<see cref="RegisterChange"/>), so a large region's overview does not recount millions of
/// records per reader. A month with no one in it has this row and no figures.
/// </summary>
public sealed class FrozenRegisterMonth
{
    private FrozenRegisterMonth()
    {
    }

    public Guid CollaborationId { get; private set; }
    public DateOnly Month { get; private set; }

    /// <summary>When the count was taken: the moment its query started, so that a change committed meanwhile makes it stale.</summary>
    public DateTime FrozenAt { get; private set; }

    public bool Permanent { get; private set; }

    public static FrozenRegisterMonth Of(Guid collaborationId, DateOnly month, DateTime now) =>
        new() { CollaborationId = collaborationId, Month = month, FrozenAt = now, Permanent = true };

    public static FrozenRegisterMonth Snapshot(Guid collaborationId, DateOnly month, DateTime countedAt) =>
        new() { CollaborationId = collaborationId, Month = month, FrozenAt = countedAt, Permanent = false };

    /// <summary>
    /// Whether the stored count may be shown instead of counting again. A permanent count always. A snapshot while no
    /// change to the cases of its month has been recorded since (<paramref name="changedSince"/>), and — a month that has
    /// ended — when it was taken after the month ended (people's details as they stood then), or — the month still
    /// running — while it is younger than <paramref name="maxAge"/>: its cases change all day, so it is counted at most
    /// that often (<see cref="RegisterChange.SnapshotHolds"/>).
    /// </summary>
    public bool Holds(DateTime now, TimeSpan maxAge, bool changedSince) =>
        Permanent || RegisterChange.SnapshotHolds(Month, FrozenAt, now, maxAge, changedSince);
}

/// <summary>
/// A change to the records the register is counted from, covering the months <see cref="FromMonth"/> to
/// <see cref="ToMonth"/> (open: to this day): a case opened, moved, closed or removed with a date in the past, or a
/// collaboration's members changed (every month). Snapshots taken before <see cref="ChangedAt"/> of those months are
/// stale. Recorded in the same save as the change; pruned once the snapshots it made stale are gone (ADR 0031).
/// </summary>
public sealed class RegisterChange
{
    private RegisterChange()
    {
    }

    public long Id { get; private set; }
    public DateOnly FromMonth { get; private set; }
    public DateOnly? ToMonth { get; private set; }
    public DateTime ChangedAt { get; private set; }

    /// <summary>
    /// <paramref name="changedAt"/> is the save's time plus a small margin (<see cref="RegisterChangeRecorder"/>), so that a
    /// count whose query starts before the save commits — and so cannot see it — is stale even if it starts after this
    /// row was made, also when the instances' clocks differ a little.
    /// </summary>
    public static RegisterChange Of(DateOnly from, DateOnly? to, DateTime changedAt) =>
        new() { FromMonth = new DateOnly(from.Year, from.Month, 1), ToMonth = to is { } t ? new DateOnly(t.Year, t.Month, 1) : null, ChangedAt = changedAt };

    /// <summary>A change to action plans only: it makes stale only the follow-up's counts at a month's end (ADR 0032).</summary>
    public static RegisterChange OfPlans(DateOnly from, DateOnly? to, DateTime changedAt)
    {
        var change = Of(from, to, changedAt);
        change.PlansOnly = true;
        return change;
    }

    /// <summary>Whether only action plans changed: the register's counts and the follow-up's flows do not depend on them.</summary>
    public bool PlansOnly { get; private set; }

    /// <summary>How long after a month's end its count is still taken as the running month's (a save still committing).</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether a month's stored count, taken at <paramref name="countedAt"/>, may be shown instead of counting again (ADR
    /// 0031): an ended month when it was counted after it ended, the running month while the count is younger than
    /// <paramref name="maxAge"/> — and either only while no recorded change has touched it since (<paramref name="changedSince"/>;
    /// a case moved from an ended month into the running one is recorded).
    /// </summary>
    public static bool SnapshotHolds(DateOnly month, DateTime countedAt, DateTime now, TimeSpan maxAge, bool changedSince) =>
        !changedSince && (month.AddMonths(1) > SwedishTime.Today(now)
            ? now - countedAt < maxAge
            : countedAt >= SwedishTime.StartOfDayUtc(month.AddMonths(1)) + Margin);

    /// <summary>Whether this change touches <paramref name="month"/> and was made after <paramref name="since"/>.</summary>
    public bool Touches(DateOnly month, DateTime since) => !PlansOnly && ChangedAt > since && FromMonth <= month && (ToMonth == null || ToMonth >= month);
}

/// <summary>One <see cref="RegisterRow"/> of a frozen month: anonymised aggregate, no personal data.</summary>
public sealed class FrozenRegisterFigure
{
    private FrozenRegisterFigure()
    {
    }

    public long Id { get; private set; }
    public Guid CollaborationId { get; private set; }
    public DateOnly Month { get; private set; }
    public string MunicipalityCode { get; private set; } = "";
    public AfStatus AfStatus { get; private set; }
    public Gender Gender { get; private set; }
    public bool ShortEducated { get; private set; }
    public bool EducationDuty { get; private set; }
    public bool Disability { get; private set; }
    public bool SocialAssistance { get; private set; }
    public int Count { get; private set; }

    public static FrozenRegisterFigure Of(Guid collaborationId, DateOnly month, RegisterRow r) => new()
    {
        CollaborationId = collaborationId, Month = month, MunicipalityCode = r.MunicipalityCode, AfStatus = r.AfStatus, Gender = r.Gender,
        ShortEducated = r.ShortEducated, EducationDuty = r.EducationDuty, Disability = r.Disability, SocialAssistance = r.SocialAssistance,
        Count = r.Count,
    };

    public RegisterRow ToRow() => new(MunicipalityCode, AfStatus, Gender, ShortEducated, EducationDuty, Disability, SocialAssistance, Count);
}

/// <summary>The register's count as rows, live or frozen, and the freezing itself (called by culling before it deletes).</summary>
public static class RegisterCount
{
    /// <summary>
    /// Participants living in <paramref name="codes"/> with a case open some day of the month at one of the collaboration's
    /// organisations (or their units), a person registered by several organisations counted once, grouped in the database.
    /// </summary>
    public static async Task<List<RegisterRow>> LiveAsync(AppDbContext db, Guid collaborationId, IReadOnlyCollection<string> codes, DateOnly month,
        CancellationToken ct)
    {
        var open = (await OpenCasesAsync(db, collaborationId, month, ct)).Select(c => c.ParticipantId);
        var counted = db.Participants.Where(p => codes.Contains(p.HomeMunicipalityCode) && open.Contains(p.Id));
        var statuses = TargetStatuses.All;
        var rows = await counted
            .Where(p => statuses.Contains(p.AfStatus))
            .Where(p => !counted.Any(q => q.IdentityKind == p.IdentityKind && q.IdentityNumber == p.IdentityNumber
                && (q.CreatedAt < p.CreatedAt || (q.CreatedAt == p.CreatedAt && q.Id < p.Id))))
            .GroupBy(p => new
            {
                p.HomeMunicipalityCode,
                p.AfStatus,
                p.Gender,
                Short = p.EducationLevel == EducationLevel.None || p.EducationLevel == EducationLevel.PrimaryShort || p.EducationLevel == EducationLevel.Primary,
                p.EducationDuty,
                Disability = p.Sensitive != null && p.Sensitive.HasRegisteredDisability,
                Assistance = p.IncomeSource == IncomeSource.SocialAssistance,
            })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => new RegisterRow(r.Key.HomeMunicipalityCode, r.Key.AfStatus, r.Key.Gender, r.Key.Short, r.Key.EducationDuty,
            r.Key.Disability, r.Key.Assistance, r.Count)).ToList();
    }

    /// <summary>The cases the register counts in a month: open some day of it at the collaboration's organisations or their units.</summary>
    public static async Task<IQueryable<Case>> OpenCasesAsync(AppDbContext db, Guid collaborationId, DateOnly month, CancellationToken ct)
    {
        var end = month.AddMonths(1).AddDays(-1);
        var members = await db.Collaborations.AsNoTracking().Where(c => c.Id == collaborationId).SelectMany(c => c.Members.Select(m => m.OrganisationId)).ToListAsync(ct);
        var organisations = db.Organisations.Where(o => members.Contains(o.Id) || (o.ParentId != null && members.Contains(o.ParentId.Value))).Select(o => o.Id);
        return db.Set<Case>().Where(c => organisations.Contains(c.OrganisationId) && c.OpenedOn <= end && (c.ClosedOn == null || c.ClosedOn >= month));
    }

    /// <summary>
    /// The register's rows for a month as shown to readers: the stored count while it holds
    /// (<see cref="FrozenRegisterMonth.Holds"/>), otherwise counted live over all the collaboration's municipalities and
    /// stored as the month's snapshot for the next reader. <paramref name="codes"/> only filters what is returned.
    /// </summary>
    public static async Task<RegisterCounted> ReadAsync(AppDbContext db, Guid collaborationId, IReadOnlyCollection<string> codes, DateOnly month,
        DateTime now, TimeSpan runningMonthMaxAge, CancellationToken ct)
    {
        var stored = await db.Set<FrozenRegisterMonth>().AsNoTracking().FirstOrDefaultAsync(m => m.CollaborationId == collaborationId && m.Month == month, ct);
        if (stored is not null && stored.Holds(now, runningMonthMaxAge, !stored.Permanent && await ChangedSinceAsync(db, month, stored.FrozenAt, ct)))
        {
            var figures = await db.Set<FrozenRegisterFigure>().AsNoTracking()
                .Where(f => f.CollaborationId == collaborationId && f.Month == month && codes.Contains(f.MunicipalityCode)).ToListAsync(ct);
            return new RegisterCounted(figures.Select(f => f.ToRow()).ToList(), stored.FrozenAt, Stored: true);
        }

        var rows = await LiveAsync(db, collaborationId, await CollaborationCodesAsync(db, collaborationId, ct), month, ct);
        if (month <= SwedishTime.Today(now))
        {
            await StoreSnapshotAsync(db, collaborationId, month, rows, now, ct);
        }

        return new RegisterCounted(rows.Where(r => codes.Contains(r.MunicipalityCode)).ToList(), now, Stored: false);
    }

    /// <summary>The permanently frozen rows of the month (culling has touched it), or null when it is not frozen.</summary>
    public static async Task<List<RegisterRow>?> FrozenAsync(AppDbContext db, Guid collaborationId, IReadOnlyCollection<string> codes, DateOnly month,
        CancellationToken ct)
    {
        if (!await db.Set<FrozenRegisterMonth>().AnyAsync(m => m.CollaborationId == collaborationId && m.Month == month && m.Permanent, ct))
        {
            return null;
        }

        var figures = await db.Set<FrozenRegisterFigure>().AsNoTracking()
            .Where(f => f.CollaborationId == collaborationId && f.Month == month && codes.Contains(f.MunicipalityCode)).ToListAsync(ct);
        return figures.Select(f => f.ToRow()).ToList();
    }

    private static Task<bool> ChangedSinceAsync(AppDbContext db, DateOnly month, DateTime since, CancellationToken ct) =>
        db.Set<RegisterChange>().AnyAsync(c => !c.PlansOnly && c.ChangedAt > since && c.FromMonth <= month && (c.ToMonth == null || c.ToMonth >= month), ct);

    /// <summary>The municipalities of the collaboration's member organisations (the count's whole scope).</summary>
    public static async Task<List<string>> CollaborationCodesAsync(AppDbContext db, Guid collaborationId, CancellationToken ct)
    {
        var members = db.Set<CollaborationMember>().Where(m => m.CollaborationId == collaborationId).Select(m => m.OrganisationId);
        return await db.Organisations.AsNoTracking().Where(o => members.Contains(o.Id) && o.MunicipalityCode != null)
            .Select(o => o.MunicipalityCode!).Distinct().ToListAsync(ct);
    }

    /// <summary>
    /// Replaces the month's snapshot with <paramref name="rows"/>, counted from <paramref name="countedAt"/>, in one
    /// transaction; a permanent count is never replaced, and when another reader stored the same month meanwhile, its
    /// snapshot stands (both counted the same records).
    /// </summary>
    private static async Task StoreSnapshotAsync(AppDbContext db, Guid collaborationId, DateOnly month, List<RegisterRow> rows, DateTime countedAt,
        CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null;
        var transaction = own ? await db.Database.BeginTransactionAsync(ct) : null;
        var added = new List<object>();
        try
        {
            await db.Set<FrozenRegisterMonth>().Where(m => m.CollaborationId == collaborationId && m.Month == month && !m.Permanent).ExecuteDeleteAsync(ct);
            if (await db.Set<FrozenRegisterMonth>().AnyAsync(m => m.CollaborationId == collaborationId && m.Month == month, ct))
            {
                return; // permanent
            }

            await db.Set<FrozenRegisterFigure>().Where(f => f.CollaborationId == collaborationId && f.Month == month).ExecuteDeleteAsync(ct);
            added.Add(FrozenRegisterMonth.Snapshot(collaborationId, month, countedAt));
            added.AddRange(rows.Select(r => FrozenRegisterFigure.Of(collaborationId, month, r)));
            db.AddRange(added);
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        catch (DbUpdateException) when (own)
        {
            // Another reader stored the month first; the count shown is the same.
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
    /// Freezes every collaboration's count permanently for each of <paramref name="months"/> not frozen yet, in the
    /// caller's unit of work (saved with the deletion it protects, so a crash leaves either both or neither); a snapshot
    /// of such a month is counted again first, since it may be stale. Returns the months newly frozen.
    /// </summary>
    public static async Task<int> FreezeAsync(AppDbContext db, IEnumerable<DateOnly> months, DateTime now, CancellationToken ct)
    {
        var wanted = months.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return 0;
        }

        var collaborations = await db.Collaborations.AsNoTracking().Select(c => c.Id).ToListAsync(ct);
        var frozen = await db.Set<FrozenRegisterMonth>().AsNoTracking().Where(m => wanted.Contains(m.Month) && m.Permanent)
            .Select(m => new { m.CollaborationId, m.Month }).ToListAsync(ct);
        var count = 0;
        foreach (var collaboration in collaborations)
        {
            var own = await CollaborationCodesAsync(db, collaboration, ct);
            foreach (var month in wanted.Where(m => !frozen.Any(f => f.CollaborationId == collaboration && f.Month == m)))
            {
                await db.Set<FrozenRegisterMonth>().Where(m => m.CollaborationId == collaboration && m.Month == month).ExecuteDeleteAsync(ct);
                await db.Set<FrozenRegisterFigure>().Where(f => f.CollaborationId == collaboration && f.Month == month).ExecuteDeleteAsync(ct);
                var rows = await LiveAsync(db, collaboration, own, month, ct);
                db.Add(FrozenRegisterMonth.Of(collaboration, month, now));
                db.AddRange(rows.Select(r => FrozenRegisterFigure.Of(collaboration, month, r)));
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Keeps the snapshots ready (<see cref="RegisterSnapshots"/>): every collaboration's running month and the
    /// <paramref name="months"/> − 1 before it counted where they do not hold; then snapshots made stale by a recorded
    /// change are removed (the follow-up's too, ADR 0032), and changes older than an hour (no count runs that long) are pruned. Returns the months counted.
    /// </summary>
    public static async Task<int> RefreshAsync(AppDbContext db, DateTime now, int months, TimeSpan runningMonthMaxAge, CancellationToken ct)
    {
        var today = SwedishTime.Today(now);
        var running = new DateOnly(today.Year, today.Month, 1);
        var counted = 0;
        foreach (var collaboration in await db.Collaborations.AsNoTracking().Select(c => c.Id).ToListAsync(ct))
        {
            var codes = await CollaborationCodesAsync(db, collaboration, ct);
            for (var k = 0; k < months; k++)
            {
                counted += (await ReadAsync(db, collaboration, codes, running.AddMonths(-k), now, runningMonthMaxAge, ct)).Stored ? 0 : 1;
            }
        }

        var stale = db.Set<FrozenRegisterMonth>().Where(m => !m.Permanent && db.Set<RegisterChange>()
            .Any(c => !c.PlansOnly && c.ChangedAt > m.FrozenAt && c.FromMonth <= m.Month && (c.ToMonth == null || c.ToMonth >= m.Month)));
        await db.Set<FrozenRegisterFigure>().Where(f => stale.Any(m => m.CollaborationId == f.CollaborationId && m.Month == f.Month)).ExecuteDeleteAsync(ct);
        await stale.ExecuteDeleteAsync(ct);
        await FollowUpCounts.RemoveStaleAsync(db, ct);
        var old = now.AddHours(-1);
        await db.Set<RegisterChange>().Where(c => c.ChangedAt < old).ExecuteDeleteAsync(ct);
        return counted;
    }
}

/// <summary>A month's register rows, when they were counted, and whether they came from a stored count.</summary>
public sealed record RegisterCounted(List<RegisterRow> Rows, DateTime CountedAt, bool Stored);

public sealed class FrozenRegisterMonthConfiguration : IEntityTypeConfiguration<FrozenRegisterMonth>
{
    public void Configure(EntityTypeBuilder<FrozenRegisterMonth> builder)
    {
        builder.ToTable("FrozenRegisterMonths");
        builder.HasKey(m => new { m.CollaborationId, m.Month });
    }
}

public sealed class RegisterChangeConfiguration : IEntityTypeConfiguration<RegisterChange>
{
    public void Configure(EntityTypeBuilder<RegisterChange> builder)
    {
        builder.ToTable("RegisterChanges");
        builder.HasIndex(c => c.ChangedAt);
    }
}

public sealed class FrozenRegisterFigureConfiguration : IEntityTypeConfiguration<FrozenRegisterFigure>
{
    public void Configure(EntityTypeBuilder<FrozenRegisterFigure> builder)
    {
        builder.ToTable("FrozenRegisterFigures");
        builder.Property(f => f.MunicipalityCode).HasMaxLength(4);
        builder.Property(f => f.AfStatus).HasMaxLength(40);
        builder.Property(f => f.Gender).HasMaxLength(20);
        builder.HasIndex(f => new { f.CollaborationId, f.Month });
    }
}
