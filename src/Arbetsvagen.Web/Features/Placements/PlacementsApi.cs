using Arbetsvagen.Features.Requirements;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arbetsvagen.Features.Placements;

public sealed record PeriodDto(Guid Id, DateOnly StartsOn, DateOnly EndsOn, int Places)
{
    public static PeriodDto From(PlacementPeriod p) => new(p.Id, p.StartsOn, p.EndsOn, p.Places);
}

public sealed record SupervisorDto(string Name, string? Phone, string? Email);

/// <summary>A placement with its supervisor (personal data: reading it is logged) and requirement profile.</summary>
public sealed record PlacementDto(Guid Id, Guid EmployerId, Guid WorkplaceId, string MunicipalityCode, string Kind, string OccupationId, string OccupationName,
    string Tasks, SupervisorDto Supervisor, string? AccessibilityNote, string? LanguageSupportNote, string Status, Guid OwnerOrganisationId,
    List<PeriodDto> Periods, List<RequirementDto> Requirements, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static PlacementDto From(Placement p) => new(p.Id, p.EmployerId, p.WorkplaceId, p.MunicipalityCode, EnumText.ApiName(p.Kind), p.OccupationId,
        OccupationLabel(p.OccupationId), p.Tasks, new SupervisorDto(p.SupervisorName, p.SupervisorPhone, p.SupervisorEmail), p.AccessibilityNote,
        p.LanguageSupportNote, EnumText.ApiName(p.Status), p.OwnerOrganisationId, p.Periods.OrderBy(x => x.StartsOn).Select(PeriodDto.From).ToList(),
        RequirementDto.From(PlacementWork.Ordered(p.Requirements)), p.CreatedAt, p.UpdatedAt);

    public static string OccupationLabel(string conceptId) => ReferenceData.Instance.Occupations.TryGetValue(conceptId, out var o) ? o.Name : conceptId;
}

public sealed record PlacementRowDto(Guid Id, string Kind, string Status, string EmployerName, string WorkplaceName, string MunicipalityCode,
    string OccupationId, string OccupationName, DateOnly? NextStartsOn, DateOnly? NextEndsOn, int? NextPlaces)
{
    public static PlacementRowDto From(PlacementRow r) => new(r.Id, EnumText.ApiName(r.Kind), EnumText.ApiName(r.Status), r.EmployerName, r.WorkplaceName,
        r.MunicipalityCode, r.OccupationId, PlacementDto.OccupationLabel(r.OccupationId), r.NextStartsOn, r.NextEndsOn, r.NextPlaces);
}

public sealed record PlacementPageDto(List<PlacementRowDto> Items, int Page, int PageSize, int Total)
{
    public static PlacementPageDto From(PlacementPage p) => new(p.Rows.Select(PlacementRowDto.From).ToList(), p.Page, p.PageSize, p.Total);
}

/// <summary>A booking; <see cref="ParticipantName"/> only where the reader may see the participant.</summary>
public sealed record BookingDto(Guid Id, Guid PlacementId, Guid PeriodId, Guid ParticipantId, string? ParticipantName, DateOnly StartsOn, DateOnly EndsOn,
    decimal HoursPerWeek, bool SupervisorMayKnow, Guid? PlanActivityId, string? Outcome, DateOnly? EndedOn, string? Result, DateTime BookedAt)
{
    public static BookingDto From(PlacementBooking b) => From(b, null);

    public static BookingDto From(BookingView v) => From(v.Booking, v.ParticipantName);

    private static BookingDto From(PlacementBooking b, string? name) => new(b.Id, b.PlacementId, b.PeriodId, b.ParticipantId, name, b.StartsOn, b.EndsOn,
        b.HoursPerWeek, b.SupervisorMayKnow, b.PlanActivityId, b.Outcome is { } o ? EnumText.ApiName(o) : null, b.EndedOn, b.Result, b.BookedAt);
}

public sealed record UtilisationDto(DateOnly From, DateOnly To, int CapacityPlaceDays, int BookedPlaceDays, decimal? Percent)
{
    public static UtilisationDto Of(Utilisation u) => new(u.From, u.To, u.CapacityPlaceDays, u.BookedPlaceDays, u.Percent);
}

public sealed record PlacementUtilisationDto(Guid PlacementId, string Kind, string OccupationId, string OccupationName, UtilisationDto Utilisation);

public sealed record EmployerUtilisationDto(Guid EmployerId, string EmployerName, UtilisationDto Total, List<PlacementUtilisationDto> Placements)
{
    public static EmployerUtilisationDto From(EmployerUtilisation e) => new(e.EmployerId, e.EmployerName, UtilisationDto.Of(e.Total),
        e.Placements.Select(p => new PlacementUtilisationDto(p.PlacementId, EnumText.ApiName(p.Kind), p.OccupationId, PlacementDto.OccupationLabel(p.OccupationId),
            UtilisationDto.Of(p.Utilisation))).ToList());
}

public static class PlacementsApi
{
    public static void MapPlacementsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/placements").WithTags("Praktikplatser");
        group.MapGet("/", List).WithSummary("Lista praktikplatser i samverkan, filtrerade på kommun, typ, status och yrke (25 per sida)");
        group.MapPost("/", Create).WithSummary("Registrera en praktikplats hos en arbetsgivare");
        group.MapGet("/utilisation", EmployerUtilisation).WithSummary("Beläggning för en arbetsgivares praktikplatser under en period");
        group.MapGet("/{id:guid}", Read).WithSummary("Läs en praktikplats med handledare och kravprofil (läsningen loggas)");
        group.MapPut("/{id:guid}", Update).WithSummary("Ändra en praktikplats (den förvaltande enheten)");
        group.MapPost("/{id:guid}/status", ChangeStatus).WithSummary("Ändra status: öppen, vilande eller avslutad");
        group.MapGet("/{id:guid}/bookings", Bookings).WithSummary("Bokningar av deltagare som du har tillgång till");
        group.MapPost("/{id:guid}/bookings", Book).WithSummary("Boka en deltagare; aktiviteten läggs in i deltagarens handlingsplan");
        group.MapGet("/{id:guid}/bookings/{bookingId:guid}", ReadBooking).WithSummary("Läs en bokning");
        group.MapPost("/{id:guid}/bookings/{bookingId:guid}/end", EndBooking).WithSummary("Avsluta en bokning med resultat; planen uppdateras");
        group.MapGet("/{id:guid}/utilisation", Utilisation).WithSummary("Praktikplatsens beläggning under en period (bokade platsdagar mot kapacitet)");
    }

    private static async Task<Results<Ok<PlacementPageDto>, ValidationProblem>> List([AsParameters] PlacementFilter filter, PlacementWork work,
        CancellationToken ct) => await work.ListAsync(filter, ct) switch
        {
            { Failure.Errors: { } errors } => OutcomeResults.Invalid(errors),
            var found => TypedResults.Ok(PlacementPageDto.From(found.Value!)),
        };

    private static async Task<Results<Created<PlacementDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Create(
        PlacementInput input, PlacementWork work, CancellationToken ct) =>
        (await work.CreateAsync(input, ct)).ToCreated(p => $"/api/v1/placements/{p.Id}", PlacementDto.From);

    private static async Task<Results<Ok<PlacementDto>, NotFoundProblem>> Read(Guid id, PlacementWork work, CancellationToken ct) =>
        (await work.ReadAsync(id, ct)).ToOk(v => PlacementDto.From(v.Placement));

    private static async Task<Results<Ok<PlacementDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Update(
        Guid id, PlacementInput input, PlacementWork work, CancellationToken ct) =>
        (await work.UpdateAsync(id, input, ct)).ToChanged(PlacementDto.From);

    private static async Task<Results<Ok<PlacementDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> ChangeStatus(
        Guid id, StatusInput input, PlacementWork work, CancellationToken ct) =>
        (await work.ChangeStatusAsync(id, input, ct)).ToChanged(PlacementDto.From);

    private static async Task<Results<Ok<List<BookingDto>>, NotFoundProblem>> Bookings(Guid id, PlacementWork work, CancellationToken ct) =>
        (await work.BookingsAsync(id, ct)).ToOk(list => list.Select(BookingDto.From).ToList());

    private static async Task<Results<Created<BookingDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Book(
        Guid id, BookingInput input, PlacementWork work, CancellationToken ct) =>
        (await work.BookAsync(id, input, ct)).ToCreated(b => $"/api/v1/placements/{id}/bookings/{b.Id}", BookingDto.From);

    private static async Task<Results<Ok<BookingDto>, NotFoundProblem>> ReadBooking(Guid id, Guid bookingId, PlacementWork work, CancellationToken ct) =>
        (await work.ReadBookingAsync(id, bookingId, ct)).ToOk(BookingDto.From);

    private static async Task<Results<Ok<BookingDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> EndBooking(
        Guid id, Guid bookingId, EndBookingInput input, PlacementWork work, CancellationToken ct) =>
        (await work.EndBookingAsync(id, bookingId, input, ct)).ToChanged(BookingDto.From);

    private static async Task<Results<Ok<UtilisationDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Utilisation(
        Guid id, string? from, string? to, PlacementWork work, CancellationToken ct) =>
        (await work.UtilisationAsync(id, from, to, ct)).ToChanged(UtilisationDto.Of);

    private static async Task<Results<Ok<EmployerUtilisationDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> EmployerUtilisation(
        Guid? employerId, string? from, string? to, PlacementWork work, CancellationToken ct) =>
        (await work.EmployerUtilisationAsync(employerId, from, to, ct)).ToChanged(EmployerUtilisationDto.From);
}
