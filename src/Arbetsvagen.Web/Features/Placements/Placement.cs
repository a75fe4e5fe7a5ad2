using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Features.Requirements;
using Arbetsvagen.Infrastructure;
using ValidationException = Arbetsvagen.Infrastructure.ValidationException;

namespace Arbetsvagen.Features.Placements;

/// <summary>The workplace-based measures a placement offers (praktikplatser and the like).</summary>
public enum PlacementKind
{
    [Display(Name = "Praktik")] WorkExperience,
    [Display(Name = "Arbetsträning")] WorkTraining,
    [Display(Name = "Lärlingsplats")] Apprenticeship,
    [Display(Name = "Feriejobb")] SummerJob,
    [Display(Name = "OSA (offentligt skyddat arbete)")] Osa,
    [Display(Name = "Extratjänst")] ExtraJob,
    [Display(Name = "Anpassad anställning")] AdaptedEmployment,
}

public enum PlacementStatus
{
    [Display(Name = "Öppen")] Open,
    [Display(Name = "Vilande")] Dormant,
    [Display(Name = "Avslutad")] Closed,
}

/// <summary>
/// A placement at an employer's workplace: what is done there, who supervises (handledare: personal data, read and
/// changed only with an access-log row), how many places in which periods, and the requirement profile. Shared across
/// the employer's collaboration; managed by its owning unit. Status moves öppen ⇄ vilande → avslutad, each move
/// guarded here with a history row. Participants are booked into it (<see cref="PlacementBooking"/>).
/// </summary>
public class Placement
{
    public const int MaxText = 2000;
    public const int MaxNote = 1000;
    public const int MaxPeriods = 20;
    public const int MaxPlaces = 100;

    private Placement()
    {
    }

    public Guid Id { get; private set; }
    public Guid EmployerId { get; private set; }
    public Guid WorkplaceId { get; private set; }
    /// <summary>The workplace's municipality, kept here so the list filters on one indexed table.</summary>
    public string MunicipalityCode { get; private set; } = "";
    public PlacementKind Kind { get; private set; }
    /// <summary>JobTech occupation-name concept id (ReferenceData.Occupations).</summary>
    public string OccupationId { get; private set; } = "";
    public string Tasks { get; private set; } = "";
    public string SupervisorName { get; private set; } = "";
    public string? SupervisorPhone { get; private set; }
    public string? SupervisorEmail { get; private set; }
    public string? AccessibilityNote { get; private set; }
    public string? LanguageSupportNote { get; private set; }
    public PlacementStatus Status { get; private set; }
    public Guid OwnerCollaborationId { get; private set; }
    public Guid OwnerOrganisationId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public List<PlacementPeriod> Periods { get; private set; } = [];
    public List<Requirement> Requirements { get; private set; } = [];
    public List<PlacementEvent> History { get; private set; } = [];

    /// <summary>Everything a placement says, as the create and edit forms set it (parsed and checked by the use case).</summary>
    public sealed record Content(Guid WorkplaceId, string MunicipalityCode, PlacementKind Kind, string OccupationId, string Tasks,
        string SupervisorName, string? SupervisorPhone, string? SupervisorEmail, string? AccessibilityNote, string? LanguageSupportNote,
        IReadOnlyList<(Guid? Id, DateOnly StartsOn, DateOnly EndsOn, int Places)> Periods, IReadOnlyList<Requirement> Requirements);

    public static Placement Create(Guid employerId, Content content, Guid collaborationId, Guid ownerOrganisationId, Guid by, DateTime now)
    {
        var placement = new Placement
        {
            Id = Guid.NewGuid(),
            EmployerId = employerId,
            Status = PlacementStatus.Open,
            OwnerCollaborationId = collaborationId,
            OwnerOrganisationId = ownerOrganisationId,
            CreatedAt = now,
            CreatedByUserId = by,
        };
        placement.Set(content, [], by, now, "Praktikplatsen registrerades.");
        return placement;
    }

    /// <summary>
    /// Sets the whole content. A period with bookings stays (409 otherwise), keeps every booking inside its dates and
    /// at least as many places as are booked on its busiest day; new periods come with <c>Id</c> null.
    /// </summary>
    public void Set(Content content, IReadOnlyList<PlacementBooking> bookings, Guid by, DateTime now, string? what = null)
    {
        var kept = new List<PlacementPeriod>();
        foreach (var (id, startsOn, endsOn, places) in content.Periods)
        {
            var period = id is { } periodId ? Periods.Single(p => p.Id == periodId) : new PlacementPeriod(Id);
            var booked = bookings.Where(b => b.PeriodId == period.Id && b.Counts).ToList();
            if (booked.Any(b => b.StartsOn < startsOn || b.EffectiveEndsOn > endsOn))
            {
                throw new ConflictException(
                    $"Perioden {Ui.Date(period.StartsOn)}–{Ui.Date(period.EndsOn)} har bokningar utanför {Ui.Date(startsOn)}–{Ui.Date(endsOn)}. Avsluta eller flytta dem först.");
            }

            if (PlacementPeriod.BusiestDay(booked, startsOn, endsOn) is { Count: var most } && most > places)
            {
                throw new ConflictException(
                    $"Perioden {Ui.Date(startsOn)}–{Ui.Date(endsOn)} har {most} bokade platser samma dag; antalet platser kan inte bli färre än så.");
            }

            period.Set(startsOn, endsOn, places);
            kept.Add(period);
        }

        if (Periods.FirstOrDefault(p => !kept.Contains(p) && bookings.Any(b => b.PeriodId == p.Id && b.Counts)) is { } removed)
        {
            throw new ConflictException($"Perioden {Ui.Date(removed.StartsOn)}–{Ui.Date(removed.EndsOn)} har bokningar och kan inte tas bort.");
        }

        Periods.RemoveAll(p => !kept.Contains(p));
        Periods.AddRange(kept.Where(p => !Periods.Contains(p)));
        WorkplaceId = content.WorkplaceId;
        MunicipalityCode = content.MunicipalityCode;
        Kind = content.Kind;
        OccupationId = content.OccupationId;
        Tasks = content.Tasks;
        SupervisorName = content.SupervisorName;
        SupervisorPhone = content.SupervisorPhone;
        SupervisorEmail = content.SupervisorEmail;
        AccessibilityNote = content.AccessibilityNote;
        LanguageSupportNote = content.LanguageSupportNote;
        // New criterion objects every time: the profile is replaced as a whole, like a plan revision.
        Requirements = content.Requirements.Select(r => new Requirement(r.Kind, r.Value, r.MustHave)).ToList();
        UpdatedAt = now;
        History.Add(new PlacementEvent(Id, what ?? "Praktikplatsen ändrades.", by, now));
    }

    /// <summary>Moves the status: öppen ⇄ vilande, either → avslutad; avslutad is final. The same status again is out of order too.</summary>
    public void MoveTo(PlacementStatus to, Guid by, DateTime now)
    {
        var allowed = (Status, to) switch
        {
            (PlacementStatus.Open, PlacementStatus.Dormant) => true,
            (PlacementStatus.Dormant, PlacementStatus.Open) => true,
            (PlacementStatus.Open or PlacementStatus.Dormant, PlacementStatus.Closed) => true,
            _ => false,
        };
        if (!allowed)
        {
            throw new ConflictException(Status == PlacementStatus.Closed
                ? "Praktikplatsen är avslutad och kan inte ändra status."
                : $"Praktikplatsen är redan {EnumText.Label(Status).ToLowerInvariant()}{(Status == to ? "" : $" och kan inte bli {EnumText.Label(to).ToLowerInvariant()}")}.");
        }

        History.Add(new PlacementEvent(Id, $"Status: {EnumText.Label(Status).ToLowerInvariant()} → {EnumText.Label(to).ToLowerInvariant()}.", by, now));
        Status = to;
        UpdatedAt = now;
    }

    /// <summary>
    /// Books a participant for <paramref name="startsOn"/>–<paramref name="endsOn"/>, which must lie inside one period
    /// with a place free on every day; <paramref name="periodBookings"/> are that period's bookings. Full → 409 naming the dates.
    /// </summary>
    public PlacementBooking Book(Guid participantId, DateOnly startsOn, DateOnly endsOn, decimal hoursPerWeek, bool supervisorMayKnow,
        IReadOnlyList<PlacementBooking> periodBookings, Guid by, Guid byOrganisation, DateTime now)
    {
        if (Status != PlacementStatus.Open)
        {
            throw new ConflictException($"Praktikplatsen är {EnumText.Label(Status).ToLowerInvariant()}; bara en öppen praktikplats kan bokas.");
        }

        var period = PeriodFor(startsOn, endsOn) ?? throw new ValidationException("startsOn",
            $"Datumen {Ui.Date(startsOn)}–{Ui.Date(endsOn)} ligger inte inom någon av praktikplatsens perioder: "
            + string.Join(", ", Periods.OrderBy(p => p.StartsOn).Select(p => $"{Ui.Date(p.StartsOn)}–{Ui.Date(p.EndsOn)}")) + ".");
        var counted = periodBookings.Where(b => b.Counts && b.PeriodId == period.Id).ToList();
        var full = PlacementPeriod.FullDays(counted, period.Places, startsOn, endsOn);
        if (full is { } days)
        {
            throw new ConflictException(
                $"Perioden {Ui.Date(period.StartsOn)}–{Ui.Date(period.EndsOn)} är fullbokad {Ui.Date(days.From)}–{Ui.Date(days.To)} (alla {period.Places} platser är bokade).");
        }

        period.Touch();
        History.Add(new PlacementEvent(Id, $"En deltagare bokades {Ui.Date(startsOn)}–{Ui.Date(endsOn)}.", by, now));
        return new PlacementBooking(Id, period.Id, participantId, startsOn, endsOn, hoursPerWeek, supervisorMayKnow, by, byOrganisation, now);
    }

    public PlacementPeriod? PeriodFor(DateOnly startsOn, DateOnly endsOn) =>
        Periods.OrderBy(p => p.StartsOn).FirstOrDefault(p => p.StartsOn <= startsOn && endsOn <= p.EndsOn);

    /// <summary>The kind of plan activity a booking becomes in the participant's action plan.</summary>
    public static ActivityKind ActivityKindOf(PlacementKind kind) => kind switch
    {
        PlacementKind.WorkExperience or PlacementKind.Apprenticeship => ActivityKind.Placement,
        PlacementKind.WorkTraining => ActivityKind.WorkTraining,
        PlacementKind.SummerJob => ActivityKind.SummerJob,
        PlacementKind.Osa => ActivityKind.Osa,
        PlacementKind.ExtraJob => ActivityKind.ExtraJob,
        _ => ActivityKind.Other,
    };
}

/// <summary>A period with a number of places (kapacitet per period).</summary>
public class PlacementPeriod
{
    private PlacementPeriod()
    {
    }

    internal PlacementPeriod(Guid placementId)
    {
        Id = Guid.NewGuid();
        PlacementId = placementId;
    }

    public Guid Id { get; private set; }
    public Guid PlacementId { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public int Places { get; private set; }
    /// <summary>Raised by every booking: two bookings of the last place at once cannot both be saved (concurrency token).</summary>
    public int Version { get; private set; }

    public int Days => EndsOn.DayNumber - StartsOn.DayNumber + 1;

    internal void Set(DateOnly startsOn, DateOnly endsOn, int places)
    {
        StartsOn = startsOn;
        EndsOn = endsOn;
        Places = places;
        Version++;
    }

    internal void Touch() => Version++;

    /// <summary>The day within <paramref name="from"/>–<paramref name="to"/> with the most bookings, and how many (0 for none).</summary>
    public static (DateOnly Day, int Count) BusiestDay(IReadOnlyList<PlacementBooking> bookings, DateOnly from, DateOnly to)
    {
        var best = (Day: from, Count: 0);
        for (var day = from; day <= to && bookings.Count > 0; day = day.AddDays(1))
        {
            var count = bookings.Count(b => b.StartsOn <= day && day <= b.EffectiveEndsOn);
            if (count > best.Count)
            {
                best = (day, count);
            }
        }

        return best;
    }

    /// <summary>The first run of days within <paramref name="from"/>–<paramref name="to"/> on which every place is booked; null when there is a place every day.</summary>
    public static (DateOnly From, DateOnly To)? FullDays(IReadOnlyList<PlacementBooking> bookings, int places, DateOnly from, DateOnly to)
    {
        DateOnly? start = null;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var full = bookings.Count(b => b.StartsOn <= day && day <= b.EffectiveEndsOn) >= places;
            if (full)
            {
                start ??= day;
            }
            else if (start is { } s)
            {
                return (s, day.AddDays(-1));
            }
        }

        return start is { } first ? (first, to) : null;
    }
}

/// <summary>One line of a placement's history: what changed, by whom, when (no personal data about participants).</summary>
public class PlacementEvent
{
    private PlacementEvent()
    {
    }

    public PlacementEvent(Guid placementId, string what, Guid by, DateTime at)
    {
        Id = Guid.NewGuid();
        PlacementId = placementId;
        What = what;
        ByUserId = by;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid PlacementId { get; private set; }
    public string What { get; private set; } = "";
    public Guid ByUserId { get; private set; }
    public DateTime At { get; private set; }
}
