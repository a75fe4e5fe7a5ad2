using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Features.Kaa;

public sealed record KaaYouthRowDto(Guid Id, string PersonalIdentityNumber, string FirstName, string LastName, string MunicipalityCode, DateOnly DateOfBirth,
    string SchoolStatus, string Occupation, bool InKaa, bool Reached, int Attempts, DateTime? LastAttemptAt, DateOnly? NextAttemptOn, string NextChannel)
{
    public static KaaYouthRowDto From(KaaYouthRow r) => new(r.Id, Ui.IdentityNumber(r.IdentityNumber), r.FirstName, r.LastName, r.MunicipalityCode,
        r.DateOfBirth, EnumText.ApiName(r.SchoolStatus), EnumText.ApiName(r.Occupation), r.InKaa, r.Reached, r.Attempts, r.LastAttemptAt, r.NextAttemptOn,
        EnumText.ApiName(r.NextChannel));
}

public sealed record KaaYouthPageDto(List<KaaYouthRowDto> Items, int Page, int PageSize, int Total);

public sealed record KaaPeriodDto(DateOnly EnteredOn, string EntryReason, DateOnly? ExitedOn, string? ExitReason);

public sealed record KaaContactDto(Guid Id, DateTime At, string Channel, string Result, string? Note)
{
    public static KaaContactDto From(KaaContact c) => new(c.Id, c.At, EnumText.ApiName(c.Channel), EnumText.ApiName(c.Result), c.Note);
}

public sealed record KaaMeasureDto(Guid Id, string Kind, DateOnly StartOn, DateOnly? EndOn, string? Note)
{
    public static KaaMeasureDto From(KaaMeasure m) => new(m.Id, EnumText.ApiName(m.Kind), m.StartOn, m.EndOn, m.Note);
}

public sealed record KaaShareDto(Guid Id, Guid RecipientOrganisationId, string Kind, DateOnly ConsentGivenOn, DateOnly ValidUntil, string Purpose)
{
    public static KaaShareDto From(KaaShare s) => new(s.Id, s.RecipientOrganisationId, EnumText.ApiName(s.Kind), s.ConsentGivenOn, s.ValidUntil, s.Purpose);
}

public sealed record KaaYouthDto(Guid Id, string PersonalIdentityNumber, string FirstName, string LastName, string Gender, DateOnly DateOfBirth,
    string MunicipalityCode, string? Phone, string? Email, string? StreetAddress, string? PostalCode, string? City, string? School, string? Programme,
    string SchoolStatus, DateOnly SchoolStatusOn, string Occupation, bool InKaa, DateOnly AgeOutOn, bool Reached, DateOnly? NextAttemptOn, string NextChannel,
    string? Plan, List<KaaPeriodDto> Periods, List<KaaContactDto> Contacts, List<KaaMeasureDto> Measures, List<KaaShareDto> Shares)
{
    public static KaaYouthDto From(KaaYouth y) => new(y.Id, Ui.IdentityNumber(y.IdentityNumber), y.FirstName, y.LastName, EnumText.ApiName(y.Gender),
        y.DateOfBirth, y.MunicipalityCode, y.Phone, y.Email, y.StreetAddress, y.PostalCode, y.City, y.School, y.Programme, EnumText.ApiName(y.SchoolStatus),
        y.SchoolStatusOn, EnumText.ApiName(y.Occupation), y.InKaa, y.AgeOutOn, y.Reached, y.NextAttemptOn, EnumText.ApiName(y.NextChannel), y.Plan,
        y.Periods.OrderBy(p => p.EnteredOn).Select(p => new KaaPeriodDto(p.EnteredOn, EnumText.ApiName(p.EntryReason), p.ExitedOn,
            p.ExitReason is { } r ? EnumText.ApiName(r) : null)).ToList(),
        y.Contacts.OrderByDescending(c => c.At).Select(KaaContactDto.From).ToList(), y.Measures.OrderBy(m => m.StartOn).Select(KaaMeasureDto.From).ToList(),
        y.Shares.Select(KaaShareDto.From).ToList());
}

public sealed record KaaImportDto(Guid Id, string FileName, DateTime StartedAt, DateTime? FinishedAt, int Rows, int Processed, int Percent, int Added,
    int Changed, int Unchanged, int Entered, int ReEntered, int Exited, int BadRows, int NotInFile, List<string> Changes, List<string>? SkippedLines)
{
    public static KaaImportDto From(KaaImport i) => From(i, null);

    public static KaaImportDto From(KaaImportResult r) => From(r.Import, r.Problems);

    private static KaaImportDto From(KaaImport i, List<FileProblem>? problems) => new(i.Id, i.FileName, i.StartedAt, i.FinishedAt, i.Rows, i.Processed,
        i.Percent, i.Added, i.Changed, i.Unchanged, i.Entered, i.ReEntered, i.Exited, i.BadRows, i.NotInFile,
        i.Report.Length == 0 ? [] : i.Report.Split('\n').ToList(), problems?.Select(p => $"Rad {p.Line}: {p.Reason}").ToList());
}

public sealed record ShownCountDto(int? Value, bool Suppressed)
{
    public static ShownCountDto From(ShownCount c) => new(c.Value, c.Suppressed);
}

public sealed record KaaFiguresDto(ShownCountDto InKaa, ShownCountDto Reached, int? ReachedPercent, ShownCountDto WithMeasure, int? WithMeasurePercent,
    ShownCountDto BackToStudies, Dictionary<string, ShownCountDto> Occupations)
{
    public static KaaFiguresDto From(KaaFigures f) => new(ShownCountDto.From(f.InKaa), ShownCountDto.From(f.Reached), f.ReachedPercent,
        ShownCountDto.From(f.WithMeasure), f.WithMeasurePercent, ShownCountDto.From(f.BackToStudies),
        f.Occupations.ToDictionary(o => EnumText.ApiName(o.Key), o => ShownCountDto.From(o.Value)));
}

public sealed record KaaMunicipalityFiguresDto(string MunicipalityCode, string Municipality, bool Exact, KaaFiguresDto All,
    Dictionary<string, KaaFiguresDto> ByGender, Dictionary<string, KaaFiguresDto> ByAge);

public sealed record KaaStatisticsDto(string Term, DateOnly PeriodFrom, DateOnly PeriodTo, int SuppressedBelow, List<KaaMunicipalityFiguresDto> Municipalities,
    KaaFiguresDto Collaboration, Dictionary<string, KaaFiguresDto> CollaborationByGender)
{
    public static KaaStatisticsDto From(KaaStatistics s) => new(s.Term, s.From, s.To, s.SuppressBelow,
        s.Municipalities.Select(m => new KaaMunicipalityFiguresDto(m.MunicipalityCode, ReferenceData.Instance.MunicipalityName(m.MunicipalityCode) ?? m.MunicipalityCode,
            m.Exact, KaaFiguresDto.From(m.All), m.ByGender.ToDictionary(g => EnumText.ApiName(g.Key), g => KaaFiguresDto.From(g.Value)),
            m.ByAge.ToDictionary(a => a.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), a => KaaFiguresDto.From(a.Value)))).ToList(),
        KaaFiguresDto.From(s.Collaboration), s.CollaborationByGender.ToDictionary(g => EnumText.ApiName(g.Key), g => KaaFiguresDto.From(g.Value)));
}

public static class KaaApi
{
    public static void MapKaaApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/kaa").WithTags("Kommunala aktivitetsansvaret");
        group.MapPost("/imports", Import)
            .WithSummary("Importera skolsituationen (CSV från elevdatabasen, semikolon, UTF-8 eller Windows-1252). En fil med felaktiga rader ändrar ingenting om inte acceptValidLines=true")
            .Accepts<Stream>("text/csv")
            .WithMetadata(new RequestSizeLimitAttribute(KaaSchoolFile.MaxBytes));
        group.MapGet("/imports/{id:guid}", ReadImport).WithSummary("En import: förlopp, antal och ändringsrapport");
        group.MapGet("/youth", List).WithSummary("Unga i KAA-registret, filtrerade på kommun och status (inKaa, notReached, reached, exited, all), 50 per sida");
        group.MapGet("/work-list", WorkList).WithSummary("Arbetslistan: de i aktivitetsansvaret som inte är nådda, med nästa försök och hur");
        group.MapGet("/youth/{id:guid}", Read).WithSummary("En ung persons KAA-uppgifter: perioder, kontakter, åtgärder och plan");
        group.MapPost("/youth/{id:guid}/outreach", Outreach).WithSummary("Registrera ett kontaktförsök eller motiverande samtal med resultat");
        group.MapPost("/youth/{id:guid}/measures", Measure).WithSummary("Registrera en åtgärd med start och slut");
        group.MapPut("/youth/{id:guid}/plan", Plan).WithSummary("Skriv den individuella planen och sysselsättningen");
        group.MapPost("/youth/{id:guid}/exit", Exit).WithSummary("Avsluta perioden i aktivitetsansvaret (arbete, flyttat, annat …)");
        group.MapPost("/youth/{id:guid}/handover", HandOver).WithSummary("Lämna över till KAA i en samverkande kommun som personen flyttat till (loggas)");
        group.MapPost("/youth/{id:guid}/shares", Share).WithSummary("Registrera samtycke som namnger socialtjänst eller Arbetsförmedlingen (t.ex. överlämning vid 20 år)");
        group.MapGet("/statistics", Statistics).WithSummary("Antal per kommun och termin efter kön och ålder; små tal (1–4) döljs utanför den egna kommunen");
        group.MapGet("/exports/scb", ScbExportCsv).WithSummary("Individfilen till SCB (version 1, CSV) för referensdatumet; 409 med listan om kontrollerna fallerar")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
    }

    private static async Task<Results<Created<KaaImportDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Import(
        HttpRequest request, string? fileName, bool? acceptValidLines, KaaWork work, CancellationToken ct) =>
        (await work.ImportAsync(request.Body, fileName, acceptValidLines == true, ct)).ToCreated(r => $"/api/v1/kaa/imports/{r.Import.Id}", KaaImportDto.From);

    private static async Task<Results<Ok<KaaImportDto>, NotFoundProblem>> ReadImport(Guid id, KaaWork work, CancellationToken ct) =>
        (await work.ReadImportAsync(id, ct)).ToOk(KaaImportDto.From);

    private static async Task<Results<Ok<KaaYouthPageDto>, ValidationProblem>> List(string? municipalityCode, string? status, string? search, int? page,
        KaaWork work, CancellationToken ct) =>
        await work.ListAsync(municipalityCode, status, search, page ?? 1, ct) is var outcome && outcome.Failure is { } f
            ? OutcomeResults.Invalid(f.Errors!)
            : TypedResults.Ok(new KaaYouthPageDto(outcome.Value!.Items.Select(KaaYouthRowDto.From).ToList(), outcome.Value.Page, outcome.Value.PageSize, outcome.Value.Total));

    private static async Task<Ok<List<KaaYouthRowDto>>> WorkList(int? take, KaaWork work, CancellationToken ct) =>
        TypedResults.Ok((await work.WorkListAsync(take ?? 100, ct)).Select(KaaYouthRowDto.From).ToList());

    private static async Task<Results<Ok<KaaYouthDto>, NotFoundProblem>> Read(Guid id, KaaWork work, CancellationToken ct) =>
        (await work.ReadAsync(id, ct)).ToOk(KaaYouthDto.From);

    private static async Task<Results<Created<KaaContactDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Outreach(
        Guid id, OutreachInput input, KaaWork work, CancellationToken ct) =>
        (await work.RecordOutreachAsync(id, input, ct)).ToCreated(_ => $"/api/v1/kaa/youth/{id}", KaaContactDto.From);

    private static async Task<Results<Created<KaaMeasureDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Measure(
        Guid id, MeasureInput input, KaaWork work, CancellationToken ct) =>
        (await work.AddMeasureAsync(id, input, ct)).ToCreated(_ => $"/api/v1/kaa/youth/{id}", KaaMeasureDto.From);

    private static async Task<Results<Ok<KaaYouthDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Plan(
        Guid id, PlanInput input, KaaWork work, CancellationToken ct) => (await work.WritePlanAsync(id, input, ct)).ToChanged(KaaYouthDto.From);

    private static async Task<Results<Ok<KaaYouthDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Exit(
        Guid id, ExitInput input, KaaWork work, CancellationToken ct) => (await work.ExitAsync(id, input, ct)).ToChanged(KaaYouthDto.From);

    private static async Task<Results<Ok<KaaYouthDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> HandOver(
        Guid id, HandoverInput input, KaaWork work, CancellationToken ct) => (await work.HandOverAsync(id, input, ct)).ToChanged(KaaYouthDto.From);

    private static async Task<Results<Created<KaaShareDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Share(
        Guid id, ShareInput input, KaaWork work, CancellationToken ct) =>
        (await work.ShareAsync(id, input, ct)).ToCreated(_ => $"/api/v1/kaa/youth/{id}", KaaShareDto.From);

    private static async Task<Results<Ok<KaaStatisticsDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Statistics(
        string? term, string? municipalityCode, KaaWork work, CancellationToken ct) =>
        (await work.StatisticsAsync(term, municipalityCode, ct)).ToChanged(KaaStatisticsDto.From);

    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> ScbExportCsv(
        string? referenceDate, KaaWork work, CancellationToken ct)
    {
        var outcome = await work.ScbExportAsync(referenceDate, ct);
        return outcome.Failure switch
        {
            null => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(outcome.Value!.Csv), "text/csv; charset=utf-8", outcome.Value.FileName),
            { Kind: OutcomeKind.Invalid } f => OutcomeResults.Invalid(f.Errors!),
            { Kind: OutcomeKind.Conflict } f => OutcomeResults.Conflict(f),
            { Kind: OutcomeKind.Forbidden } f => new ForbiddenProblem(f.Detail),
            _ => new NotFoundProblem(),
        };
    }
}
