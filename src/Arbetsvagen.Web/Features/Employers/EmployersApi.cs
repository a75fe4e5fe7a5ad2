using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arbetsvagen.Features.Employers;

public sealed record WorkplaceDto(Guid Id, string Name, string StreetAddress, string PostalCode, string City, string MunicipalityCode,
    string MunicipalityName, string? TransportNote)
{
    public static WorkplaceDto From(Workplace w) => new(w.Id, w.Name, w.StreetAddress, w.PostalCode, w.City, w.MunicipalityCode,
        ReferenceData.Instance.MunicipalityName(w.MunicipalityCode), w.TransportNote);
}

public sealed record EmployerDto(Guid Id, string OrganisationNumber, bool IsSoleTrader, string Name, string SniGroup, string SniSection,
    string Industry, string Size, Guid OwnerCollaborationId, Guid OwnerOrganisationId, DateTime CreatedAt, DateTime UpdatedAt, List<WorkplaceDto> Workplaces)
{
    // A sole trader's number is its owner's personnummer: the API never gives it whole (the page shows it to roles that may see contacts).
    public static EmployerDto From(Employer e) => new(e.Id, Employers.OrganisationNumber.Masked(e.OrganisationNumber, e.IsSoleTrader), e.IsSoleTrader, e.Name, e.SniGroup,
        Sni.Group(e.SniGroup)?.Section.Letter ?? "", Sni.Describe(e.SniGroup), EnumText.ApiName(e.Size), e.OwnerCollaborationId, e.OwnerOrganisationId,
        e.CreatedAt, e.UpdatedAt, e.Workplaces.OrderBy(w => w.Name, SwedishCollation.Comparer).Select(WorkplaceDto.From).ToList());
}

public sealed record ContactDto(Guid Id, string Name, string? Role, string? Phone, string? Email)
{
    public static ContactDto From(ContactPerson c) => new(c.Id, c.Name, c.Role, c.Phone, c.Email);
}

public sealed record ContactLogDto(Guid Id, string Kind, DateOnly OccurredOn, Guid? ContactPersonId, string Notes, DateOnly? FollowUpOn,
    DateTime? FollowUpDoneAt, Guid ByUserId)
{
    public static ContactLogDto From(ContactLogEntry c) => new(c.Id, EnumText.ApiName(c.Kind), c.OccurredOn, c.ContactPersonId, c.Notes, c.FollowUpOn,
        c.FollowUpDoneAt, c.ByUserId);
}

public sealed record NeedHistoryDto(string? From, string To, DateTime At, Guid? ByUserId, string? Note);

public sealed record NeedDto(Guid Id, Guid? EmployerId, string Kind, string Source, string? OccupationConceptId, string? Ssyk4, string Occupation,
    int NumberOfPeople, DateOnly? FromDate, string? Requirements, string EmploymentForm, string? MunicipalityCode, string Status, string? DeclineReason,
    Guid? AnsweredByJobTrackId, Guid? AnsweredByPlacementId, string? SenderOrganisationNumber, string? SenderName, DateTime CreatedAt,
    List<NeedHistoryDto> History, string? SenderContactName = null, string? SenderPhone = null, string? SenderEmail = null)
{
    /// <summary>The sender's contact person of a web-form need, for a role that may see contacts (the read is logged).</summary>
    public static NeedDto WithSender(CompetenceNeed n) => From(n) with { SenderContactName = n.SenderContactName, SenderPhone = n.SenderPhone, SenderEmail = n.SenderEmail };

    public static NeedDto From(CompetenceNeed n) => new(n.Id, n.EmployerId, EnumText.ApiName(n.Kind), EnumText.ApiName(n.Source), n.OccupationConceptId,
        n.Ssyk4, EmployerWork.OccupationName(n.OccupationConceptId, n.OccupationText), n.NumberOfPeople, n.FromDate, n.Requirements,
        EnumText.ApiName(n.EmploymentForm), n.MunicipalityCode, EnumText.ApiName(n.Status), n.DeclineReason, n.AnsweredByJobTrackId,
        n.AnsweredByPlacementId, n.SenderOrganisationNumber is { } o ? OrganisationNumber.Masked(o, OrganisationNumber.IsPersonShaped(o)) : null, n.SenderName, n.CreatedAt,
        n.History.OrderBy(h => h.At).ThenBy(h => h.To).Select(h => new NeedHistoryDto(h.From is { } f ? EnumText.ApiName(f) : null, EnumText.ApiName(h.To), h.At, h.ByUserId, h.Note)).ToList());
}

public sealed record EmployerSearch(string? Search, string? MunicipalityCode, int? Page, int? PageSize);

public static class EmployersApi
{
    public static void MapEmployersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/employers").WithTags("Arbetsgivare");
        group.MapGet("/", List).WithSummary("Sök arbetsgivare i samverkans register på namn, organisationsnummer eller kommun");
        group.MapPost("/search", Search).WithSummary("Sök arbetsgivare med söktexten i anropets kropp (för en enskild firmas personnummer)");
        group.MapPost("/", Create).WithSummary("Registrera en arbetsgivare (409 om organisationsnumret redan finns)");
        group.MapGet("/{id:guid}", Read).WithSummary("Läs en arbetsgivare med arbetsställen");
        group.MapPut("/{id:guid}", Update).WithSummary("Ändra arbetsgivarens namn, bransch, storlek och ansvarig enhet");
        group.MapPost("/{id:guid}/workplaces", AddWorkplace).WithSummary("Lägg till ett arbetsställe");
        group.MapPut("/{id:guid}/workplaces/{workplaceId:guid}", UpdateWorkplace)
            .WithSummary("Ändra ett arbetsställe (kommunen ändras inte medan praktikplatser finns där)");
        group.MapDelete("/{id:guid}/workplaces/{workplaceId:guid}", RemoveWorkplace)
            .WithSummary("Ta bort ett arbetsställe (409 om praktikplatser finns där)");
        group.MapGet("/{id:guid}/contacts", Contacts).WithSummary("Arbetsgivarens kontaktpersoner (personuppgifter, loggas)");
        group.MapPost("/{id:guid}/contacts", AddContact).WithSummary("Lägg till en kontaktperson");
        group.MapPut("/{id:guid}/contacts/{contactId:guid}", UpdateContact).WithSummary("Ändra en kontaktperson");
        group.MapDelete("/{id:guid}/contacts/{contactId:guid}", RemoveContact)
            .WithSummary("Ta bort en kontaktperson (kontaktloggen behåller kontakterna utan namnet)");
        group.MapGet("/{id:guid}/contact-log", ContactLog).WithSummary("Kontaktloggen: besök, samtal och möten med arbetsgivaren");
        group.MapPost("/{id:guid}/contact-log", LogContact).WithSummary("Dokumentera en kontakt med arbetsgivaren, med uppföljningsdatum");
        group.MapPost("/{id:guid}/contact-log/{entryId:guid}/follow-up-done", CompleteFollowUp).WithSummary("Klarmarkera en kontakts uppföljning");
        group.MapGet("/{id:guid}/needs", Needs).WithSummary("Arbetsgivarens kompetensbehov");
        group.MapPost("/{id:guid}/needs", AddNeed).WithSummary("Registrera ett kompetensbehov (behovsfångst)");
        group.MapPost("/{id:guid}/needs/{needId:guid}/status", ChangeNeedStatus)
            .WithSummary("Flytta ett behov: under bearbetning, hanterad (med jobbspår eller praktikplats) eller avböjd med skäl");
        group.MapPost("/{id:guid}/needs/{needId:guid}/answer", AnswerNeed)
            .WithSummary("Koppla behovet till jobbspåret eller praktikplatsen som besvarar det; behovet blir hanterat");
        group.MapGet("/needs", OpenNeeds).WithSummary("Samverkans öppna kompetensbehov, även de som kommit via webbformuläret");
        group.MapGet("/needs/{needId:guid}", ReadNeed).WithSummary("Läs ett kompetensbehov");
        group.MapPost("/needs/{needId:guid}/answer", AnswerAnyNeed).WithSummary("Koppla ett behov i samverkan till det som besvarar det");
        group.MapPost("/needs/{needId:guid}/status", ChangeAnyNeedStatus).WithSummary("Flytta ett behov i samverkan, t.ex. ett från webbformuläret");
    }

    private static async Task<Results<Ok<Paged<EmployerListItem>>, ValidationProblem>> List(string? search, string? municipalityCode, int? page,
        int? pageSize, EmployerWork work, CancellationToken ct)
    {
        // A sole trader's number is a personnummer, which must not travel in an address (server and proxy logs keep those).
        var digits = string.Concat((search ?? "").Where(char.IsAsciiDigit));
        if (digits.Length >= 10 && OrganisationNumber.IsPersonShaped(digits[^10..]))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["search"] = ["Ett nummer som ser ut som ett personnummer söks med POST /api/v1/employers/search, så att det inte hamnar i adressen."],
            });
        }

        return await Search(new EmployerSearch(search, municipalityCode, page, pageSize), work, ct);
    }

    private static async Task<Results<Ok<Paged<EmployerListItem>>, ValidationProblem>> Search(EmployerSearch query, EmployerWork work, CancellationToken ct)
    {
        var found = await work.ListAsync(query.Search, query.MunicipalityCode, query.Page ?? 1, query.PageSize ?? EmployerWork.DefaultPageSize, ct);
        return found.Failure is { } failure ? OutcomeResults.Invalid(failure.Errors!) : TypedResults.Ok(found.Value!);
    }

    private static async Task<Results<Created<EmployerDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Create(
        EmployerInput input, EmployerWork work, CancellationToken ct) =>
        (await work.CreateAsync(input, ct)).ToCreated(e => $"/api/v1/employers/{e.Id}", EmployerDto.From);

    private static async Task<Results<Ok<EmployerDto>, NotFoundProblem>> Read(Guid id, EmployerWork work, CancellationToken ct) =>
        (await work.ReadAsync(id, ct, withContacts: false)).ToOk(s => EmployerDto.From(s.Employer));

    private static async Task<Results<Ok<EmployerDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Update(
        Guid id, EmployerInput input, EmployerWork work, CancellationToken ct) =>
        (await work.UpdateAsync(id, input, ct)).ToChanged(EmployerDto.From);

    private static async Task<Results<Created<WorkplaceDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> AddWorkplace(
        Guid id, WorkplaceInput input, EmployerWork work, CancellationToken ct) =>
        (await work.AddWorkplaceAsync(id, input, ct)).ToCreated(_ => $"/api/v1/employers/{id}", WorkplaceDto.From);

    private static async Task<Results<Ok<WorkplaceDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> UpdateWorkplace(
        Guid id, Guid workplaceId, WorkplaceInput input, EmployerWork work, CancellationToken ct) =>
        (await work.UpdateWorkplaceAsync(id, workplaceId, input, ct)).ToChanged(WorkplaceDto.From);

    private static async Task<Results<NoContent, NotFoundProblem, ConflictProblem, ForbiddenProblem>> RemoveWorkplace(
        Guid id, Guid workplaceId, EmployerWork work, CancellationToken ct) =>
        (await work.RemoveWorkplaceAsync(id, workplaceId, ct)).ToRemoved();

    private static async Task<Results<NoContent, NotFoundProblem, ConflictProblem, ForbiddenProblem>> RemoveContact(
        Guid id, Guid contactId, EmployerWork work, CancellationToken ct) =>
        (await work.RemoveContactAsync(id, contactId, ct)).ToRemoved();

    private static async Task<Results<Ok<List<ContactDto>>, NotFoundProblem, ForbiddenProblem>> Contacts(Guid id, EmployerWork work, CancellationToken ct) =>
        PersonalData(await work.ContactsAsync(id, ct), list => list.Select(ContactDto.From).ToList());

    private static async Task<Results<Created<ContactDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> AddContact(
        Guid id, ContactInput input, EmployerWork work, CancellationToken ct) =>
        (await work.AddContactAsync(id, input, ct)).ToCreated(_ => $"/api/v1/employers/{id}/contacts", ContactDto.From);

    private static async Task<Results<Ok<ContactDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> UpdateContact(
        Guid id, Guid contactId, ContactInput input, EmployerWork work, CancellationToken ct) =>
        (await work.UpdateContactAsync(id, contactId, input, ct)).ToChanged(ContactDto.From);

    private static async Task<Results<Ok<List<ContactLogDto>>, NotFoundProblem, ForbiddenProblem>> ContactLog(Guid id, EmployerWork work, CancellationToken ct) =>
        PersonalData(await work.ContactLogAsync(id, ct), list => list.Select(ContactLogDto.From).ToList());

    private static async Task<Results<Created<ContactLogDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> LogContact(
        Guid id, ContactLogInput input, EmployerWork work, CancellationToken ct) =>
        (await work.LogContactAsync(id, input, ct)).ToCreated(_ => $"/api/v1/employers/{id}/contact-log", ContactLogDto.From);

    private static async Task<Results<Ok<ContactLogDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> CompleteFollowUp(
        Guid id, Guid entryId, EmployerWork work, CancellationToken ct) =>
        (await work.CompleteFollowUpAsync(id, entryId, ct)).ToChanged(ContactLogDto.From);

    private static async Task<Results<Ok<List<NeedDto>>, NotFoundProblem>> Needs(Guid id, EmployerWork work, CancellationToken ct) =>
        (await work.NeedsAsync(id, ct)).ToOk(list => list.Select(NeedDto.From).ToList());

    private static async Task<Results<Created<NeedDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> AddNeed(
        Guid id, NeedInput input, EmployerWork work, CancellationToken ct) =>
        (await work.AddNeedAsync(id, input, ct)).ToCreated(n => $"/api/v1/employers/needs/{n.Id}", NeedDto.From);

    private static async Task<Results<Ok<NeedDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> ChangeNeedStatus(
        Guid id, Guid needId, NeedStatusInput input, EmployerWork work, CancellationToken ct) =>
        (await work.ChangeNeedStatusAsync(id, needId, input, ct)).ToChanged(NeedDto.From);

    private static async Task<Results<Ok<NeedDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> AnswerNeed(
        Guid id, Guid needId, NeedAnswerInput input, EmployerWork work, CancellationToken ct) =>
        (await work.AnswerNeedAsync(id, needId, input, ct)).ToChanged(NeedDto.From);

    private static async Task<Results<Ok<NeedDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> AnswerAnyNeed(
        Guid needId, NeedAnswerInput input, EmployerWork work, CancellationToken ct) =>
        (await work.AnswerNeedAsync(null, needId, input, ct)).ToChanged(NeedDto.From);

    private static async Task<Ok<List<NeedDto>>> OpenNeeds(EmployerWork work, CancellationToken ct) =>
        TypedResults.Ok((await work.OpenNeedsAsync(ct)).Select(NeedDto.From).ToList());

    private static async Task<Results<Ok<NeedDto>, NotFoundProblem>> ReadNeed(Guid needId, EmployerWork work, CancellationToken ct) =>
        (await work.ReadNeedAsync(needId, ct)).ToOk(n => work.MaySeeContacts ? NeedDto.WithSender(n) : NeedDto.From(n));

    private static async Task<Results<Ok<NeedDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> ChangeAnyNeedStatus(
        Guid needId, NeedStatusInput input, EmployerWork work, CancellationToken ct) =>
        (await work.ChangeNeedStatusAsync(null, needId, input, ct)).ToChanged(NeedDto.From);

    /// <summary>A read of personal data: the value, 404 outside the collaboration, 403 for a role that never sees contacts.</summary>
    private static Results<Ok<TDto>, NotFoundProblem, ForbiddenProblem> PersonalData<T, TDto>(Outcome<T> outcome, Func<T, TDto> map) => outcome.Failure switch
    {
        null => TypedResults.Ok(map(outcome.Value!)),
        { Kind: OutcomeKind.Forbidden } f => new ForbiddenProblem(f.Detail),
        _ => new NotFoundProblem(),
    };
}
