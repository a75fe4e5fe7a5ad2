using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Features.Cases;

// What a change answers: the changed record, or a refusal with its reason (each listed in the OpenAPI document).
using CaseCreated = Results<Created<CaseDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>;
using CaseChanged = Results<Ok<CaseDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>;
using EntryChanged = Results<Ok<JournalEntryDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>;
using EntryCreated = Results<Created<JournalEntryDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>;

public sealed record CaseStateChangeDto(string? From, string To, Guid ByUserId, DateTime At, string? Note);

public sealed record CaseDto(Guid Id, Guid ParticipantId, Guid OrganisationId, string State, string Source, DateOnly OpenedOn, string Reason,
    DateOnly? EnrolledOn, string? CheckInSchedule, Guid? AfRegistrationConsentId, DateOnly? ClosedOn, string? Outcome,
    string? EmploymentForm, string? StudyForm, string? IncomeBefore, string? IncomeAfter, List<DateOnly> FollowUpDates,
    List<CaseStateChangeDto> History, List<FollowUpDto> FollowUps)
{
    public static CaseDto From(Case c) => new(c.Id, c.ParticipantId, c.OrganisationId, EnumText.ApiName(c.State), EnumText.ApiName(c.Source),
        c.OpenedOn, c.Reason, c.EnrolledOn, c.CheckInSchedule, c.AfRegistrationConsentId, c.ClosedOn,
        c.Outcome is { } o ? EnumText.ApiName(o) : null, c.EmploymentForm is { } e ? EnumText.ApiName(e) : null,
        c.StudyForm is { } s ? EnumText.ApiName(s) : null, c.IncomeBefore is { } ib ? EnumText.ApiName(ib) : null,
        c.IncomeAfter is { } ia ? EnumText.ApiName(ia) : null, c.FollowUpDates().ToList(),
        c.History.OrderBy(h => h.At).Select(h => new CaseStateChangeDto(h.From is { } f ? EnumText.ApiName(f) : null, EnumText.ApiName(h.To),
            h.ByUserId, h.At, h.Note)).ToList(),
        c.FollowUps.OrderBy(f => f.Months).Select(f => new FollowUpDto(f.Id, f.Months, f.DueOn, f.FollowedUpOn, EnumText.ApiName(f.Status),
            f.IncomeSource is { } i ? EnumText.ApiName(i) : null, f.Note, f.RecordedByUserId, f.RecordedAt)).ToList());
}

public sealed record FollowUpDto(Guid Id, int Months, DateOnly DueOn, DateOnly FollowedUpOn, string Status, string? IncomeSource, string? Note,
    Guid RecordedByUserId, DateTime RecordedAt);

public sealed record JournalEntryDto(Guid Id, Guid CaseId, string Type, string Text, Guid AuthorUserId, DateTime CreatedAt, DateTime? SignedAt,
    Guid? CorrectsEntryId, DateTime? UpdatedAt)
{
    public static JournalEntryDto From(JournalEntry e) =>
        new(e.Id, e.CaseId, EnumText.ApiName(e.Type), e.Text, e.AuthorUserId, e.CreatedAt, e.SignedAt, e.CorrectsEntryId, e.UpdatedAt);
}

public static class CasesApi
{
    public static void MapCasesApi(this RouteGroupBuilder api)
    {
        api.MapPost("/participants/{id:guid}/cases", async Task<CaseCreated> (Guid id, OpenCaseInput input, CaseWork work, CancellationToken ct) =>
                (await work.OpenAsync(id, input, ct)).ToCreated(c => $"/api/v1/cases/{c.Id}", CaseDto.From))
            .WithTags("Ärenden").WithSummary("Aktualisera ett ärende för deltagaren");
        api.MapGet("/participants/{id:guid}/cases", async Task<Results<Ok<List<CaseDto>>, NotFoundProblem>> (Guid id, CaseWork work, CancellationToken ct) =>
                (await work.ListAsync(id, ct)).ToOk(cases => cases.Select(CaseDto.From).ToList()))
            .WithTags("Ärenden").WithSummary("Deltagarens ärenden som du får se");

        var cases = api.MapGroup("/cases/{id:guid}").WithTags("Ärenden");
        cases.MapGet("/", async Task<Results<Ok<CaseDto>, NotFoundProblem>> (Guid id, CaseWork work, CancellationToken ct) =>
            (await work.ReadAsync(id, ct)).ToOk(CaseDto.From)).WithSummary("Läs ett ärende");
        cases.MapPost("/enrolment", async Task<CaseChanged> (Guid id, EnrolmentInput input, CaseWork work, CancellationToken ct) =>
            (await work.EnrolAsync(id, input, ct)).ToChanged(CaseDto.From)).WithSummary("Skriv in deltagaren med samtycke för kontroll hos Arbetsförmedlingen");
        cases.MapPost("/start", async Task<CaseChanged> (Guid id, CaseWork work, CancellationToken ct) =>
            (await work.StartAsync(id, ct)).ToChanged(CaseDto.From)).WithSummary("Markera ett inskrivet ärende som pågående");
        cases.MapPost("/closure", async Task<CaseChanged> (Guid id, ClosureInput input, CaseWork work, CancellationToken ct) =>
            (await work.CloseAsync(id, input, ct)).ToChanged(CaseDto.From)).WithSummary("Avsluta ärendet med utfall");
        cases.MapPost("/follow-ups", async Task<CaseChanged> (Guid id, FollowUpInput input, CaseWork work, CancellationToken ct) =>
            (await work.RecordFollowUpAsync(id, input, ct)).ToChanged(CaseDto.From)).WithSummary("Registrera uppföljning 3, 6 eller 12 månader efter avslut");
        cases.MapGet("/journal", async Task<Results<Ok<List<JournalEntryDto>>, NotFoundProblem>> (Guid id, CaseWork work, CancellationToken ct) =>
            (await work.JournalAsync(id, ct)).ToOk(entries => entries.Select(JournalEntryDto.From).ToList())).WithSummary("Läs ärendets journal");
        cases.MapPost("/journal", async Task<EntryCreated> (Guid id, JournalInput input, CaseWork work, CancellationToken ct) =>
            (await work.WriteAsync(id, input, ct)).ToCreated(EntryPath, JournalEntryDto.From)).WithSummary("Skriv en journalanteckning");

        var entries = api.MapGroup("/journal-entries/{id:guid}").WithTags("Journal");
        entries.MapPut("/", async Task<EntryChanged> (Guid id, JournalInput input, CaseWork work, CancellationToken ct) =>
            (await work.EditEntryAsync(id, input, ct)).ToChanged(JournalEntryDto.From)).WithSummary("Ändra en osignerad journalanteckning");
        entries.MapPost("/signature", async Task<EntryChanged> (Guid id, CaseWork work, CancellationToken ct) =>
            (await work.SignEntryAsync(id, ct)).ToChanged(JournalEntryDto.From)).WithSummary("Signera en journalanteckning");
        entries.MapPost("/corrections", async Task<EntryCreated> (Guid id, JournalInput input, CaseWork work, CancellationToken ct) =>
                (await work.CorrectEntryAsync(id, input, ct)).ToCreated(EntryPath, JournalEntryDto.From))
            .WithSummary("Rätta en signerad journalanteckning med en ny anteckning");
        // A journal is never deleted from: the refusal is part of the contract, with the path parameter it names.
        entries.MapDelete("/", ProblemHttpResult (Guid id) => TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed,
                title: "Journalanteckningar tas inte bort",
                detail: $"En anteckning rättas med en ny anteckning (POST /api/v1/journal-entries/{id}/corrections)."))
            .WithSummary("Tas inte bort: rätta anteckningen i stället")
            .Produces<ProblemDetails>(StatusCodes.Status405MethodNotAllowed, "application/problem+json");
    }

    private static string EntryPath(JournalEntry entry) => $"/api/v1/journal-entries/{entry.Id}";
}
