using Arbetsvagen.Features.JobAds;
using Arbetsvagen.Features.Matching;
using Arbetsvagen.Features.Requirements;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Statistics;

/// <summary>An occupation field's demand in the period and the one before: "51 jobb i 39 annonser", and the trend.</summary>
public sealed record FieldNeed(string? FieldId, string FieldName, int Ads, int Jobs, int PreviousAds, int PreviousJobs);

/// <summary>
/// An occupation group's demand (ads, jobs) beside the supply in the register: candidates who have worked in it and who
/// want to. A count of 1–4 is null (shown "&lt;5") so that no person can be singled out. Only primary suppression: the
/// table has no totals, and the region's figures are not published beside a municipality's in the same view.
/// </summary>
public sealed record OccupationNeed(string Ssyk, string Name, int Ads, int Jobs, int? Experienced, int? Interested);

public sealed record RecruitmentNeedsReport(DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, string? MunicipalityCode,
    int Ads, int Jobs, int PreviousAds, int PreviousJobs, List<FieldNeed> Fields, List<OccupationNeed> Occupations, List<MonthFigure> Months,
    int? Candidates)
{
    public const int SuppressBelow = 5;
}

/// <summary>
/// Recruitment needs from job ads (issue 11 §3): per municipality (or the whole region) and period, the occupation fields
/// by jobs and ads with their trend, the occupation groups with most vacancies, and against each the candidates in the
/// register who have experience of it or want it — a supply and demand view in counts only.
/// </summary>
public sealed class RecruitmentNeeds(AppDbContext db, JobAdWork jobAds, MatchingIndex index, MatchingWork matching)
{
    public const int TopOccupations = 15;

    public async Task<Outcome<RecruitmentNeedsReport>> ReadAsync(string? from, string? to, string? municipalityCode, CancellationToken ct)
    {
        var figures = await jobAds.FiguresAsync(from, to, municipalityCode, null, ct);
        if (figures.Value is not { } f)
        {
            return figures.Failure!;
        }

        var code = string.IsNullOrWhiteSpace(municipalityCode) ? null : municipalityCode.Trim();
        var fields = f.Rows.GroupBy(r => r.OccupationFieldId)
            .Select(g => new FieldNeed(g.Key, JobAdWork.FieldName(g.Key), g.Sum(r => r.Ads), g.Sum(r => r.Jobs), g.Sum(r => r.PreviousAds), g.Sum(r => r.PreviousJobs)))
            .Where(n => n.Ads > 0)
            .OrderByDescending(n => n.Jobs).ThenByDescending(n => n.Ads).ThenBy(n => n.FieldName, SwedishCollation.Comparer).ToList();

        var ads = db.JobAds.AsNoTracking().Where(a => a.PublishedOn >= f.From && a.PublishedOn <= f.To && a.SsykCode != null && a.MunicipalityCode != null);
        if (code is not null)
        {
            ads = ads.Where(a => a.MunicipalityCode == code);
        }

        var demand = await ads.GroupBy(a => a.SsykCode!).Select(g => new { Ssyk = g.Key, Ads = g.Count(), Jobs = g.Sum(a => a.Vacancies) })
            .OrderByDescending(g => g.Jobs).ThenByDescending(g => g.Ads).ThenBy(g => g.Ssyk).Take(TopOccupations).ToListAsync(ct);

        // The supply is the reader's collaborations' people, living in the municipality (or anywhere).
        var mine = await matching.InMyCollaborationsAsync(ct);
        var people = (await index.CurrentAsync(db, ct)).All().Where(p => (code is null || p.HomeMunicipalityCode == code) && mine(p.Key)).ToList();
        var experienced = Count(people.SelectMany(p => p.ExperienceSsyk));
        var interested = Count(people.SelectMany(p => p.InterestSsyk));
        var occupations = demand.Select(d => new OccupationNeed(d.Ssyk, RequirementTaxonomy.Instance.OccupationGroups.LabelOf(d.Ssyk), d.Ads, d.Jobs,
            Shown(experienced, d.Ssyk), Shown(interested, d.Ssyk))).ToList();

        return new RecruitmentNeedsReport(f.From, f.To, f.PreviousFrom, f.PreviousTo, code, fields.Sum(n => n.Ads), fields.Sum(n => n.Jobs),
            fields.Sum(n => n.PreviousAds), fields.Sum(n => n.PreviousJobs), fields, occupations, f.Months,
            people.Count is > 0 and < RecruitmentNeedsReport.SuppressBelow ? null : people.Count);
    }

    private static Dictionary<int, int> Count(IEnumerable<int> groups) => groups.GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The count, or null when 1–4 (small counts are not shown).</summary>
    private static int? Shown(Dictionary<int, int> counts, string ssyk)
    {
        var n = int.TryParse(ssyk, out var group) ? counts.GetValueOrDefault(group) : 0;
        return n is > 0 and < RecruitmentNeedsReport.SuppressBelow ? null : n;
    }
}
