using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Features.JobTracks;
using Arbetsvagen.Features.Placements;
using Arbetsvagen.Features.Requirements;
using Arbetsvagen.Infrastructure;
using Microsoft.Extensions.Caching.Memory;

namespace Arbetsvagen.Compositions.PublicSite;

/// <summary>What the public may apply for through their caseworker. Other placement kinds are decided by a caseworker, not applied for.</summary>
public enum OpportunityKind
{
    [Display(Name = "Praktik")] WorkExperience,
    [Display(Name = "Lärlingsplats")] Apprenticeship,
    [Display(Name = "Feriejobb")] SummerJob,
    [Display(Name = "Jobbspår")] JobTrack,
}

/// <summary>One open opportunity as anyone may read it: never a person, a supervisor, a booking, a price or a team.</summary>
public sealed record Opportunity(Guid Id, OpportunityKind Kind, string Title, string Where, string MunicipalityCode, string Ssyk4,
    string Description, string When, int Places, List<string> Employers, List<Requirement> Requirements)
{
    /// <summary>A short reference a person can give their caseworker ("PR-1A2B3C4D"), so that nobody needs a link with an id.</summary>
    public string Reference => (Kind == OpportunityKind.JobTrack ? "JS-" : "PR-") + Id.ToString("N")[..8].ToUpperInvariant();

    public string KindLabel => EnumText.Label(Kind);
}

/// <summary>The public page's filter: municipality code, SSYK major group (one digit, the occupation area), kind; page from 1.</summary>
public sealed record OpportunityFilter(string? Municipality, string? Area, OpportunityKind? Kind, int Page = 1);

public sealed record OpportunityPage(List<Opportunity> Items, int Page, int PageSize, int TotalCount, int PlacesCount);

/// <summary>
/// The open placements, apprenticeships, summer jobs and job tracks in recruitment of the whole region, read once a
/// minute from the two features and kept in memory, so that the public page and API answer from memory when warm
/// (the page's output is cached as well). Nothing here is personal: the features' public read models leave it out.
/// </summary>
public sealed class PublicOpportunities(IMemoryCache cache, IServiceScopeFactory scopes) : IDisposable
{
    public const int PageSize = 25;
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);
    private const string CacheKey = "public-opportunities";

    /// <summary>The SSYK 2012 major groups (yrkesområden), as SCB names them; the public filter's occupation areas.</summary>
    public static readonly (string Code, string Name)[] Areas =
    [
        ("1", "Chefsyrken"),
        ("2", "Yrken med krav på fördjupad högskolekompetens"),
        ("3", "Yrken med krav på högskolekompetens eller motsvarande"),
        ("4", "Yrken inom administration och kundtjänst"),
        ("5", "Service-, omsorgs- och försäljningsyrken"),
        ("6", "Yrken inom lantbruk, trädgård, skogsbruk och fiske"),
        ("7", "Yrken inom byggverksamhet och tillverkning"),
        ("8", "Yrken inom maskinell tillverkning och transport m.m."),
        ("9", "Yrken med krav på kortare utbildning eller introduktion"),
        ("0", "Militära yrken"),
    ];

    public async Task<OpportunityPage> FindAsync(OpportunityFilter filter, CancellationToken ct)
    {
        var all = await AllAsync(ct);
        var found = all.Where(o => (filter.Municipality is not { Length: > 0 } m || o.MunicipalityCode == m)
            && (filter.Area is not { Length: > 0 } a || o.Ssyk4.StartsWith(a, StringComparison.Ordinal))
            && (filter.Kind is not { } k || o.Kind == k)).ToList();
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (found.Count + PageSize - 1) / PageSize));
        return new OpportunityPage(found.Skip((page - 1) * PageSize).Take(PageSize).ToList(), page, PageSize, found.Count, found.Sum(o => o.Places));
    }

    public async Task<Opportunity?> FindAsync(Guid id, CancellationToken ct) => (await AllAsync(ct)).FirstOrDefault(o => o.Id == id);

    /// <summary>The municipalities that have something open, in Swedish order, for the filter.</summary>
    public async Task<List<Municipality>> MunicipalitiesAsync(CancellationToken ct)
    {
        var codes = (await AllAsync(ct)).Select(o => o.MunicipalityCode).ToHashSet();
        return ReferenceData.Instance.MunicipalitiesByName.Where(m => codes.Contains(m.Code)).ToList();
    }

    private readonly SemaphoreSlim loading = new(1, 1);

    public void Dispose() => loading.Dispose();

    /// <summary>
    /// The list from memory; after it expires, one request reads it again while the others wait for that read instead
    /// of each reading 20,000 placements at once (a stampede that made a quiet minute's first requests take seconds).
    /// </summary>
    private async Task<List<Opportunity>> AllAsync(CancellationToken ct)
    {
        if (cache.TryGetValue(CacheKey, out List<Opportunity>? kept))
        {
            return kept!;
        }

        await loading.WaitAsync(ct);
        try
        {
            return (await cache.GetOrCreateAsync(CacheKey, async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = KeptFor;
                // Its own scope: the list outlives the request that happened to fill it.
                await using var scope = scopes.CreateAsyncScope();
                var placements = await scope.ServiceProvider.GetRequiredService<PlacementWork>().OpenForPublicAsync(new PublicPlacementFilter(), ct, max: int.MaxValue);
                var tracks = await scope.ServiceProvider.GetRequiredService<JobTrackWork>().InRecruitmentForPublicAsync(ct);
                return tracks.Select(FromJobTrack)
                    .Concat(placements.Where(p => KindOf(p.Kind) is not null).Select(FromPlacement))
                    .ToList();
            }))!;
        }
        finally
        {
            loading.Release();
        }
    }

    private static OpportunityKind? KindOf(PlacementKind kind) => kind switch
    {
        PlacementKind.WorkExperience => OpportunityKind.WorkExperience,
        PlacementKind.Apprenticeship => OpportunityKind.Apprenticeship,
        PlacementKind.SummerJob => OpportunityKind.SummerJob,
        _ => null,
    };

    private static Opportunity FromPlacement(PublicPlacement p)
    {
        var occupation = ReferenceData.Instance.Occupations.GetValueOrDefault(p.OccupationId);
        var periods = string.Join(", ", p.Periods.Select(x => $"{Ui.Date(x.StartsOn)} – {Ui.Date(x.EndsOn)}"));
        var notes = string.Join(" ", new[] { p.AccessibilityNote, p.LanguageSupportNote }.Where(n => !string.IsNullOrWhiteSpace(n)));
        return new Opportunity(p.Id, KindOf(p.Kind)!.Value, occupation?.Name ?? "Praktikplats", Place(p.City, p.MunicipalityCode), p.MunicipalityCode,
            occupation?.Ssyk4 ?? "", string.IsNullOrWhiteSpace(notes) ? p.Tasks : $"{p.Tasks} {notes}", periods,
            p.Periods.Sum(x => x.Places), p.EmployerName is { Length: > 0 } name ? [name] : [], p.Requirements);
    }

    private static Opportunity FromJobTrack(PublicJobTrack t) => new(t.Id, OpportunityKind.JobTrack, t.Title,
        Place(null, t.MunicipalityCode), t.MunicipalityCode, t.Ssyk4,
        $"{t.Description} Utbildning till {t.OccupationName.ToLowerInvariant()}, därefter anställning som {t.EmploymentForm.ToLowerInvariant()}.".Trim(),
        $"Utbildningen börjar {Ui.Date(t.TrainingStartsOn)} och pågår {t.TrainingWeeks} veckor", t.Places, t.Employers, []);

    private static string Place(string? city, string code)
    {
        var municipality = ReferenceData.Instance.MunicipalityName(code);
        return string.IsNullOrWhiteSpace(city) || city.Equals(municipality, StringComparison.OrdinalIgnoreCase) ? municipality : $"{city}, {municipality}";
    }
}
