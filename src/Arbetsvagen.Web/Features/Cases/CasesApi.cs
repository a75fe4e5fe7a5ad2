using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Cases;

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
        api.MapPost("/participants/{id:guid}/cases", async (Guid id, OpenCaseInput input, CaseWork work, CancellationToken ct) =>
            await work.OpenAsync(id, input, ct) is { } c ? Results.Created($"/api/v1/cases/{c.Id}", CaseDto.From(c)) : ApiResults.NotFound())
            .WithTags("Ärenden");
        api.MapGet("/participants/{id:guid}/cases", async (Guid id, CaseWork work, CancellationToken ct) =>
            await work.ListAsync(id, ct) is { } cases ? Results.Ok(cases.Select(CaseDto.From)) : ApiResults.NotFound())
            .WithTags("Ärenden");

        var cases = api.MapGroup("/cases/{id:guid}").WithTags("Ärenden");
        cases.MapGet("/", async (Guid id, CaseWork work, CancellationToken ct) => Answer(await work.ReadAsync(id, ct)));
        cases.MapPost("/enrolment", async (Guid id, EnrolmentInput input, CaseWork work, CancellationToken ct) => Answer(await work.EnrolAsync(id, input, ct)));
        cases.MapPost("/start", async (Guid id, CaseWork work, CancellationToken ct) => Answer(await work.StartAsync(id, ct)));
        cases.MapPost("/closure", async (Guid id, ClosureInput input, CaseWork work, CancellationToken ct) => Answer(await work.CloseAsync(id, input, ct)));
        cases.MapPost("/follow-ups", async (Guid id, FollowUpInput input, CaseWork work, CancellationToken ct) =>
            Answer(await work.RecordFollowUpAsync(id, input, ct)));
        cases.MapGet("/journal", async (Guid id, CaseWork work, CancellationToken ct) =>
            await work.JournalAsync(id, ct) is { } entries ? Results.Ok(entries.Select(JournalEntryDto.From)) : ApiResults.NotFound());
        cases.MapPost("/journal", async (Guid id, JournalInput input, CaseWork work, CancellationToken ct) =>
            await work.WriteAsync(id, input, ct) is { } entry
                ? Results.Created($"/api/v1/journal-entries/{entry.Id}", JournalEntryDto.From(entry))
                : ApiResults.NotFound());

        var entries = api.MapGroup("/journal-entries/{id:guid}").WithTags("Journal");
        entries.MapPut("/", async (Guid id, JournalInput input, CaseWork work, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            AnswerEntry(await work.ChangeEntryAsync(id, e =>
            {
                e.Edit(input.Text ?? "", user.Id, clock.GetUtcNow().UtcDateTime);
                return e;
            }, ct)));
        entries.MapPost("/signature", async (Guid id, CaseWork work, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            AnswerEntry(await work.ChangeEntryAsync(id, e =>
            {
                e.Sign(user.Id, clock.GetUtcNow().UtcDateTime);
                return e;
            }, ct)));
        entries.MapPost("/corrections", async (Guid id, JournalInput input, CaseWork work, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            await work.ChangeEntryAsync(id, e => e.Correct(input.Text ?? "", user.Id, clock.GetUtcNow().UtcDateTime), ct) is { } correction
                ? Results.Created($"/api/v1/journal-entries/{correction.Id}", JournalEntryDto.From(correction))
                : ApiResults.NotFound());
        entries.MapDelete("/", () => Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Journalanteckningar tas inte bort",
            detail: "En anteckning rättas med en ny anteckning (POST /api/v1/journal-entries/{id}/corrections)."));
    }

    private static IResult Answer(Case? c) => c is null ? ApiResults.NotFound() : Results.Ok(CaseDto.From(c));

    private static IResult AnswerEntry(JournalEntry? e) => e is null ? ApiResults.NotFound() : Results.Ok(JournalEntryDto.From(e));
}
