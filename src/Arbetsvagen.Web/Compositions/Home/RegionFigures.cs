using System.Globalization;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Features.Referrals;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Compositions.Home;

/// <summary>
/// A count as the start pages show it. 1–4 is shown as "färre än 5" so that a small count cannot point at a few
/// persons; the number itself never leaves this type, and no table shows a total from which it could be worked out.
/// </summary>
public readonly record struct ProtectedCount
{
    public const int Threshold = 5;

    private readonly int value;

    public ProtectedCount(int value) => this.value = value;

    public bool IsZero => value == 0;

    public override string ToString() => value is > 0 and < Threshold
        ? $"färre än {Threshold}"
        : value.ToString("N0", CultureInfo.GetCultureInfo("sv-SE"));
}

public sealed record LabelledCount(string Label, ProtectedCount Count);

public sealed record ReferralFlow(string From, string To, ProtectedCount Count);

public sealed record RegionOrganisation(string Name, string Kind, List<string> Units);

/// <summary>For the Analytiker: how many, per organisation and per state, across the whole collaboration.</summary>
public sealed record AnalystFigures(List<LabelledCount> ParticipantsPerOrganisation, List<LabelledCount> OpenCasesByState,
    List<LabelledCount> ReferralsByState);

/// <summary>For the Samordnare: the collaboration's organisations and the referral flows between them.</summary>
public sealed record CoordinatorFigures(List<RegionOrganisation> Organisations, List<ReferralFlow> ReferralFlows);

/// <summary>
/// Aggregates for the roles that never see a person (Analytiker, Samordnare), until statistics and reports land:
/// counts only, read with GROUP BY so that no participant row is loaded, and not access-logged since no personal
/// data is shown.
/// </summary>
public sealed class RegionFigures(AppDbContext db, TimeProvider clock)
{
    /// <summary>Referrals are counted by the day they were sent, over this many months back.</summary>
    public const int ReferralMonths = 12;

    private static readonly StringComparer Swedish = SwedishCollation.Comparer;

    private DateOnly ReferralsSince => SwedishTime.Today(clock.GetUtcNow().UtcDateTime).AddMonths(-ReferralMonths);

    public async Task<AnalystFigures> ForAnalystAsync(CancellationToken ct)
    {
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var perOrganisation = await db.Participants.GroupBy(p => p.OwnerOrganisationId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var cases = await db.Set<Case>().Where(c => c.State != CaseState.Closed).GroupBy(c => c.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var since = ReferralsSince;
        var referrals = await db.Set<Referral>().Where(r => r.SentOn >= since).GroupBy(r => r.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        return new AnalystFigures(
            perOrganisation.Select(o => new LabelledCount(names.GetValueOrDefault(o.Key, "Okänd organisation"), new ProtectedCount(o.Count)))
                .OrderBy(o => o.Label, Swedish).ToList(),
            // Every state is listed, an empty one as 0, so the table reads the same from month to month.
            EnumText.Values<CaseState>().Where(s => s != CaseState.Closed)
                .Select(s => new LabelledCount(EnumText.Label(s), new ProtectedCount(cases.FirstOrDefault(c => c.Key == s)?.Count ?? 0))).ToList(),
            EnumText.Values<ReferralState>()
                .Select(s => new LabelledCount(EnumText.Label(s), new ProtectedCount(referrals.FirstOrDefault(r => r.Key == s)?.Count ?? 0))).ToList());
    }

    public async Task<CoordinatorFigures> ForCoordinatorAsync(CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(ct);
        var names = organisations.ToDictionary(o => o.Id, o => o.Name);
        var since = ReferralsSince;
        var flows = await db.Set<Referral>().Where(r => r.SentOn >= since).GroupBy(r => new { r.FromOrganisationId, r.ToOrganisationId })
            .Select(g => new { g.Key.FromOrganisationId, g.Key.ToOrganisationId, Count = g.Count() }).ToListAsync(ct);

        return new CoordinatorFigures(
            organisations.Where(o => o.ParentId is null).OrderBy(o => o.Name, Swedish)
                .Select(o => new RegionOrganisation(o.Name, EnumText.Label(o.Kind),
                    organisations.Where(u => u.ParentId == o.Id).Select(u => u.Name).Order(Swedish).ToList()))
                .ToList(),
            flows.Select(f => new ReferralFlow(names.GetValueOrDefault(f.FromOrganisationId, "Okänd organisation"),
                    names.GetValueOrDefault(f.ToOrganisationId, "Okänd organisation"), new ProtectedCount(f.Count)))
                .OrderBy(f => f.From, Swedish).ThenBy(f => f.To, Swedish).ToList());
    }
}
