using Arbetsvagen.Features.JobAds;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arbetsvagen.Features.Statistics;

/// <summary>A count that may be suppressed: <see cref="Value"/> null with <see cref="Suppressed"/> when it is 1–4.</summary>
public sealed record CountDto(int? Value, bool Suppressed)
{
    public static CountDto From(int? value) => new(value, value is null);
}

public sealed record OccupationNeedDto(string Ssyk, string Name, int Ads, int Jobs, CountDto CandidatesWithExperience, CountDto CandidatesInterested);

public sealed record RecruitmentNeedsDto(DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, string? MunicipalityCode,
    string MunicipalityName, int Ads, int Jobs, int PreviousAds, int PreviousJobs, string Summary, List<FieldNeed> Fields, List<OccupationNeedDto> Occupations,
    List<MonthFigure> Months, CountDto Candidates)
{
    public static RecruitmentNeedsDto Of(RecruitmentNeedsReport r) => new(r.From, r.To, r.PreviousFrom, r.PreviousTo, r.MunicipalityCode,
        r.MunicipalityCode is null ? "Alla kommuner" : ReferenceData.Instance.MunicipalityName(r.MunicipalityCode), r.Ads, r.Jobs, r.PreviousAds,
        r.PreviousJobs, $"{r.Jobs} jobb i {r.Ads} annonser", r.Fields,
        r.Occupations.Select(o => new OccupationNeedDto(o.Ssyk, o.Name, o.Ads, o.Jobs, CountDto.From(o.Experienced), CountDto.From(o.Interested))).ToList(),
        r.Months, CountDto.From(r.Candidates));
}

public static class StatisticsApi
{
    public static void MapStatisticsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/statistics").WithTags("Statistik");
        group.MapGet("/recruitment-needs", RecruitmentNeeds)
            .WithSummary("Rekryteringsbehov ur platsannonser per kommun och period: yrkesområden efter jobb och annonser med trend, yrkesgrupper med flest jobb mot registrets kandidater med erfarenhet eller intresse (antal 1–4 visas inte)");
    }

    private static async Task<Results<Ok<RecruitmentNeedsDto>, ValidationProblem>> RecruitmentNeeds(string? from, string? to, string? municipalityCode,
        RecruitmentNeeds needs, CancellationToken ct) =>
        await needs.ReadAsync(from, to, municipalityCode, ct) is var outcome && outcome.Failure is { } f
            ? OutcomeResults.Invalid(f.Errors!)
            : TypedResults.Ok(RecruitmentNeedsDto.Of(outcome.Value!));
}
