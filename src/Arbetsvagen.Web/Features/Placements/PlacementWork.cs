using System.Globalization;
using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Employers;
using Arbetsvagen.Features.Requirements;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Placements;

/// <summary>One line of the placement list: no personal data (the supervisor is shown only on the placement's own page).</summary>
public sealed record PlacementRow(Guid Id, PlacementKind Kind, PlacementStatus Status, string EmployerName, string WorkplaceName, string MunicipalityCode,
    string OccupationId, DateOnly? NextStartsOn, DateOnly? NextEndsOn, int? NextPlaces);

public sealed record PlacementPage(List<PlacementRow> Rows, int Page, int PageSize, int Total);

/// <summary>A placement as its page shows it: the employer and workplace it is at, and whether the user's unit manages it.</summary>
public sealed record PlacementView(Placement Placement, Employer Employer, Workplace Workplace, bool Manages);

/// <summary>A booking with the participant's name, for those who may see the participant.</summary>
public sealed record BookingView(PlacementBooking Booking, string ParticipantName);

/// <summary>Place-days over a period: booked (by bookings that take a place) against capacity (places × days of the periods).</summary>
public sealed record Utilisation(DateOnly From, DateOnly To, int CapacityPlaceDays, int BookedPlaceDays)
{
    /// <summary>Booked share in per cent, one decimal; null without capacity in the period.</summary>
    public decimal? Percent => CapacityPlaceDays == 0 ? null : Math.Round(100m * BookedPlaceDays / CapacityPlaceDays, 1);
}

public sealed record PlacementUtilisation(Guid PlacementId, PlacementKind Kind, string OccupationId, Utilisation Utilisation);

public sealed record EmployerUtilisation(Guid EmployerId, string EmployerName, Utilisation Total, List<PlacementUtilisation> Placements);

/// <summary>An open placement as the public may read it: no supervisor, no bookings, nothing about any person.</summary>
public sealed record PublicPlacement(Guid Id, PlacementKind Kind, string EmployerName, string City, string MunicipalityCode, string OccupationId,
    string Tasks, string? AccessibilityNote, string? LanguageSupportNote, List<(DateOnly StartsOn, DateOnly EndsOn, int Places)> Periods,
    List<Requirement> Requirements);

/// <summary>
/// Placements (praktikplatser and other workplace-based measures), shared across the employer's collaboration: its
/// caseworkers and coordinators list and read them, the owning unit changes them. The supervisor is personal data:
/// each read of a placement's page and each change of it is access-logged. Booking a participant needs access to the
/// participant's plan (ParticipantAccess) and adds the activity through the plan's own revision
/// (<see cref="ActionPlanWork.ReviseAsync"/>), so the plan's history shows it; ending the booking revises it again.
/// </summary>
public sealed class PlacementWork(AppDbContext db, CurrentUser user, ParticipantAccess participants, AccessLogger log, TimeProvider clock,
    ActionPlanWork plans)
{
    public const int PageSize = 25;
    public const int MaxUtilisationDays = 3 * 366;
    private const string Supervisor = "PlacementSupervisor";
    private const string Booking = "PlacementBooking";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => SwedishTime.Today(Now);
    private List<Guid>? scope;

    /// <summary>The collaborations whose placements the user works with: those their top organisation is a member of; none for analysts and administrators.</summary>
    public async Task<List<Guid>> CollaborationsAsync(CancellationToken ct)
    {
        if (scope is not null)
        {
            return scope;
        }

        if (!user.IsCaseworker && !user.IsInRole(Roles.Coordinator))
        {
            return scope = [];
        }

        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId)
            .Select(o => new { o.Id, o.ParentId }).FirstOrDefaultAsync(ct);
        var top = organisation?.ParentId ?? organisation?.Id;
        return scope = await db.Set<CollaborationMember>().Where(m => m.OrganisationId == top).Select(m => m.CollaborationId).ToListAsync(ct);
    }

    /// <summary>The employers (with workplaces) a placement can be registered at: those of the user's collaborations, in Swedish order.</summary>
    public async Task<List<Employer>> EmployersAsync(CancellationToken ct)
    {
        var mine = await CollaborationsAsync(ct);
        return await db.Employers.AsNoTracking().Include(e => e.Workplaces).Where(e => mine.Contains(e.OwnerCollaborationId))
            .OrderBy(e => e.Name).Take(500).ToListAsync(ct);
    }

    public async Task<Outcome<PlacementPage>> ListAsync(PlacementFilter filter, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var query = db.Placements.AsNoTracking().Where(p => true);
        var mine = await CollaborationsAsync(ct);
        query = query.Where(p => mine.Contains(p.OwnerCollaborationId));
        if (!string.IsNullOrWhiteSpace(filter.Municipality))
        {
            var code = filter.Municipality.Trim();
            if (!ReferenceData.Instance.Municipalities.ContainsKey(code))
            {
                errors["municipality"] = ["Kommunen finns inte. Ange en kommunkod med fyra siffror, t.ex. 0160."];
            }

            query = query.Where(p => p.MunicipalityCode == code);
        }

        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            var kind = Input.Enum<PlacementKind>(errors, "kind", filter.Kind, "Okänd typ av praktikplats");
            query = query.Where(p => p.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            var status = Input.Enum<PlacementStatus>(errors, "status", filter.Status, "Okänd status");
            query = query.Where(p => p.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Occupation))
        {
            var occupation = OccupationId(errors, "occupation", filter.Occupation);
            query = query.Where(p => p.OccupationId == occupation);
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var page = Math.Max(1, filter.Page ?? 1);
        var total = await query.CountAsync(ct);
        // The page's 25 rows first, their names after: a name looked up in the sorted query would be looked up for every
        // matching placement before the sort (SQLite evaluates the result columns into its sorter), 20,000 times a page.
        var found = await query.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new { p.Id, p.Kind, p.Status, p.MunicipalityCode, p.OccupationId, p.EmployerId, p.WorkplaceId }).ToListAsync(ct);
        var employerIds = found.Select(p => p.EmployerId).Distinct().ToList();
        var workplaceIds = found.Select(p => p.WorkplaceId).Distinct().ToList();
        var employers = await db.Employers.AsNoTracking().Where(e => employerIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var workplaces = await db.Workplaces.AsNoTracking().Where(w => workplaceIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        var ids = found.Select(p => p.Id).ToList();
        var today = Today;
        var next = (await db.Set<PlacementPeriod>().AsNoTracking().Where(p => ids.Contains(p.PlacementId) && p.EndsOn >= today).ToListAsync(ct))
            .GroupBy(p => p.PlacementId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.StartsOn).First());
        var rows = found.Select(p =>
        {
            var n = next.GetValueOrDefault(p.Id);
            return new PlacementRow(p.Id, p.Kind, p.Status, employers.GetValueOrDefault(p.EmployerId, ""), workplaces.GetValueOrDefault(p.WorkplaceId, ""),
                p.MunicipalityCode, p.OccupationId, n?.StartsOn, n?.EndsOn, n?.Places);
        }).ToList();
        return new PlacementPage(rows, page, PageSize, total);
    }

    public async Task<Outcome<Placement>> CreateAsync(PlacementInput input, CancellationToken ct)
    {
        var mine = await CollaborationsAsync(ct);
        if (mine.Count == 0)
        {
            return Outcome.Forbidden("Bara handläggare och samordnare i samverkan registrerar praktikplatser.");
        }

        var errors = new Dictionary<string, string[]>();
        var employer = input.EmployerId is { } employerId
            ? await db.Employers.Include(e => e.Workplaces).FirstOrDefaultAsync(e => e.Id == employerId && mine.Contains(e.OwnerCollaborationId), ct)
            : null;
        if (employer is null)
        {
            errors["employerId"] = ["Välj en arbetsgivare som finns i arbetsgivarregistret."];
        }

        var content = ReadContent(input, employer, null, errors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var placement = Placement.Create(employer!.Id, content!, employer.OwnerCollaborationId, user.OrganisationId, user.Id, Now);
        db.Add(placement);
        log.Add(AccessAction.Create, Supervisor, placement.Id, purpose: "handledare på ny praktikplats");
        await db.SaveChangesAsync(ct);
        return placement;
    }

    /// <summary>The placement with its supervisor, logged as a read of the supervisor's personal data.</summary>
    public async Task<Outcome<PlacementView>> ReadAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } view)
        {
            return Outcome.NotFound();
        }

        await log.RecordAsync(AccessAction.Read, Supervisor, id, ct: ct);
        return view;
    }

    public async Task<Outcome<Placement>> UpdateAsync(Guid id, PlacementInput input, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } view)
        {
            return Outcome.NotFound();
        }

        if (!view.Manages)
        {
            return Outcome.Forbidden("Bara den enhet som förvaltar praktikplatsen ändrar den.");
        }

        var errors = new Dictionary<string, string[]>();
        var content = ReadContent(input, view.Employer, view.Placement, errors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var bookings = await db.PlacementBookings.AsNoTracking().Where(b => b.PlacementId == id).ToListAsync(ct);
        return await Outcome.Guard<Placement>(async () =>
        {
            var placement = view.Placement;
            var existing = placement.Periods.Select(p => p.Id).ToHashSet();
            placement.Set(content!, bookings, user.Id, Now);
            db.AddRange(placement.Periods.Where(p => !existing.Contains(p.Id)));
            db.Add(placement.History[^1]);
            log.Add(AccessAction.Update, Supervisor, id, purpose: "praktikplatsen ändrades");
            return await SaveAsync(placement, ct);
        });
    }

    public async Task<Outcome<Placement>> ChangeStatusAsync(Guid id, StatusInput input, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } view)
        {
            return Outcome.NotFound();
        }

        if (!view.Manages)
        {
            return Outcome.Forbidden("Bara den enhet som förvaltar praktikplatsen ändrar dess status.");
        }

        var errors = new Dictionary<string, string[]>();
        var status = Input.Enum<PlacementStatus>(errors, "status", input.Status, "Ange ny status");
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        return await Outcome.Guard<Placement>(async () =>
        {
            view.Placement.MoveTo(status, user.Id, Now);
            db.Add(view.Placement.History[^1]);
            return await SaveAsync(view.Placement, ct);
        });
    }

    /// <summary>The placement's bookings of participants the user may see, newest first; the list is one logged read.</summary>
    public async Task<Outcome<List<BookingView>>> BookingsAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null)
        {
            return Outcome.NotFound();
        }

        var bookings = await db.PlacementBookings.AsNoTracking().Where(b => b.PlacementId == id).OrderByDescending(b => b.StartsOn).ToListAsync(ct);
        var ids = bookings.Select(b => b.ParticipantId).Distinct().ToList();
        // A booking is case-and-plan data: shared participants only where the consent covers that, not identity alone.
        var names = await participants.Visible(DataCategories.CaseAndPlan).Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName }).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var rows = bookings.Where(b => names.ContainsKey(b.ParticipantId)).ToList();
        if (rows.Count > 0)
        {
            await log.RecordAsync(AccessAction.Read, Booking, id, purpose: "bokningar på praktikplats", resultIds: names.Keys, ct: ct);
        }

        return rows.Select(b => new BookingView(b, names[b.ParticipantId])).ToList();
    }

    /// <summary>
    /// Books a participant, within capacity (a full period answers 409 naming the dates) and without overlapping another
    /// booking of theirs (409), and adds the activity to their action plan through the plan's revision.
    /// </summary>
    public async Task<Outcome<PlacementBooking>> BookAsync(Guid id, BookingInput input, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } view)
        {
            return Outcome.NotFound();
        }

        var placement = view.Placement;
        var errors = new Dictionary<string, string[]>();
        var participantId = await ParticipantIdAsync(input, errors, ct);
        if (participantId is null)
        {
            return errors.Count > 0 ? Outcome.Invalid(errors) : Outcome.NotFound();
        }

        if (await participants.FindCoveringAsync(participantId.Value, DataCategories.CaseAndPlan, Booking, ct) is not { } grant)
        {
            return Outcome.NotFound();
        }

        var startsOn = Input.Date(errors, "startsOn", input.StartsOn, "startdatum");
        var endsOn = Input.Date(errors, "endsOn", input.EndsOn, "slutdatum");
        if (startsOn is { } s && endsOn is { } e && e < s)
        {
            errors["endsOn"] = ["Slutdatum kan inte ligga före startdatum."];
        }

        var hours = Hours(errors, input.HoursPerWeek);
        // Telling the employer's supervisor who is coming is the person's own consent, which only their own caseworker records.
        if (input.SupervisorMayKnow && !grant.OwnCase)
        {
            errors["supervisorMayKnow"] = ["Bara deltagarens egen handläggare kan dokumentera att deltagaren samtycker till att handledaren får veta namn och datum."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var (first, last) = (startsOn!.Value, endsOn!.Value);
        var others = await db.PlacementBookings.AsNoTracking()
            .Where(b => b.ParticipantId == grant.Participant.Id && b.Outcome != BookingOutcome.Cancelled && b.StartsOn <= last)
            .ToListAsync(ct);
        if (others.FirstOrDefault(b => b.EffectiveEndsOn >= first) is { } overlapping)
        {
            return Outcome.Conflict(
                $"Deltagaren är redan bokad {Ui.Date(overlapping.StartsOn)}–{Ui.Date(overlapping.EffectiveEndsOn)}{(overlapping.PlacementId == id ? " på den här praktikplatsen" : " på en annan praktikplats")}; en person kan inte vara bokad två gånger samma dagar.");
        }

        var plan = await db.ActionPlans.Include(p => p.Activities).FirstOrDefaultAsync(p => p.ParticipantId == grant.Participant.Id, ct);
        if (plan is null)
        {
            return Outcome.Conflict("Deltagaren har ingen handlingsplan. Upprätta handlingsplanen först; bokningen läggs in som en aktivitet i den.");
        }

        var bookings = await db.PlacementBookings.AsNoTracking().Where(b => b.PlacementId == id).ToListAsync(ct);
        return await Outcome.Guard<PlacementBooking>(async () =>
        {
            var booking = placement.Book(grant.Participant.Id, first, last, hours!.Value, input.SupervisorMayKnow, bookings, user.Id,
                user.OrganisationId, Now);
            var revision = RevisionOf(plan, "Bokad på praktikplats.");
            revision.Activities.Add(new PlanActivityInput
            {
                Kind = EnumText.ApiName(Placement.ActivityKindOf(placement.Kind)), Description = Describe(view), Provider = Provider(view),
                StartsOn = Ui.Date(booking.StartsOn), EndsOn = Ui.Date(booking.EndsOn), HoursPerWeek = Text(booking.HoursPerWeek),
                Status = EnumText.ApiName(booking.StartsOn <= Today ? PlanActivityStatus.Ongoing : PlanActivityStatus.Planned),
            });
            var before = plan.Activities.Select(a => a.Id).ToHashSet();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Add(booking);
            db.Add(placement.History[^1]);
            log.Add(AccessAction.Create, Booking, booking.Id, booking.ParticipantId);
            var revised = await plans.ReviseAsync(booking.ParticipantId, revision, ct);
            if (revised.Failure is { } failure)
            {
                db.ChangeTracker.Clear();
                return PlanRefusal(failure, revision.Activities.Count - 1);
            }

            booking.LinkPlanActivity(revised.Value!.Activities.Single(a => !before.Contains(a.Id)).Id);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return booking;
        });
    }

    public async Task<Outcome<BookingView>> ReadBookingAsync(Guid id, Guid bookingId, CancellationToken ct)
    {
        if (await FindBookingAsync(id, bookingId, ct) is not { } found)
        {
            return Outcome.NotFound();
        }

        await log.RecordAsync(AccessAction.Read, Booking, bookingId, found.Grant.Participant.Id, ct: ct);
        return new BookingView(found.Booking, $"{found.Grant.Participant.FirstName} {found.Grant.Participant.LastName}");
    }

    /// <summary>Ends a booking with its result, and sets the plan activity's status, end date and result through a revision of the plan.</summary>
    public async Task<Outcome<PlacementBooking>> EndBookingAsync(Guid id, Guid bookingId, EndBookingInput input, CancellationToken ct)
    {
        if (await FindBookingAsync(id, bookingId, ct) is not { } found)
        {
            return Outcome.NotFound();
        }

        var booking = found.Booking;
        var errors = new Dictionary<string, string[]>();
        var outcome = Input.Enum<BookingOutcome>(errors, "outcome", input.Outcome, "Ange hur bokningen slutade");
        var endedOn = Input.Date(errors, "endedOn", input.EndedOn, "slutdatum");
        var result = Input.Text(errors, "result", input.Result, "resultatet", PlacementBooking.MaxResult);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        return await Outcome.Guard<PlacementBooking>(async () =>
        {
            booking.End(outcome, endedOn!.Value, result!, user.Id, Now);
            log.Add(AccessAction.Update, Booking, booking.Id, booking.ParticipantId, "bokningen avslutades");
            var plan = await db.ActionPlans.Include(p => p.Activities).FirstOrDefaultAsync(p => p.ParticipantId == booking.ParticipantId, ct);
            var activity = plan?.Activities.FirstOrDefault(a => a.Id == booking.PlanActivityId);
            if (plan is null || activity is null)
            {
                // The activity has been taken out of the plan since: the booking's end is all there is to record.
                await db.SaveChangesAsync(ct);
                return booking;
            }

            var revision = RevisionOf(plan, $"Praktiken avslutades: {EnumText.Label(outcome).ToLowerInvariant()}.");
            var row = revision.Activities.Single(a => a.Id == activity.Id);
            row.Status = EnumText.ApiName(PlacementBooking.PlanStatusOf(outcome));
            row.EndsOn = booking.EndedOn is { } ended && ended < activity.EndsOn ? Ui.Date(ended) : row.EndsOn;
            row.Result = result;
            var revised = await plans.ReviseAsync(booking.ParticipantId, revision, ct);
            if (revised.Failure is { } failure)
            {
                db.ChangeTracker.Clear();
                return PlanRefusal(failure, revision.Activities.IndexOf(row));
            }

            return booking;
        });
    }

    /// <summary>Booked against capacity place-days for the placement between the dates (default: today and 90 days on).</summary>
    public async Task<Outcome<Utilisation>> UtilisationAsync(Guid id, string? from, string? to, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null)
        {
            return Outcome.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        if (ReadSpan(from, to, errors) is not { } span)
        {
            return Outcome.Invalid(errors);
        }

        return (await UtilisationOfAsync([id], span.From, span.To, ct))[id];
    }

    /// <summary>The same for each of an employer's placements in the user's collaborations, and their sum.</summary>
    public async Task<Outcome<EmployerUtilisation>> EmployerUtilisationAsync(Guid? employerId, string? from, string? to, CancellationToken ct)
    {
        var mine = await CollaborationsAsync(ct);
        var employer = employerId is { } eid ? await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eid && mine.Contains(e.OwnerCollaborationId), ct) : null;
        if (employer is null)
        {
            return employerId is null ? Outcome.Invalid("employerId", "Ange vilken arbetsgivare beläggningen gäller.") : Outcome.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        if (ReadSpan(from, to, errors) is not { } span)
        {
            return Outcome.Invalid(errors);
        }

        var placements = await db.Placements.AsNoTracking().Where(p => p.EmployerId == employer.Id && mine.Contains(p.OwnerCollaborationId))
            .OrderBy(p => p.CreatedAt).Select(p => new { p.Id, p.Kind, p.OccupationId }).ToListAsync(ct);
        var each = await UtilisationOfAsync(placements.Select(p => p.Id).ToList(), span.From, span.To, ct);
        var rows = placements.Select(p => new PlacementUtilisation(p.Id, p.Kind, p.OccupationId, each[p.Id])).ToList();
        var total = new Utilisation(span.From, span.To, rows.Sum(r => r.Utilisation.CapacityPlaceDays), rows.Sum(r => r.Utilisation.BookedPlaceDays));
        return new EmployerUtilisation(employer.Id, employer.Name, total, rows);
    }

    /// <summary>
    /// Open placements with a period not yet over, for the public page: no supervisor, no bookings, nothing about a
    /// person; it needs no signed-in user. Newest first, at most <paramref name="max"/>.
    /// </summary>
    public async Task<List<PublicPlacement>> OpenForPublicAsync(PublicPlacementFilter filter, CancellationToken ct, int max = 200)
    {
        var today = Today;
        var query = db.Placements.AsNoTracking().Where(p => p.Status == PlacementStatus.Open && p.Periods.Any(x => x.EndsOn >= today));
        if (filter.MunicipalityCode is { Length: > 0 } code)
        {
            query = query.Where(p => p.MunicipalityCode == code);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(p => p.Kind == kind);
        }

        if (filter.SsykPrefix is { Length: > 0 } prefix)
        {
            var occupations = ReferenceData.Instance.Occupations.Values.Where(o => o.Ssyk4.StartsWith(prefix, StringComparison.Ordinal)).Select(o => o.ConceptId).ToList();
            query = query.Where(p => occupations.Contains(p.OccupationId));
        }

        var found = await query.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id).Take(max).Include(p => p.Periods).Include(p => p.Requirements)
            .Select(p => new
            {
                Placement = p,
                // A sole trader's name is a person's name: the public page leaves it out.
                Employer = db.Set<Employer>().Where(e => e.Id == p.EmployerId && !e.IsSoleTrader).Select(e => e.Name).FirstOrDefault(),
                City = db.Set<Workplace>().Where(w => w.Id == p.WorkplaceId).Select(w => w.City).FirstOrDefault(),
            }).ToListAsync(ct);
        return found.Select(x => new PublicPlacement(x.Placement.Id, x.Placement.Kind, x.Employer ?? "", x.City ?? "", x.Placement.MunicipalityCode,
            x.Placement.OccupationId, x.Placement.Tasks, x.Placement.AccessibilityNote, x.Placement.LanguageSupportNote,
            x.Placement.Periods.Where(p => p.EndsOn >= today).OrderBy(p => p.StartsOn).Select(p => (p.StartsOn, p.EndsOn, p.Places)).ToList(),
            Ordered(x.Placement.Requirements))).ToList();
    }

    /// <summary>A profile in a stable order for reading: must-haves first, then by kind.</summary>
    public static List<Requirement> Ordered(IEnumerable<Requirement> requirements) =>
        requirements.OrderByDescending(r => r.MustHave).ThenBy(r => r.Kind).ThenBy(r => r.Value, StringComparer.Ordinal).ToList();

    // ------------------------------------------------------------------ helpers

    /// <summary>The placement (tracked, with periods and profile) if it belongs to one of the user's collaborations; else null.</summary>
    private async Task<PlacementView?> FindAsync(Guid id, CancellationToken ct)
    {
        var mine = await CollaborationsAsync(ct);
        var placement = await db.Placements.Include(p => p.Periods).Include(p => p.Requirements)
            .FirstOrDefaultAsync(p => p.Id == id && mine.Contains(p.OwnerCollaborationId), ct);
        if (placement is null)
        {
            await log.RecordAsync(AccessAction.Denied, "Placement", id, ct: ct);
            return null;
        }

        var employer = await db.Employers.Include(e => e.Workplaces).FirstAsync(e => e.Id == placement.EmployerId, ct);
        return new PlacementView(placement, employer, employer.Workplaces.Single(w => w.Id == placement.WorkplaceId),
            placement.OwnerOrganisationId == user.OrganisationId);
    }

    /// <summary>The booking and the grant to its participant's plan, or null (a denied row when the participant is out of reach).</summary>
    private async Task<(PlacementBooking Booking, ParticipantGrant Grant)?> FindBookingAsync(Guid id, Guid bookingId, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null)
        {
            return null;
        }

        var booking = await db.PlacementBookings.FirstOrDefaultAsync(b => b.Id == bookingId && b.PlacementId == id, ct);
        var grant = booking is null ? null : await participants.FindCoveringAsync(booking.ParticipantId, DataCategories.CaseAndPlan, Booking, ct);
        return grant is null ? null : (booking!, grant);
    }

    private async Task<Placement> SaveAsync(Placement placement, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("Praktikplatsen har ändrats av någon annan samtidigt. Läs in den igen och gör om ändringen.");
        }

        return placement;
    }

    private async Task<Guid?> ParticipantIdAsync(BookingInput input, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (input.ParticipantId is { } id)
        {
            return id;
        }

        if (string.IsNullOrWhiteSpace(input.PersonalIdentityNumber))
        {
            errors["personalIdentityNumber"] = ["Ange deltagarens personnummer."];
            return null;
        }

        if (!Core.Participants.PersonalIdentityNumber.TryParse(input.PersonalIdentityNumber, Today, out var number, out var problem))
        {
            errors["personalIdentityNumber"] = [problem];
            return null;
        }

        var found = await participants.Visible().Where(p => p.IdentityNumber == number.Value).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            errors["personalIdentityNumber"] = ["Det finns ingen deltagare med det personnumret som du har tillgång till."];
        }

        return found;
    }

    /// <summary>The form's content parsed and checked, every message at once; null when any is wrong.</summary>
    private Placement.Content? ReadContent(PlacementInput input, Employer? employer, Placement? existing, Dictionary<string, string[]> errors)
    {
        var workplace = employer?.Workplaces.FirstOrDefault(w => w.Id == input.WorkplaceId);
        if (employer is not null && workplace is null)
        {
            errors["workplaceId"] = [employer.Workplaces.Count == 0
                ? $"{employer.Name} har inget arbetsställe registrerat. Lägg till ett i arbetsgivarregistret först."
                : "Välj ett av arbetsgivarens arbetsställen."];
        }

        var kind = Input.Enum<PlacementKind>(errors, "kind", input.Kind, "Välj typ av praktikplats");
        var occupation = OccupationId(errors, "occupation", input.Occupation);
        var tasks = Input.Text(errors, "tasks", input.Tasks, "arbetsuppgifterna", Placement.MaxText);
        var supervisor = Input.Text(errors, "supervisorName", input.SupervisorName, "handledarens namn", 200);
        var phone = Input.Text(errors, "supervisorPhone", input.SupervisorPhone, "handledarens telefonnummer", 40, required: false);
        if (phone is not null && (!phone.Any(char.IsAsciiDigit) || !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')')))
        {
            errors["supervisorPhone"] = ["Handledarens telefonnummer får bara innehålla siffror, mellanslag, +, - och parenteser."];
        }

        var email = Input.Text(errors, "supervisorEmail", input.SupervisorEmail, "handledarens e-postadress", 200, required: false);
        if (email is not null && (email.Count(c => c == '@') != 1 || email.Contains(' ', StringComparison.Ordinal) || !email.Split('@')[1].Contains('.', StringComparison.Ordinal)))
        {
            errors["supervisorEmail"] = ["Handledarens e-postadress ska skrivas som namn@exempel.se."];
        }

        var accessibility = Input.Text(errors, "accessibilityNote", input.AccessibilityNote, "noteringen om tillgänglighet", Placement.MaxNote, required: false);
        var language = Input.Text(errors, "languageSupportNote", input.LanguageSupportNote, "noteringen om språkstöd", Placement.MaxNote, required: false);
        var periods = ReadPeriods(input.Periods ?? [], existing, errors);
        var requirements = (input.Requirements ?? []).Parse(errors, "requirements");
        return errors.Count > 0 ? null
            : new Placement.Content(workplace!.Id, workplace.MunicipalityCode, kind, occupation!, tasks!, supervisor!, phone, email, accessibility, language,
                periods, requirements);
    }

    private static List<(Guid? Id, DateOnly StartsOn, DateOnly EndsOn, int Places)> ReadPeriods(List<PeriodInput> input, Placement? existing,
        Dictionary<string, string[]> errors)
    {
        var periods = new List<(Guid?, DateOnly, DateOnly, int)>();
        if (input.Count(p => !p.IsBlank) > Placement.MaxPeriods)
        {
            errors["periods"] = [$"En praktikplats kan ha högst {Placement.MaxPeriods} perioder."];
            return periods;
        }

        for (var i = 0; i < input.Count; i++)
        {
            var p = input[i];
            if (p.IsBlank)
            {
                continue;
            }

            var at = $"periods[{i}]";
            var n = i + 1;
            if (p.Id is { } id && existing?.Periods.Any(x => x.Id == id) != true)
            {
                errors[$"{at}.id"] = [$"Period {n} finns inte på praktikplatsen."];
            }

            var starts = Input.Date(errors, $"{at}.startsOn", p.StartsOn, $"startdatum för period {n}");
            var ends = Input.Date(errors, $"{at}.endsOn", p.EndsOn, $"slutdatum för period {n}");
            if (starts is { } s && ends is { } e && e < s)
            {
                errors[$"{at}.endsOn"] = [$"Period {n}: slutdatum kan inte ligga före startdatum."];
            }

            if (!int.TryParse(p.Places?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var places) || places is < 1 or > Placement.MaxPlaces)
            {
                errors[$"{at}.places"] = [$"Period {n}: ange antal platser som ett heltal mellan 1 och {Placement.MaxPlaces}."];
            }

            if (starts is { } from && ends is { } to && to >= from)
            {
                if (periods.FirstOrDefault(x => x.Item2 <= to && from <= x.Item3) is { Item4: > 0 } other)
                {
                    errors[$"{at}.startsOn"] = [$"Period {n} överlappar perioden {Ui.Date(other.Item2)}–{Ui.Date(other.Item3)}. Ange perioder som inte överlappar."];
                }

                periods.Add((p.Id, from, to, Math.Max(places, 1)));
            }
        }

        if (periods.Count == 0 && !errors.Keys.Any(k => k.StartsWith("periods", StringComparison.Ordinal)))
        {
            errors["periods"] = ["Ange minst en period med antal platser."];
        }

        return periods;
    }

    private static string? OccupationId(Dictionary<string, string[]> errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = ["Ange yrke."];
            return null;
        }

        if (ReferenceData.Instance.Occupations.ContainsKey(text.Trim()))
        {
            return text.Trim();
        }

        var ids = ReferenceData.Instance.OccupationSearch.ConceptIds([text], "Yrke", out var error);
        if (error is not null)
        {
            errors[field] = [error];
            return null;
        }

        return ids[0];
    }

    private static decimal? Hours(Dictionary<string, string[]> errors, string? text)
    {
        if (decimal.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours)
            && hours is > 0 and <= ActionPlan.MaxHoursPerWeek)
        {
            return hours;
        }

        errors["hoursPerWeek"] = [$"Ange timmar per vecka som ett tal mellan 0 och {ActionPlan.MaxHoursPerWeek}, t.ex. 20 eller 7,5."];
        return null;
    }

    private static string Text(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Describe(PlacementView view)
    {
        var occupation = ReferenceData.Instance.Occupations.TryGetValue(view.Placement.OccupationId, out var o) ? o.Name : "";
        var text = $"{EnumText.Label(view.Placement.Kind)} som {occupation.ToLowerInvariant()} hos {view.Employer.Name}";
        return text.Length <= 500 ? text : text[..500];
    }

    private static string Provider(PlacementView view)
    {
        var text = $"{view.Employer.Name}, {view.Workplace.Name}";
        return text.Length <= 200 ? text : text[..200];
    }

    /// <summary>The current plan as a revision that changes nothing yet: the booking adds or changes its own activity on it.</summary>
    private static RevisionInput RevisionOf(ActionPlan plan, string comment) => new()
    {
        BasedOnVersion = plan.Version, Goal = plan.Goal, Direction = EnumText.ApiName(plan.Direction), StartsOn = Ui.Date(plan.StartsOn),
        EndsOn = Ui.Date(plan.EndsOn), ReviewOn = Ui.Date(plan.ReviewOn), Comment = comment,
        Activities = plan.Activities.OrderBy(a => a.StartsOn).ThenBy(a => a.Description).Select(a => new PlanActivityInput
        {
            Id = a.Id, Kind = EnumText.ApiName(a.Kind), Description = a.Description, ActivityId = a.ActivityId, Provider = a.Provider,
            StartsOn = Ui.Date(a.StartsOn), EndsOn = Ui.Date(a.EndsOn), HoursPerWeek = Text(a.HoursPerWeek), Status = EnumText.ApiName(a.Status),
            Result = a.Result,
        }).ToList(),
    };

    /// <summary>
    /// The plan's refusal as the booking's: a message about the booking's own activity lands at the booking's field
    /// (e.g. dates outside the plan period); anything else about the plan is a conflict to resolve in the plan first.
    /// </summary>
    private static Failure PlanRefusal(Failure failure, int row)
    {
        if (failure.Kind != OutcomeKind.Invalid)
        {
            return failure;
        }

        var own = $"activities[{row}].";
        var errors = failure.Errors!.Where(e => e.Key.StartsWith(own, StringComparison.Ordinal))
            .ToDictionary(e => e.Key[own.Length..] switch { "endsOn" => "endsOn", "hoursPerWeek" => "hoursPerWeek", _ => "startsOn" },
                e => e.Value.Select(m => $"Handlingsplanen: {m}").ToArray());
        return errors.Count > 0 && errors.Count == failure.Errors!.Count
            ? Outcome.Invalid(errors)
            : Outcome.Conflict("Handlingsplanen kan inte ändras som den ser ut nu: " + string.Join(" ", failure.Errors!.SelectMany(e => e.Value)) + " Rätta planen först.");
    }

    /// <summary>The dates a utilisation covers: both optional (today and 90 days on), in order, at most three years apart.</summary>
    private (DateOnly From, DateOnly To)? ReadSpan(string? from, string? to, Dictionary<string, string[]> errors)
    {
        var start = Input.Date(errors, "from", from, "från-datum", required: false) ?? Today;
        var end = Input.Date(errors, "to", to, "till-datum", required: false) ?? start.AddDays(90);
        if (errors.Count == 0 && end < start)
        {
            errors["to"] = ["Till-datum kan inte ligga före från-datum."];
        }
        else if (errors.Count == 0 && end.DayNumber - start.DayNumber > MaxUtilisationDays)
        {
            errors["to"] = ["Perioden för beläggningen kan vara högst tre år."];
        }

        return errors.Count > 0 ? null : (start, end);
    }

    private async Task<Dictionary<Guid, Utilisation>> UtilisationOfAsync(List<Guid> ids, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var periods = await db.Set<PlacementPeriod>().AsNoTracking().Where(p => ids.Contains(p.PlacementId) && p.StartsOn <= to && p.EndsOn >= from)
            .ToListAsync(ct);
        var bookings = await db.PlacementBookings.AsNoTracking()
            .Where(b => ids.Contains(b.PlacementId) && b.Outcome != BookingOutcome.Cancelled && b.StartsOn <= to && b.EndsOn >= from).ToListAsync(ct);
        static int Overlap(DateOnly a, DateOnly b, DateOnly from, DateOnly to) =>
            Math.Max(0, Math.Min(b.DayNumber, to.DayNumber) - Math.Max(a.DayNumber, from.DayNumber) + 1);
        return ids.ToDictionary(id => id, id => new Utilisation(from, to,
            periods.Where(p => p.PlacementId == id).Sum(p => p.Places * Overlap(p.StartsOn, p.EndsOn, from, to)),
            bookings.Where(b => b.PlacementId == id).Sum(b => Overlap(b.StartsOn, b.EffectiveEndsOn, from, to))));
    }
}
