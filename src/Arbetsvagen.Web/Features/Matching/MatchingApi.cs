using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using M = Arbetsvagen.Matching;

namespace Arbetsvagen.Features.Matching;

public sealed record OpportunityDto(string Kind, string KindText, Guid Id, string Title, string MunicipalityCode, string MunicipalityName, DateOnly StartsOn)
{
    public static OpportunityDto From(Opportunity o) => new(EnumText.ApiName(o.Kind), EnumText.Label(o.Kind), o.Id, o.Title, o.MunicipalityCode,
        ReferenceData.Instance.MunicipalityName(o.MunicipalityCode), o.Profile.StartsOn);
}

/// <summary>A ranked candidate: <see cref="ParticipantId"/> and <see cref="Name"/> only when the reader may see the person.</summary>
public sealed record CandidateDto(int Rank, bool Named, Guid? ParticipantId, string? Name, int Score, int ProfileFit, int PersonFit,
    M.MatchExplanation Explanation, string? CandidateReference, bool Proposed, bool Asked)
{
    public static CandidateDto From(RankedCandidate c) => new(c.Rank, c.Named, c.ParticipantId, c.Name, c.Score, c.ProfileFit, c.PersonFit,
        c.Explanation, c.AskReference, c.Proposed, c.Asked);
}

/// <summary>
/// The ranking. <see cref="EligibleCount"/> is how many in the collaboration's region meet every must-have (null with
/// <see cref="EligibleSuppressed"/> when 1–4: a small count is not shown outside the people's own organisations).
/// </summary>
public sealed record CandidateRankingDto(OpportunityDto Opportunity, bool AggregateOnly, bool OnlyConsented, int? EligibleCount, bool EligibleSuppressed,
    int CandidateCount, List<CandidateDto> Candidates)
{
    public static CandidateRankingDto From(CandidateRankingShown r)
    {
        var suppressed = r.EligibleCount is > 0 and < 5;
        return new(OpportunityDto.From(r.Opportunity), r.AggregateOnly, r.OnlyConsented, suppressed ? null : r.EligibleCount, suppressed,
            r.CandidateCount, r.Candidates.Select(CandidateDto.From).ToList());
    }
}

public sealed record RankedOpportunityDto(OpportunityDto Opportunity, bool Eligible, int Score, int ProfileFit, int PersonFit, M.MatchExplanation Explanation,
    bool Proposed);

public sealed record ProposalRequestDto(Guid Id, string OpportunityTitle, DateTime AskedAt);

public sealed record ParticipantOpportunitiesDto(Guid ParticipantId, int Considered, List<RankedOpportunityDto> Opportunities, List<ProposalRequestDto> Requests)
{
    public static ParticipantOpportunitiesDto From(OpportunitiesShown s) => new(s.Participant.Id, s.Considered,
        s.Opportunities.Select(o => new RankedOpportunityDto(OpportunityDto.From(o.Opportunity), o.Result.Eligible, o.Result.Score, o.Result.ProfileFit,
            o.Result.PersonFit, o.Result.Explanation, o.Proposed)).ToList(),
        s.Requests.Select(r => new ProposalRequestDto(r.Id, r.OpportunityTitle, r.AskedAt)).ToList());
}

public sealed record MatchingWeightsDto(Guid CollaborationId, string CollaborationName, M.MatchingWeights Weights, int MaxCommuteMinutes,
    DateTime? UpdatedAt, bool MayChange)
{
    public static MatchingWeightsDto From(SettingsShown s) => new(s.Collaboration.Id, s.Collaboration.Name, s.Weights, s.Settings.MaxCommuteMinutes,
        s.Settings.UpdatedAt == default ? null : s.Settings.UpdatedAt, s.MayChange);
}

public sealed class RankingInput
{
    /// <summary>How many of the best to list, 1–200 (default 50).</summary>
    public int? Top { get; set; }
}

public sealed class AskInput
{
    /// <summary>The <c>candidateReference</c> of an anonymous candidate in a ranking (valid for its reader, one day).</summary>
    public string? CandidateReference { get; set; }
}

public static class MatchingApi
{
    public static void MapMatchingApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Matchning");
        group.MapPost("/matching/opportunities/{kind}/{id:guid}/candidates", Candidates)
            .WithSummary("Rangordna kandidater i samverkan mot ett jobbspår, en praktikplats eller en platsannons (kind: jobTrack, placement, jobAd), med förklaring per kriterium. Andra organisationers deltagare visas anonymt; analytiker ser bara antal");
        group.MapPost("/matching/requests", Ask)
            .WithSummary("Be en anonym kandidats egen handläggare att överväga att föreslå kandidaten (en notis till handläggarens enhet)");
        group.MapGet("/participants/{id:guid}/opportunities", Opportunities)
            .WithSummary("En deltagares lediga jobbspår, praktikplatser och platsannonser, bäst matchade först, med förklaring och vad som saknas");
        group.MapGet("/collaborations/{id:guid}/matching-weights", Weights).WithSummary("Samverkans vikter för matchning och längsta restid");
        group.MapPut("/collaborations/{id:guid}/matching-weights", ChangeWeights)
            .WithSummary("Ändra samverkans vikter för matchning (samordnare); ändringen loggas");
    }

    private static async Task<Results<Ok<CandidateRankingDto>, ValidationProblem, NotFoundProblem>> Candidates(string kind, Guid id, RankingInput? input,
        MatchingWork work, CancellationToken ct)
    {
        if (!OpportunityKinds.TryParse(kind, out var k))
        {
            return OutcomeResults.Invalid(new Dictionary<string, string[]> { ["kind"] = ["Okänd sorts möjlighet: ange ett jobbspår, en praktikplats eller en platsannons (se API-beskrivningen)."] });
        }

        var outcome = await work.CandidatesAsync(k, id, input?.Top, ct);
        return outcome.Failure switch
        {
            null => TypedResults.Ok(CandidateRankingDto.From(outcome.Value!)),
            { Kind: OutcomeKind.Invalid } f => OutcomeResults.Invalid(f.Errors!),
            _ => new NotFoundProblem(),
        };
    }

    private static async Task<Results<Created<ProposalRequestDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Ask(AskInput input,
        MatchingWork work, CancellationToken ct) =>
        (await work.AskAsync(input.CandidateReference, ct)).ToCreated(r => $"/api/v1/matching/requests/{r.Id}",
            r => new ProposalRequestDto(r.Id, r.OpportunityTitle, r.AskedAt));

    private static async Task<Results<Ok<ParticipantOpportunitiesDto>, NotFoundProblem>> Opportunities(Guid id, MatchingWork work, CancellationToken ct) =>
        (await work.OpportunitiesAsync(id, ct)).ToOk(ParticipantOpportunitiesDto.From);

    private static async Task<Results<Ok<MatchingWeightsDto>, NotFoundProblem>> Weights(Guid id, MatchingWork work, CancellationToken ct) =>
        (await work.SettingsAsync(id, ct)).ToOk(MatchingWeightsDto.From);

    private static async Task<Results<Ok<MatchingWeightsDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> ChangeWeights(Guid id,
        WeightsInput input, MatchingWork work, CancellationToken ct) =>
        (await work.ChangeSettingsAsync(id, input, ct)).ToChanged(MatchingWeightsDto.From);
}
