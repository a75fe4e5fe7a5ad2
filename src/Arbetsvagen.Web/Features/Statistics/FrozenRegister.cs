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
/// A collaboration's month whose register count is frozen (ADR 0023): culling is about to remove case records the count
/// is made from, so the count as it stood is kept in <see cref="FrozenRegisterFigure"/> and read from there ever after.
/// A month with no one in it is frozen too (it has this row and no figures).
/// </summary>
public sealed class FrozenRegisterMonth
{
    private FrozenRegisterMonth()
    {
    }

    public Guid CollaborationId { get; private set; }
    public DateOnly Month { get; private set; }
    public DateTime FrozenAt { get; private set; }

    public static FrozenRegisterMonth Of(Guid collaborationId, DateOnly month, DateTime now) =>
        new() { CollaborationId = collaborationId, Month = month, FrozenAt = now };
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
        var start = month;
        var end = month.AddMonths(1).AddDays(-1);
        var members = await db.Collaborations.AsNoTracking().Where(c => c.Id == collaborationId).SelectMany(c => c.Members.Select(m => m.OrganisationId)).ToListAsync(ct);
        var organisations = db.Organisations.Where(o => members.Contains(o.Id) || (o.ParentId != null && members.Contains(o.ParentId.Value))).Select(o => o.Id);
        var open = db.Set<Case>().Where(c => organisations.Contains(c.OrganisationId) && c.OpenedOn <= end && (c.ClosedOn == null || c.ClosedOn >= start))
            .Select(c => c.ParticipantId);
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

    /// <summary>The frozen rows of the month, or null when the month is not frozen (count it live).</summary>
    public static async Task<List<RegisterRow>?> FrozenAsync(AppDbContext db, Guid collaborationId, IReadOnlyCollection<string> codes, DateOnly month,
        CancellationToken ct)
    {
        if (!await db.Set<FrozenRegisterMonth>().AnyAsync(m => m.CollaborationId == collaborationId && m.Month == month, ct))
        {
            return null;
        }

        var figures = await db.Set<FrozenRegisterFigure>().AsNoTracking()
            .Where(f => f.CollaborationId == collaborationId && f.Month == month && codes.Contains(f.MunicipalityCode)).ToListAsync(ct);
        return figures.Select(f => f.ToRow()).ToList();
    }

    /// <summary>
    /// Freezes every collaboration's count for each of <paramref name="months"/> not frozen yet, in the caller's unit of
    /// work (saved with the deletion it protects, so a crash leaves either both or neither). Returns the months newly frozen.
    /// </summary>
    public static async Task<int> FreezeAsync(AppDbContext db, IEnumerable<DateOnly> months, DateTime now, CancellationToken ct)
    {
        var wanted = months.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return 0;
        }

        var collaborations = await db.Collaborations.AsNoTracking().Include(c => c.Members).ToListAsync(ct);
        var memberIds = collaborations.SelectMany(c => c.Members.Select(m => m.OrganisationId)).Distinct().ToList();
        var codes = await db.Organisations.AsNoTracking().Where(o => memberIds.Contains(o.Id) && o.MunicipalityCode != null)
            .Select(o => new { o.Id, o.MunicipalityCode }).ToListAsync(ct);
        var frozen = await db.Set<FrozenRegisterMonth>().AsNoTracking().Where(m => wanted.Contains(m.Month))
            .Select(m => new { m.CollaborationId, m.Month }).ToListAsync(ct);
        var count = 0;
        foreach (var collaboration in collaborations)
        {
            var own = codes.Where(o => collaboration.Members.Any(m => m.OrganisationId == o.Id)).Select(o => o.MunicipalityCode!).Distinct().ToList();
            foreach (var month in wanted.Where(m => !frozen.Any(f => f.CollaborationId == collaboration.Id && f.Month == m)))
            {
                var rows = await LiveAsync(db, collaboration.Id, own, month, ct);
                db.Add(FrozenRegisterMonth.Of(collaboration.Id, month, now));
                db.AddRange(rows.Select(r => FrozenRegisterFigure.Of(collaboration.Id, month, r)));
                count++;
            }
        }

        return count;
    }
}

public sealed class FrozenRegisterMonthConfiguration : IEntityTypeConfiguration<FrozenRegisterMonth>
{
    public void Configure(EntityTypeBuilder<FrozenRegisterMonth> builder)
    {
        builder.ToTable("FrozenRegisterMonths");
        builder.HasKey(m => new { m.CollaborationId, m.Month });
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
