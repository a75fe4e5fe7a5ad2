using System.Text;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Kaa;

public sealed record ScbCheckFailure(Guid YouthId, string Name, string Check);

/// <summary>
/// The individual-level KAA file for SCB, format version 1 (docs/kaa-scb-export.md, ADR 0017): one line per young person
/// who was in KAA at some time in the half-year up to the reference date, with contact, sysselsättning, measures,
/// deregistration and the latest school situation. SCB checks the variables against each other on upload; the same
/// checks run here first, and a file with failures is not produced.
/// </summary>
public sealed class ScbExport
{
    public const string FormatVersion = "1";
    public const string Header = "Formatversion;Kommunkod;Referensdatum;Personnummer;Kon;Inskrivningsdatum;Inskrivningsorsak;Kontakt;Sysselsattning;Atgarder;" +
        "Avregistreringsdatum;Avregistreringsorsak;SenasteSkolstatus;SenasteSkolstatusDatum";

    public string Csv { get; private init; } = "";
    public int Lines { get; private init; }
    public List<Guid> YouthIds { get; private init; } = [];
    public List<ScbCheckFailure> Failures { get; private init; } = [];
    public DateOnly ReferenceDate { get; private init; }
    public string FileName => $"kaa-scb-v{FormatVersion}-{MunicipalityCode}-{ReferenceDate:yyyy-MM-dd}.csv";
    public string MunicipalityCode { get; private init; } = "";

    public static string Code(SchoolStatus s) => s switch
    {
        SchoolStatus.Studying => "STUDERAR", SchoolStatus.Dropout => "AVBROTT", SchoolStatus.LeftWithoutDiploma => "UTAN_EXAMEN",
        SchoolStatus.Graduated => "EXAMEN", _ => "OKAND",
    };

    public static string Code(KaaEntryReason r) => r switch
    {
        KaaEntryReason.Dropout => "AVBROTT", KaaEntryReason.LeftWithoutDiploma => "UTAN_EXAMEN", KaaEntryReason.NotEnrolled => "EJ_INSKRIVEN",
        _ => "OVERLAMNAD",
    };

    public static string Code(KaaExitReason r) => r switch
    {
        KaaExitReason.StartedStudies => "STUDIER", KaaExitReason.Graduated => "EXAMEN", KaaExitReason.Work => "ARBETE", KaaExitReason.Moved => "FLYTTAT",
        KaaExitReason.TurnedTwenty => "FYLLT20", KaaExitReason.HandedOverOut => "OVERLAMNAD", _ => "ANNAT",
    };

    public static string Code(KaaOccupation o) => o switch
    {
        KaaOccupation.Studies => "STUDIER", KaaOccupation.Work => "ARBETE", KaaOccupation.Internship => "PRAKTIK", KaaOccupation.OtherMeasure => "ANNAN_INSATS",
        KaaOccupation.None => "INGEN", _ => "VET_EJ",
    };

    public static string Code(KaaMeasureKind m) => m switch
    {
        KaaMeasureKind.StudyVisit => "STUDIEBESOK", KaaMeasureKind.Internship => "PRAKTIK", KaaMeasureKind.FolkHighSchoolCourse => "FOLKHOGSKOLA",
        KaaMeasureKind.KomvuxOrIntroduction => "KOMVUX_INTRO", KaaMeasureKind.Coaching => "COACHNING", _ => "ARBETE",
    };

    public static ScbExport Build(string municipalityCode, DateOnly referenceDate, IEnumerable<KaaYouth> youth)
    {
        var halfYear = KaaRules.TermDates(referenceDate).From;
        var csv = new StringBuilder(Header).Append("\r\n");
        var failures = new List<ScbCheckFailure>();
        var ids = new List<Guid>();
        foreach (var y in youth.OrderBy(y => y.IdentityNumber, StringComparer.Ordinal))
        {
            var period = y.Periods.Where(p => p.Overlaps(halfYear, referenceDate, y.AgeOutOn)).MaxBy(p => p.EnteredOn);
            if (period is null)
            {
                continue;
            }

            var (exitOn, exitReason) = period.ExitAsOf(referenceDate, y.AgeOutOn);
            var periodEnd = exitOn ?? referenceDate;
            var periodStartUtc = SwedishTime.StartOfDayUtc(period.EnteredOn);
            var periodEndUtc = SwedishTime.StartOfDayUtc(periodEnd.AddDays(1));
            var contact = y.Contacts.Any(c => c.At >= periodStartUtc && c.At < periodEndUtc && c.Result != OutreachResult.NotReached);
            var measures = y.Measures.Where(m => m.StartOn >= period.EnteredOn && m.StartOn <= periodEnd).Select(m => Code(m.Kind)).Distinct().Order(StringComparer.Ordinal).ToList();

            if (measures.Count > 0 && !contact)
            {
                failures.Add(new(y.Id, y.Name, "Åtgärder är registrerade men ingen kontakt är etablerad under perioden."));
            }

            if (exitReason is KaaExitReason.StartedStudies or KaaExitReason.Graduated && y.SchoolStatus is not (SchoolStatus.Studying or SchoolStatus.Graduated))
            {
                failures.Add(new(y.Id, y.Name, $"Avregistrerad med orsak {EnumText.Label(exitReason.Value).ToLowerInvariant()} men senaste skolstatus är {EnumText.Label(y.SchoolStatus).ToLowerInvariant()}."));
            }

            if (exitOn is null && y.Occupation == KaaOccupation.Studies)
            {
                failures.Add(new(y.Id, y.Name, "Sysselsättningen är studier men personen är inte avregistrerad."));
            }

            if (exitOn is { } e && e < period.EnteredOn)
            {
                failures.Add(new(y.Id, y.Name, "Avregistreringsdatum ligger före inskrivningsdatum."));
            }

            ids.Add(y.Id);
            csv.AppendJoin(';', [
                FormatVersion, municipalityCode, referenceDate.ToString("yyyy-MM-dd"), y.IdentityNumber,
                y.Gender switch { Gender.Woman => "K", Gender.Man => "M", _ => "U" },
                period.EnteredOn.ToString("yyyy-MM-dd"), Code(period.EntryReason), contact ? "J" : "N", Code(y.Occupation), string.Join('|', measures),
                exitOn?.ToString("yyyy-MM-dd") ?? "", exitReason is { } r ? Code(r) : "", Code(y.SchoolStatus), y.SchoolStatusOn.ToString("yyyy-MM-dd"),
            ]).Append("\r\n");
        }

        return new ScbExport
        {
            Csv = csv.ToString(), Lines = ids.Count, YouthIds = ids, Failures = failures, ReferenceDate = referenceDate, MunicipalityCode = municipalityCode,
        };
    }
}
