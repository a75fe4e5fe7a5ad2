using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Arbetsvagen.Core.AccessLog;

namespace Arbetsvagen.Core.Participants;

public static class ParticipantsApi
{
    public static void MapParticipantsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/participants").WithTags("Deltagare");
        group.MapGet("/", List);
        group.MapPost("/search", (SearchRequest body, ParticipantAccess access, AccessLogger log, TimeProvider clock, CancellationToken ct) =>
            List(body.Search, body.Page, body.PageSize, access, log, clock, ct));
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/", Create);
        group.MapPut("/{id:guid}", Update);
        group.MapDelete("/{id:guid}", () => Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed,
            title: "Deltagare tas inte bort här. Uppgifter gallras enligt gallringsregler."));
    }

    public sealed record SearchRequest(string? Search, int? Page, int? PageSize);

    public static async Task<Results<Ok<Paged<ParticipantListItem>>, ValidationProblem>> List(string? search, int? page, int? pageSize,
        ParticipantAccess access, AccessLogger log, TimeProvider clock, CancellationToken ct)
    {
        if (page is < 1 || pageSize is < 1 or > ParticipantSearch.MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [page is < 1 ? "page" : "pageSize"] = [$"Sida börjar på 1 och sidstorleken ska vara 1–{ParticipantSearch.MaxPageSize}."],
            }, title: "Felaktig sökning");
        }

        if (search is { Length: > 200 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["search"] = ["Söktexten får vara högst 200 tecken."] },
                title: "Felaktig sökning");
        }

        var result = await Search(access, search, page ?? 1, pageSize ?? ParticipantSearch.DefaultPageSize, clock, ct);
        await log.RecordAsync(AccessAction.Search, "Participant", null, resultIds: result.Items.Select(i => i.Id), ct: ct);
        return TypedResults.Ok(result);
    }

    public static async Task<Paged<ParticipantListItem>> Search(ParticipantAccess access, string? search, int page, int pageSize,
        TimeProvider clock, CancellationToken ct)
    {
        var today = SwedishTime.Today(clock);
        var (ownPart, sharedPart) = access.VisibleParts();
        var own = ParticipantSearch.Apply(ownPart, search, today);
        var shared = ParticipantSearch.Apply(sharedPart, search, today);
        var total = await own.CountAsync(ct) + await shared.CountAsync(ct);
        // (page - 1) * pageSize overflows int for an absurd page number; such a page simply lies past the end.
        var skip = (int)Math.Min(((long)page - 1) * pageSize, int.MaxValue);
        var wanted = (int)Math.Min((long)skip + pageSize, int.MaxValue);
        // Each half gives its first `wanted` rows in name order (the own half straight from the boundary-and-name index),
        // and the database merges those: the page never sorts a whole boundary.
        var items = await Ordered(Ordered(own).Take(wanted).Concat(Ordered(shared).Take(wanted)))
            .Skip(skip).Take(pageSize)
            .Select(p => new { p.Id, p.IdentityNumber, p.FirstName, p.LastName, p.Gender, p.HomeMunicipalityCode, p.OwnerOrganisationId, p.OwnerBoundaryId, p.UpdatedAt })
            .ToListAsync(ct);
        var boundary = access.Boundary;
        return new Paged<ParticipantListItem>(items.Select(p => new ParticipantListItem(p.Id, p.IdentityNumber, p.FirstName, p.LastName,
            EnumText.ApiName(p.Gender), p.HomeMunicipalityCode, p.OwnerOrganisationId, p.OwnerBoundaryId != boundary, p.UpdatedAt)).ToList(),
            page, pageSize, total);
    }

    private static IQueryable<Participant> Ordered(IQueryable<Participant> participants) =>
        participants.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id);

    private static async Task<Results<Ok<ParticipantDto>, ProblemHttpResult>> Get(Guid id,
        ParticipantAccess access, AccessLogger log, CurrentUser user, CancellationToken ct)
    {
        var grant = await access.FindAsync(id, ct);
        if (grant is null)
        {
            return ApiResults.NotFound();
        }

        await log.RecordAsync(AccessAction.Read, "Participant", id, id, grant.ConsentId is { } c ? $"samtycke {c}" : null, ct: ct);
        return TypedResults.Ok(ParticipantDto.From(grant, user.MaySeeSensitiveData));
    }

    private static async Task<IResult> Create(ParticipantInput input, ParticipantChanges changes, CancellationToken ct) =>
        await changes.CreateAsync(input, ct) switch
        {
            ChangeResult.Saved saved => TypedResults.Created($"/api/v1/participants/{saved.Id}", new { id = saved.Id }),
            ChangeResult.Invalid invalid => ApiResults.Invalid(invalid.Errors),
            ChangeResult.Duplicate duplicate => ApiResults.Duplicate(duplicate.ExistingId),
            _ => throw new InvalidOperationException(),
        };

    private static async Task<IResult> Update(Guid id, ParticipantInput input, ParticipantChanges changes, ParticipantAccess access,
        CurrentUser user, CancellationToken ct) =>
        await changes.UpdateAsync(id, input, ct) switch
        {
            ChangeResult.Saved => TypedResults.Ok(ParticipantDto.From((await access.FindAsync(id, ct))!, user.MaySeeSensitiveData)),
            ChangeResult.Invalid invalid => ApiResults.Invalid(invalid.Errors),
            ChangeResult.NotFound => ApiResults.NotFound(),
            _ => throw new InvalidOperationException(),
        };
}
