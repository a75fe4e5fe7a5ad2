using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Arbetsvagen.Infrastructure.Demo.DemoNames;

namespace Arbetsvagen.Features.Kaa;

/// <summary>
/// The demo region's KAA population: per municipality the count seed 002 gives (Norrtälje about 170, Österåker 170,
/// Danderyd 150, Täby 150, Vallentuna 130, Vaxholm 30), scaled down with a smaller demo population, with this term's
/// outreach, measures and returns to studies, dated relative to today. Only Skatteverket's test personnummer of people
/// in the KAA ages are used (about 1,050 exist); the youngest <see cref="ReservedForTests"/> are left for the tests.
/// Municipalities without a KAA unit get one (the organisations' seeding creates Norrtälje's and Täby's).
/// </summary>
public static class KaaDemo
{
    public static readonly (string Municipality, int Count)[] Counts =
        [("Danderyd", 150), ("Norrtälje", 170), ("Täby", 150), ("Vallentuna", 130), ("Vaxholm", 30), ("Österåker", 170)];

    public const int ReservedForTests = 120;

    private static readonly string[] Girls = ["Alva", "Ebba", "Wilma", "Nour", "Elsa", "Maryam", "Tilda", "Saga", "Hiba", "Julia", "Lova", "Ines", "Selma", "Mira", "Leah"];
    private static readonly string[] Boys = ["Liam", "Hugo", "Elias", "Omar", "Noah", "Ali", "Melvin", "Theo", "Yousef", "Viktor", "Isak", "Adam", "Leo", "Malte", "Kevin"];
    private static readonly string[] LastNames = ["Andersson", "Lindqvist", "Hussein", "Nyberg", "Öberg", "Karlsson", "Mahmoud", "Sjöberg", "Åkesson", "Warsame", "Berglund", "Novak", "Ekström", "Yusuf", "Holm"];
    private static readonly string[] Schools = ["Roslagsgymnasiet", "Åva gymnasium", "Tibble gymnasium", "Danderyds gymnasium", "Vallentuna gymnasium", "Österåkers gymnasium"];
    private static readonly string[] Programmes = ["Introduktionsprogram", "Fordons- och transportprogrammet", "Barn- och fritidsprogrammet", "Ekonomiprogrammet", "El- och energiprogrammet", "Samhällsvetenskapsprogrammet"];

    /// <summary>The test personnummer (and samordningsnummer with a whole birth date) of people in the KAA ages today, oldest first.</summary>
    public static List<PersonalIdentityNumber> Numbers(DateOnly today) =>
        ReferenceData.ReadLines("test-personnummer.csv").Concat(ReferenceData.ReadLines("test-samordningsnummer.csv"))
            .Select(line => PersonalIdentityNumber.TryParse(line.Trim(), today, out var n, out _) ? n : null)
            .OfType<PersonalIdentityNumber>()
            .Where(n => n.IsDateOfBirthComplete && KaaRules.InAgeWindow(n.DateOfBirth, today))
            .OrderBy(n => n.DateOfBirth).ThenBy(n => n.Value, StringComparer.Ordinal)
            .ToList();

    public static async Task SeedAsync(AppDbContext db, int demoParticipants, DateTime now, CancellationToken ct = default)
    {
        var today = SwedishTime.Today(now);
        var numbers = Numbers(today);
        var usable = numbers.Take(Math.Max(0, numbers.Count - ReservedForTests)).ToList();
        var scale = Math.Min(1.0, demoParticipants / 300.0);
        var officer = await db.Users.Where(u => u.UserName == "kaa.norrtalje").Select(u => u.Id).FirstOrDefaultAsync(ct);
        var organisations = await db.Organisations.ToListAsync(ct);
        var next = 0;
        var random = new Random(2026);
        foreach (var (name, full) in Counts)
        {
            var municipality = organisations.First(o => o.Name == $"{name} kommun");
            var unit = organisations.FirstOrDefault(o => o.Name == KaaName(name));
            if (unit is null)
            {
                unit = Organisation.CreateUnit(municipality, KaaName(name), UnitFunction.YouthActivityResponsibility, ownSecrecyBoundary: true, now);
                db.Organisations.Add(unit);
            }

            var count = Math.Min((int)Math.Round(full * scale), usable.Count - next);
            var youth = new List<KaaYouth>();
            for (var i = 0; i < count; i++)
            {
                youth.Add(Young(usable[next++], unit, officer, random, today, now));
            }

            db.KaaYouth.AddRange(youth);
            db.KaaImports.Add(new KaaImport
            {
                Id = Guid.NewGuid(), OrganisationId = unit.Id, FileName = $"elevdatabasen-{name.ToLowerInvariant()}.csv", ByUserId = officer,
                StartedAt = now.AddDays(-7), FinishedAt = now.AddDays(-7).AddSeconds(2), Rows = count, Processed = count, Added = count,
                Entered = youth.Count(y => y.Periods.Count > 0),
            });
            await db.SaveChangesAsync(ct);
        }
    }

    private static KaaYouth Young(PersonalIdentityNumber number, Organisation unit, Guid officer, Random random, DateOnly today, DateTime now)
    {
        var gender = number.IsMale ? Gender.Man : Gender.Woman;
        var first = number.IsMale ? Boys[random.Next(Boys.Length)] : Girls[random.Next(Girls.Length)];
        var y = KaaYouth.Create(unit.Id, unit.SecrecyBoundaryId, unit.MunicipalityCode!, number.Value, number.DateOfBirth, gender, first,
            LastNames[random.Next(LastNames.Length)], now.AddDays(-200));
        y.Phone = $"073-{random.Next(100, 999)} {random.Next(10, 99)} {random.Next(10, 99)}";
        var entered = today.AddDays(-random.Next(20, 240));
        var roll = random.Next(100);
        var status = roll < 45 ? SchoolStatus.Dropout : roll < 70 ? SchoolStatus.LeftWithoutDiploma : SchoolStatus.Unknown;
        y.ApplySchoolSituation(Row(y, status, entered, random), today, now.AddDays(-200));
        if (!y.InKaa)
        {
            return y;
        }

        var start = y.OpenPeriod!.EnteredOn;
        var day = start.AddDays(random.Next(1, 10));
        var reachedAfter = random.Next(100) < 62 ? random.Next(0, 4) : -1;
        var attempts = reachedAfter >= 0 ? reachedAfter + 1 : random.Next(0, 4);
        for (var a = 0; a < attempts && day < today; a++)
        {
            var reached = a == reachedAfter;
            var channel = reached && a > 0 && random.Next(3) == 0 ? OutreachChannel.HomeVisit : y.NextChannel;
            y.RecordContact(channel, reached ? (random.Next(12) == 0 ? OutreachResult.Declined : OutreachResult.Reached) : OutreachResult.NotReached,
                At(day), reached ? "Kontakt etablerad (fiktiv anteckning)." : null, officer, unit.Id, day);
            day = day.AddDays(KaaRules.DaysUntilNextAttempt(a + 1) + random.Next(0, 3));
        }

        if (!y.Reached || day >= today)
        {
            return y;
        }

        var talk = day.AddDays(random.Next(2, 12));
        if (talk < today)
        {
            y.RecordContact(OutreachChannel.MotivationalTalk, OutreachResult.Reached, At(talk), "Motiverande samtal om studier och praktik (fiktiv anteckning).",
                officer, unit.Id, talk);
        }

        var kindRoll = random.Next(100);
        if (kindRoll < 55 && talk < today)
        {
            var kind = (KaaMeasureKind)random.Next(0, 6);
            var measureStart = talk.AddDays(random.Next(3, 20));
            if (measureStart < today)
            {
                y.AddMeasure(kind, measureStart, random.Next(2) == 0 ? measureStart.AddDays(random.Next(14, 90)) : null, null, officer, now);
                y.WritePlan($"Mål: {(kind == KaaMeasureKind.Work ? "arbete" : "studier")}. Uppföljning varannan vecka. (Fiktiv plan.)", now);
                // A third of those with a measure have gone back to studies this term: the pupil database says so.
                if (random.Next(3) == 0 && measureStart.AddDays(20) < today)
                {
                    y.ApplySchoolSituation(Row(y, SchoolStatus.Studying, measureStart.AddDays(20), random), today, now);
                }
            }
        }
        else if (y.Occupation == KaaOccupation.Unknown)
        {
            y.SetOccupation(random.Next(3) == 0 ? KaaOccupation.Work : KaaOccupation.None, now);
        }

        return y;
    }

    private static DateTime At(DateOnly day) => SwedishTime.StartOfDayUtc(day).AddHours(10);

    private static SchoolRow Row(KaaYouth y, SchoolStatus status, DateOnly on, Random random) => new(0, y.IdentityNumber, y.DateOfBirth, y.Gender,
        y.FirstName, y.LastName, status == SchoolStatus.Unknown ? null : Schools[random.Next(Schools.Length)],
        status == SchoolStatus.Unknown ? null : Programmes[random.Next(Programmes.Length)], status, on, null, null, null, null, null);
}
