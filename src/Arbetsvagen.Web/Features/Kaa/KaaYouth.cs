using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Kaa;

/// <summary>The school situation as the regional pupil database reports it.</summary>
public enum SchoolStatus
{
    [Display(Name = "Studerar")] Studying,
    [Display(Name = "Avbrott")] Dropout,
    [Display(Name = "Avslutat utan examen")] LeftWithoutDiploma,
    [Display(Name = "Examen")] Graduated,
    [Display(Name = "Okänd")] Unknown,
}

public enum KaaEntryReason
{
    [Display(Name = "Avbrott i gymnasieskolan")] Dropout,
    [Display(Name = "Avslutat utan examen")] LeftWithoutDiploma,
    [Display(Name = "Inte inskriven i gymnasieskolan")] NotEnrolled,
    [Display(Name = "Överlämnad från annan kommun")] HandedOverIn,
}

public enum KaaExitReason
{
    [Display(Name = "Började studera")] StartedStudies,
    [Display(Name = "Tog examen")] Graduated,
    [Display(Name = "Arbete")] Work,
    [Display(Name = "Flyttat")] Moved,
    [Display(Name = "Fyllt 20")] TurnedTwenty,
    [Display(Name = "Överlämnad till annan kommun")] HandedOverOut,
    [Display(Name = "Annat")] Other,
}

/// <summary>Sysselsättning: what the young person does, as the KAA officer knows it.</summary>
public enum KaaOccupation
{
    [Display(Name = "Vet ej")] Unknown,
    [Display(Name = "Studier")] Studies,
    [Display(Name = "Arbete")] Work,
    [Display(Name = "Praktik")] Internship,
    [Display(Name = "Annan insats")] OtherMeasure,
    [Display(Name = "Ingen sysselsättning")] None,
}

public enum OutreachChannel
{
    [Display(Name = "Telefon")] Phone,
    [Display(Name = "Sms")] Sms,
    [Display(Name = "Brev")] Letter,
    [Display(Name = "E-post")] Email,
    [Display(Name = "Hembesök")] HomeVisit,
    [Display(Name = "Motiverande samtal")] MotivationalTalk,
}

public enum OutreachResult
{
    [Display(Name = "Nådd")] Reached,
    [Display(Name = "Ej nådd")] NotReached,
    [Display(Name = "Avböjer")] Declined,
}

public enum KaaMeasureKind
{
    [Display(Name = "Studiebesök")] StudyVisit,
    [Display(Name = "Praktik")] Internship,
    [Display(Name = "Studiemotiverande kurs på folkhögskola")] FolkHighSchoolCourse,
    [Display(Name = "Komvux eller gymnasial introduktion")] KomvuxOrIntroduction,
    [Display(Name = "Coachning")] Coaching,
    [Display(Name = "Arbete")] Work,
}

public enum KaaShareKind
{
    [Display(Name = "Samtycke till delning")] Consent,
    [Display(Name = "Överlämning till vuxenverksamhet vid 20 år")] AdultServicesHandover,
}

/// <summary>
/// The KAA rules that need no database: who falls under the activity responsibility and until when. They are the same
/// for an import, the work list, the statistics and the SCB export.
/// </summary>
public static class KaaRules
{
    /// <summary>
    /// The last day a person can be in KAA: the end of the calendar half-year in which they turn 20 (30 June or
    /// 31 December). ADR 0017 records the reading of "up to the half-year they turn 20".
    /// </summary>
    public static DateOnly AgeOutOn(DateOnly born)
    {
        var twenty = born.AddYears(20);
        return twenty.Month <= 6 ? new DateOnly(twenty.Year, 6, 30) : new DateOnly(twenty.Year, 12, 31);
    }

    /// <summary>The first day a person can be in KAA: their 16th birthday.</summary>
    public static DateOnly AgeInOn(DateOnly born) => born.AddYears(16);

    public static bool InAgeWindow(DateOnly born, DateOnly day) => day >= AgeInOn(born) && day <= AgeOutOn(born);

    /// <summary>Not studying, left without a diploma, or not found in any school: KAA. Studying or graduated: not.</summary>
    public static KaaEntryReason? EntryReason(SchoolStatus status) => status switch
    {
        SchoolStatus.Dropout => KaaEntryReason.Dropout,
        SchoolStatus.LeftWithoutDiploma => KaaEntryReason.LeftWithoutDiploma,
        SchoolStatus.Unknown => KaaEntryReason.NotEnrolled,
        _ => null,
    };

    public static KaaExitReason ExitReason(SchoolStatus status) =>
        status == SchoolStatus.Graduated ? KaaExitReason.Graduated : KaaExitReason.StartedStudies;

    /// <summary>The term (VT: January–June, HT: July–December) a day falls in, as "HT 2026".</summary>
    public static string Term(DateOnly day) => day.Month <= 6 ? $"VT {day.Year}" : $"HT {day.Year}";

    public static (DateOnly From, DateOnly To) TermDates(DateOnly day) => day.Month <= 6
        ? (new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 6, 30))
        : (new DateOnly(day.Year, 7, 1), new DateOnly(day.Year, 12, 31));

    /// <summary>Parses "HT 2026", "ht2026" or "VT-2027" into the term's dates.</summary>
    public static bool TryParseTerm(string? text, out (DateOnly From, DateOnly To) term)
    {
        term = default;
        var t = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        if (t.Length != 6 || !int.TryParse(t[2..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            || year < 2000 || year > 2100)
        {
            return false;
        }

        switch (t[..2])
        {
            case "VT": term = TermDates(new DateOnly(year, 1, 1)); return true;
            case "HT": term = TermDates(new DateOnly(year, 7, 1)); return true;
            default: return false;
        }
    }

    /// <summary>Who to try next: the first way of reaching the person not yet tried in this period, phone first.</summary>
    public static OutreachChannel NextChannel(IEnumerable<OutreachChannel> tried)
    {
        var done = tried.ToHashSet();
        foreach (var c in (OutreachChannel[])[OutreachChannel.Phone, OutreachChannel.Sms, OutreachChannel.Letter, OutreachChannel.HomeVisit])
        {
            if (!done.Contains(c))
            {
                return c;
            }
        }

        return OutreachChannel.HomeVisit;
    }

    /// <summary>Days until the next attempt after one that did not reach the person: sooner at first, then further apart.</summary>
    public static int DaysUntilNextAttempt(int attempts) => attempts switch { <= 1 => 3, 2 => 7, 3 => 14, _ => 30 };
}

/// <summary>
/// A young person in the municipality's KAA register (kommunala aktivitetsansvaret). Not a <c>Participant</c>: the
/// ordinance allows identity, contact details, school situation, sysselsättning, contacts and measures only, and the
/// record is kept apart from social services (ADR 0017). Owned by one KAA unit; periods in KAA are derived from imports.
/// </summary>
public class KaaYouth
{
    private KaaYouth() { }

    public const int MaxName = 100;
    public const int MaxText = 200;
    public const int MaxPlan = 4000;

    public Guid Id { get; private set; }
    public Guid OwnerOrganisationId { get; private set; }
    public Guid OwnerBoundaryId { get; private set; }
    public string MunicipalityCode { get; private set; } = "";
    public string IdentityNumber { get; private set; } = "";
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public Gender Gender { get; private set; }
    public DateOnly DateOfBirth { get; private set; }
    /// <summary>The end of the half-year the person turns 20 (<see cref="KaaRules.AgeOutOn"/>), stored so lists can filter on it.</summary>
    public DateOnly AgeOutOn { get; private set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? StreetAddress { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? School { get; private set; }
    public string? Programme { get; private set; }
    public SchoolStatus SchoolStatus { get; private set; }
    public DateOnly SchoolStatusOn { get; private set; }
    public KaaOccupation Occupation { get; private set; }
    /// <summary>In an open KAA period (the age limit aside, which <see cref="AgeOutOn"/> decides at reading time).</summary>
    public bool InKaa { get; private set; }
    /// <summary>Reached in the current period; the work list is those in KAA not reached.</summary>
    public bool Reached { get; private set; }
    public int Attempts { get; private set; }
    public DateTime? LastAttemptAt { get; private set; }
    public DateOnly? NextAttemptOn { get; private set; }
    public OutreachChannel NextChannel { get; private set; }
    public string? Plan { get; private set; }
    public DateTime? PlanUpdatedAt { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public List<KaaPeriod> Periods { get; private set; } = [];
    public List<KaaContact> Contacts { get; private set; } = [];
    public List<KaaMeasure> Measures { get; private set; } = [];
    public List<KaaShare> Shares { get; private set; } = [];

    public KaaPeriod? OpenPeriod => Periods.Where(p => p.ExitedOn is null).MaxBy(p => p.EnteredOn);

    public string Name => $"{FirstName} {LastName}";

    public int AgeOn(DateOnly day)
    {
        var age = day.Year - DateOfBirth.Year;
        return DateOfBirth.AddYears(age) > day ? age - 1 : age;
    }

    public static KaaYouth Create(Guid ownerOrganisationId, Guid ownerBoundaryId, string municipalityCode, string identityNumber, DateOnly born,
        Gender gender, string firstName, string lastName, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OwnerOrganisationId = ownerOrganisationId,
        OwnerBoundaryId = ownerBoundaryId,
        MunicipalityCode = municipalityCode,
        IdentityNumber = identityNumber,
        DateOfBirth = born,
        AgeOutOn = KaaRules.AgeOutOn(born),
        Gender = gender,
        FirstName = firstName.Trim(),
        LastName = lastName.Trim(),
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>True when the row from the pupil database says something other than what the register holds.</summary>
    public bool DiffersFrom(SchoolRow row) => row.FirstName != FirstName || row.LastName != LastName || row.School != School
        || row.Programme != Programme || row.Status != SchoolStatus || row.StatusOn != SchoolStatusOn
        || (row.Phone is not null && row.Phone != Phone) || (row.Email is not null && row.Email != Email)
        || (row.StreetAddress is not null && row.StreetAddress != StreetAddress) || (row.PostalCode is not null && row.PostalCode != PostalCode)
        || (row.City is not null && row.City != City);

    /// <summary>
    /// Takes an imported school situation and derives the KAA period from it: a status that means KAA opens a period
    /// (a new one after an earlier exit: re-entry), studying or a diploma closes the open one. Returns what happened.
    /// </summary>
    public KaaChange ApplySchoolSituation(SchoolRow row, DateOnly today, DateTime now)
    {
        FirstName = row.FirstName;
        LastName = row.LastName;
        School = row.School;
        Programme = row.Programme;
        Phone = row.Phone ?? Phone;
        Email = row.Email ?? Email;
        StreetAddress = row.StreetAddress ?? StreetAddress;
        PostalCode = row.PostalCode ?? PostalCode;
        City = row.City ?? City;
        SchoolStatus = row.Status;
        SchoolStatusOn = row.StatusOn;
        UpdatedAt = now;
        return Derive(today);
    }

    /// <summary>The period that the current school situation implies, as of <paramref name="today"/>.</summary>
    public KaaChange Derive(DateOnly today)
    {
        var open = OpenPeriod;
        if (open is not null && today > AgeOutOn)
        {
            Close(open, AgeOutOn, KaaExitReason.TurnedTwenty);
            return KaaChange.Exited;
        }

        var entry = KaaRules.EntryReason(SchoolStatus);
        if (entry is { } reason && open is null && KaaRules.InAgeWindow(DateOfBirth, today))
        {
            // Not before the 16th birthday, and not before the last period ended (a status dated before an exit re-enters on the exit day).
            var lastExit = Periods.Where(p => p.ExitedOn is not null).Select(p => p.ExitedOn!.Value).DefaultIfEmpty(DateOnly.MinValue).Max();
            var on = new[] { SchoolStatusOn, KaaRules.AgeInOn(DateOfBirth), lastExit.AddDays(lastExit == DateOnly.MinValue ? 0 : 1) }.Max();
            Periods.Add(KaaPeriod.Open(Id, on > today ? today : on, reason));
            InKaa = true;
            ResetOutreach(on > today ? today : on);
            Occupation = KaaOccupation.Unknown;
            return Periods.Count > 1 ? KaaChange.ReEntered : KaaChange.Entered;
        }

        if (entry is null && open is not null)
        {
            Close(open, SchoolStatusOn < open.EnteredOn ? open.EnteredOn : SchoolStatusOn, KaaRules.ExitReason(SchoolStatus));
            Occupation = KaaOccupation.Studies;
            return KaaChange.Exited;
        }

        return KaaChange.None;
    }

    private void Close(KaaPeriod open, DateOnly on, KaaExitReason reason)
    {
        open.Close(on, reason);
        InKaa = false;
        NextAttemptOn = null;
    }

    private void ResetOutreach(DateOnly from)
    {
        Reached = false;
        Attempts = 0;
        NextAttemptOn = from;
        NextChannel = OutreachChannel.Phone;
    }

    /// <summary>Records an outreach attempt or talk; the work list follows from it (reached, or the next try and how).</summary>
    public KaaContact RecordContact(OutreachChannel channel, OutreachResult result, DateTime at, string? note, Guid by, Guid organisationId, DateOnly today)
    {
        var contact = new KaaContact
        {
            Id = Guid.NewGuid(), YouthId = Id, At = at, Channel = channel, Result = result, Note = note, ByUserId = by, OrganisationId = organisationId,
        };
        Contacts.Add(contact);
        LastAttemptAt = at;
        var periodStart = OpenPeriod?.EnteredOn ?? DateOnly.MinValue;
        if (result is OutreachResult.Reached or OutreachResult.Declined)
        {
            Reached = true;
            NextAttemptOn = null;
        }
        else if (!Reached)
        {
            Attempts++;
            NextAttemptOn = today.AddDays(KaaRules.DaysUntilNextAttempt(Attempts));
            NextChannel = KaaRules.NextChannel(Contacts.Where(c => DateOnly.FromDateTime(c.At) >= periodStart).Select(c => c.Channel));
        }

        UpdatedAt = at;
        return contact;
    }

    public KaaMeasure AddMeasure(KaaMeasureKind kind, DateOnly startOn, DateOnly? endOn, string? note, Guid by, DateTime now)
    {
        if (!InKaa)
        {
            throw new ConflictException("Personen omfattas inte av aktivitetsansvaret just nu; en åtgärd kan bara läggas till under en period i KAA.");
        }

        var measure = new KaaMeasure { Id = Guid.NewGuid(), YouthId = Id, Kind = kind, StartOn = startOn, EndOn = endOn, Note = note, ByUserId = by, CreatedAt = now };
        Measures.Add(measure);
        if (Occupation is KaaOccupation.Unknown or KaaOccupation.None)
        {
            Occupation = kind switch
            {
                KaaMeasureKind.Work => KaaOccupation.Work,
                KaaMeasureKind.Internship => KaaOccupation.Internship,
                KaaMeasureKind.KomvuxOrIntroduction => KaaOccupation.OtherMeasure,
                _ => KaaOccupation.OtherMeasure,
            };
        }

        UpdatedAt = now;
        return measure;
    }

    public void SetOccupation(KaaOccupation occupation, DateTime now)
    {
        Occupation = occupation;
        UpdatedAt = now;
    }

    public void WritePlan(string plan, DateTime now)
    {
        Plan = plan;
        PlanUpdatedAt = now;
        UpdatedAt = now;
    }

    /// <summary>The officer ends the period (work, moved, other); studies and diplomas come from the import.</summary>
    public void Exit(DateOnly on, KaaExitReason reason, DateTime now)
    {
        if (OpenPeriod is not { } open)
        {
            throw new ConflictException("Personen har ingen öppen period i aktivitetsansvaret.");
        }

        if (on < open.EnteredOn)
        {
            throw new Infrastructure.ValidationException("exitedOn", $"Avslutsdagen kan inte ligga före periodens första dag ({open.EnteredOn:yyyy-MM-dd}).");
        }

        Close(open, on, reason);
        Occupation = reason switch
        {
            KaaExitReason.Work => KaaOccupation.Work,
            KaaExitReason.StartedStudies or KaaExitReason.Graduated => KaaOccupation.Studies,
            _ => Occupation,
        };
        UpdatedAt = now;
    }

    /// <summary>Hands the record over to the KAA unit of the municipality the person moved to: this period ends here and starts there.</summary>
    public void HandOver(Guid toOrganisationId, Guid toBoundaryId, string toMunicipalityCode, DateOnly on, DateTime now)
    {
        if (OpenPeriod is { } open)
        {
            Close(open, on < open.EnteredOn ? open.EnteredOn : on, KaaExitReason.HandedOverOut);
        }

        OwnerOrganisationId = toOrganisationId;
        OwnerBoundaryId = toBoundaryId;
        MunicipalityCode = toMunicipalityCode;
        if (KaaRules.InAgeWindow(DateOfBirth, on))
        {
            Periods.Add(KaaPeriod.Open(Id, on, KaaEntryReason.HandedOverIn));
            InKaa = true;
            ResetOutreach(on);
        }

        UpdatedAt = now;
    }

    public KaaShare Share(Guid recipientOrganisationId, KaaShareKind kind, DateOnly consentGivenOn, DateOnly validUntil, string purpose, Guid by, DateTime now)
    {
        var share = new KaaShare
        {
            Id = Guid.NewGuid(), YouthId = Id, RecipientOrganisationId = recipientOrganisationId, Kind = kind, ConsentGivenOn = consentGivenOn,
            ValidUntil = validUntil, Purpose = purpose, ByUserId = by, RecordedAt = now,
        };
        Shares.Add(share);
        UpdatedAt = now;
        return share;
    }
}

public enum KaaChange { None, Entered, ReEntered, Exited }

/// <summary>One period in KAA: from entry (the school situation) to exit and its reason.</summary>
public class KaaPeriod
{
    public Guid Id { get; private set; }
    public Guid YouthId { get; private set; }
    public DateOnly EnteredOn { get; private set; }
    public KaaEntryReason EntryReason { get; private set; }
    public DateOnly? ExitedOn { get; private set; }
    public KaaExitReason? ExitReason { get; private set; }

    public static KaaPeriod Open(Guid youthId, DateOnly on, KaaEntryReason reason) =>
        new() { Id = Guid.NewGuid(), YouthId = youthId, EnteredOn = on, EntryReason = reason };

    public void Close(DateOnly on, KaaExitReason reason)
    {
        ExitedOn = on;
        ExitReason = reason;
    }

    /// <summary>The exit as of <paramref name="day"/>, the age limit included even before an import has closed the period.</summary>
    public (DateOnly? On, KaaExitReason? Reason) ExitAsOf(DateOnly day, DateOnly ageOutOn) =>
        ExitedOn is { } e && e <= day ? (e, ExitReason) : ageOutOn < day && (ExitedOn is null || ExitedOn > ageOutOn) ? (ageOutOn, KaaExitReason.TurnedTwenty) : (null, null);

    public bool Overlaps(DateOnly from, DateOnly to, DateOnly ageOutOn) =>
        EnteredOn <= to && (ExitedOn ?? ageOutOn) >= from && ageOutOn >= from;
}

public class KaaContact
{
    public Guid Id { get; set; }
    public Guid YouthId { get; set; }
    public DateTime At { get; set; }
    public OutreachChannel Channel { get; set; }
    public OutreachResult Result { get; set; }
    public string? Note { get; set; }
    public Guid ByUserId { get; set; }
    public Guid OrganisationId { get; set; }
}

public class KaaMeasure
{
    public Guid Id { get; set; }
    public Guid YouthId { get; set; }
    public KaaMeasureKind Kind { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public string? Note { get; set; }
    public Guid ByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// The young person's consent that names another organisation (social services, Arbetsförmedlingen): the one way that
/// organisation may read the KAA record. A handover at 20 is such a consent.
/// </summary>
public class KaaShare
{
    public Guid Id { get; set; }
    public Guid YouthId { get; set; }
    public Guid RecipientOrganisationId { get; set; }
    public KaaShareKind Kind { get; set; }
    public DateOnly ConsentGivenOn { get; set; }
    public DateOnly ValidUntil { get; set; }
    public string Purpose { get; set; } = "";
    public Guid ByUserId { get; set; }
    public DateTime RecordedAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }
}

/// <summary>One import of a school-situation file: its counts and its change report.</summary>
public class KaaImport
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public string FileName { get; set; } = "";
    public Guid ByUserId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int Rows { get; set; }
    public int Processed { get; set; }
    public int Added { get; set; }
    public int Changed { get; set; }
    public int Unchanged { get; set; }
    public int Entered { get; set; }
    public int ReEntered { get; set; }
    public int Exited { get; set; }
    public int BadRows { get; set; }
    /// <summary>Youth in the register that the file no longer lists (they are kept; the report names the count).</summary>
    public int NotInFile { get; set; }
    /// <summary>The change report: one line per changed person (no personnummer), capped.</summary>
    public string Report { get; set; } = "";

    public int Percent => Rows == 0 ? 100 : (int)(Processed * 100L / Rows);
}
