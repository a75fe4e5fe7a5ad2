using System.Globalization;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Arbetsvagen.Infrastructure.Demo.DemoNames;

namespace Arbetsvagen.Features.Employers;

/// <summary>
/// The demo region's employer register (seed 002): about fifteen employers in the six municipalities — the bus
/// operator, the care company and a boatyard of the marine industry that seed 002's job tracks are built with, and
/// local firms in Täby and Vaxholm — with workplaces, contact persons, a contact history whose follow-ups fall due
/// this week for jobb.taby and samordnare.nordost, and competence needs in every status, one from the public form.
/// The organisationsnummer are made up (their check digit computed); the sole trader's number is one of
/// Skatteverket's test personnummer. Dated relative to today; no access-log rows (seeding is no user's access).
/// </summary>
public static class EmployersDemo
{
    /// <summary>A sole trader (enskild firma): the owner's personnummer, from Skatteverket's official test list.</summary>
    public const string SoleTraderNumber = "6805249288";

    private sealed record Demo(string Serial, string Name, string Sni, EmployerSize Size, string Owner, string Workplace, string Street,
        string Postal, string City, string Municipality, string? Transport, string Contact, string Role);

    // Serial: eight made-up digits after a 5 (an aktiebolag's first digit); the check digit follows (see Number).
    private static readonly Demo[] Employers =
    [
        new("99100001", "Nobina Sverige AB", "493", EmployerSize.Large, JobCentreName("Täby"), "Bussdepå Arninge", "Depåvägen 4", "18376", "Täby", "0160",
            "Buss 621 till Arninge station, fem minuters promenad.", "Maria Lundqvist", "Rekryteringsansvarig"),
        new("99100002", "Ambea Sverige AB", "873", EmployerSize.Large, JobCentreName("Vaxholm"), "Vård- och omsorgsboendet Kastellet", "Omsorgsgatan 2", "18532", "Vaxholm", "0187",
            "Buss 670 från Tekniska högskolan till Vaxholms centrum.", "Peter Sjöberg", "Enhetschef"),
        new("99100003", "Vaxholms Båtvarv AB", "301", EmployerSize.Small, JobCentreName("Vaxholm"), "Varvet på Rindö", "Varvsvägen 9", "18541", "Vaxholm", "0187",
            "Färja från Vaxholm till Rindö, sedan tio minuter till fots. Medlem i Sweboat.", "Lena Ahl", "Varvschef"),
        new("99100004", "Roslagens El & VVS AB", "432", EmployerSize.Small, JobCentreName("Täby"), "Kontor och lager", "Kemistvägen 17", "18379", "Täby", "0160",
            null, "Ahmed Karimi", "Arbetsledare"),
        new("99100005", "Täby Torg Kök & Café AB", "561", EmployerSize.Micro, JobCentreName("Täby"), "Restaurangen vid torget", "Stationsvägen 1", "18330", "Täby", "0160",
            "Roslagsbanan till Täby centrum.", "Sanna Wikström", "Ägare"),
        new("99100006", "Arninge Lager & Logistik AB", "521", EmployerSize.Medium, "Täby kommun", "Terminalen Arninge", "Lagervägen 30", "18375", "Täby", "0160",
            "Buss 621 eller 628 till Arninge handelsområde.", "Jonas Berglund", "Platschef"),
        new("99100007", "Vaxholms Hotell & Konferens AB", "551", EmployerSize.Small, JobCentreName("Vaxholm"), "Hotellet vid hamnen", "Hamngatan 5", "18530", "Vaxholm", "0187",
            "Båt eller buss 670 till Vaxholms hamn.", "Eva Nordh", "Hotellchef"),
        new("99100008", "Norrtälje Bygg & Fastighet AB", "412", EmployerSize.Medium, "Täby kommun", "Byggkontoret", "Sjukhusgatan 3", "76145", "Norrtälje", "0188",
            "Buss 676 från Tekniska högskolan till Norrtälje busstation.", "Karl Öhman", "Platschef"),
        new("99100009", "Österåkers Städ & Service AB", "812", EmployerSize.Small, "Täby kommun", "Kontoret i Åkersberga", "Storängsleden 8", "18430", "Åkersberga", "0117",
            "Roslagsbanan till Åkersberga station.", "Fatima Hassan", "Verksamhetschef"),
        new("99100010", "Danderyds Trädgård & Grönyta AB", "813", EmployerSize.Micro, "Täby kommun", "Plantskolan", "Enebybergsvägen 40", "18236", "Danderyd", "0162",
            null, "Olof Lind", "Ägare"),
        new("99100011", "Vallentuna Bilverkstad AB", "452", EmployerSize.Micro, "Täby kommun", "Verkstaden", "Industrivägen 12", "18632", "Vallentuna", "0115",
            "Roslagsbanan till Vallentuna.", "Mikael Ek", "Verkstadschef"),
        new("99100012", "Vaxholms Livs AB", "471", EmployerSize.Small, JobCentreName("Vaxholm"), "Butiken i centrum", "Rådhusgatan 10", "18531", "Vaxholm", "0187",
            null, "Helena Roos", "Butikschef"),
        new("99100013", "Roslagstransport AB", "494", EmployerSize.Medium, "Täby kommun", "Åkeriet", "Görla industriområde 2", "76173", "Norrtälje", "0188",
            null, "Stefan Björk", "Trafikledare"),
        new("99100014", "Skärgårdsbåtarna i Vaxholm AB", "501", EmployerSize.Small, JobCentreName("Vaxholm"), "Rederiets kontor", "Söderhamnen 1", "18530", "Vaxholm", "0187",
            "Vid Söderhamnens båtbrygga.", "Annika Strand", "Personalansvarig"),
        new("99100015", "Täby Data & IT-support AB", "620", EmployerSize.Micro, JobCentreName("Täby"), "Kontoret", "Attundafältet 6", "18369", "Täby", "0160",
            "Roslagsbanan till Täby centrum.", "Elias Falk", "VD"),
    ];

    /// <summary>Ten digits: 5, the eight-digit serial, and the Luhn check digit.</summary>
    public static string Number(string serial) => "5" + serial + OrganisationNumber.CheckDigit("5" + serial).ToString(CultureInfo.InvariantCulture);

    public static async Task SeedAsync(AppDbContext db, DateTime now, CancellationToken ct = default)
    {
        var collaboration = await db.Collaborations.FirstOrDefaultAsync(c => c.Name == CollaborationName, ct);
        if (collaboration is null || await db.Employers.AnyAsync(e => e.OwnerCollaborationId == collaboration.Id, ct))
        {
            return;
        }

        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id, ct);
        var users = await db.Users.AsNoTracking().Where(u => u.UserName != null).ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        var jobb = users["jobb.taby"];
        var coordinator = users["samordnare.nordost"];
        var vaxholm = users["jobb.vaxholm"];
        var today = SwedishTime.Today(now);
        Guid By(Demo d) => d.Owner == "Täby kommun" ? coordinator : d.Owner.StartsWith("Vaxholm", StringComparison.Ordinal) ? vaxholm : jobb;

        var employers = new List<Employer>();
        foreach (var d in Employers)
        {
            var employer = Employer.Create(Number(d.Serial), false, d.Name, d.Sni, d.Size, collaboration.Id, organisations[d.Owner], By(d), now.AddDays(-120));
            employer.AddWorkplace(d.Workplace, d.Street, $"{d.Postal[..3]} {d.Postal[3..]}", d.City, d.Municipality, d.Transport);
            var contact = employer.AddContact(d.Contact, d.Role, "08-555 " + d.Serial[^3..] + " 00", Mail(d.Contact, d.Name), now.AddDays(-120));
            employer.LogContact(ContactKind.PhoneCall, today.AddDays(-90), contact.Id, "Första kontakt: presenterade samverkan och vad vi kan erbjuda.", null, By(d), now.AddDays(-90));
            employers.Add(employer);
        }

        var soleTrader = Employer.Create(SoleTraderNumber, true, "Holms Måleri (enskild firma)", "432", EmployerSize.Micro, collaboration.Id,
            organisations[JobCentreName("Täby")], jobb, now.AddDays(-60));
        soleTrader.AddWorkplace("Verkstaden", "Målarvägen 3", "183 65", "Täby", "0160", null);
        employers.Add(soleTrader);

        // The contact history behind seed 002's job tracks, with follow-ups due this week (one overdue) on the owners' lists.
        var nobina = employers[0];
        var ambea = employers[1];
        var boatyard = employers[2];
        nobina.LogContact(ContactKind.CompanyVisit, today.AddDays(-21), nobina.Contacts[0].Id,
            "Besök på depån. Nobina behöver tio bussförare till hösten; vill köra ett jobbspår med utbildning i AF:s regi.", today.AddDays(2), jobb, now.AddDays(-21));
        nobina.LogContact(ContactKind.EmployerBreakfast, today.AddDays(-10), null, "Arbetsgivarfrukost i Täby: Nobina berättade om yrket.", today.AddDays(-1), jobb, now.AddDays(-10));
        ambea.LogContact(ContactKind.Meeting, today.AddDays(-14), ambea.Contacts[0].Id,
            "Möte om serviceassistenter i Vaxholm: 25 veckor Komvux med praktik på boendet.", today.AddDays(4), vaxholm, now.AddDays(-14));
        boatyard.LogContact(ContactKind.Fair, today.AddDays(-30), boatyard.Contacts[0].Id,
            "Träffades på Sweboats mässa. Varvet behöver båtbyggare och kan ta emot praktikanter.", today.AddDays(3), coordinator, now.AddDays(-30));
        employers[5].LogContact(ContactKind.Email, today.AddDays(-7), employers[5].Contacts[0].Id, "Frågade om feriejobb för unga i sommar.", today.AddDays(1), coordinator, now.AddDays(-7));
        employers[4].LogContact(ContactKind.PhoneCall, today.AddDays(-5), employers[4].Contacts[0].Id, "Behöver en kock till lunchen.", today.AddDays(5), jobb, now.AddDays(-5));
        db.Employers.AddRange(employers);

        var needs = new List<CompetenceNeed>
        {
            Need(nobina, "6zL8_YYP_1eR", 10, today.AddDays(60), "Körkort B, svenska på grundläggande nivå. Utbildning till körkort D ingår.", NeedEmploymentForm.FreshStartJob, "0160", jobb, now.AddDays(-20)),
            Need(ambea, "4zLr_jP5_peZ", 8, today.AddDays(90), "Serviceassistenter: intresse för människor, svenska på SFI D-nivå.", NeedEmploymentForm.PermanentWithProbation, "0187", vaxholm, now.AddDays(-13)),
            Need(boatyard, "kBdt_K9U_vgC", 3, today.AddDays(120), "Praktiskt handlag; utbildning i samarbete med Sweboat.", NeedEmploymentForm.PermanentWithProbation, "0187", coordinator, now.AddDays(-29)),
            Need(employers[4], "JbJw_as4_S93", 1, today.AddDays(14), null, NeedEmploymentForm.FixedTerm, "0160", jobb, now.AddDays(-4)),
            Need(employers[5], "DLEi_bTh_oLA", 6, today.AddDays(150), "Truckkort är meriterande.", NeedEmploymentForm.ExtraJob, "0160", coordinator, now.AddDays(-40)),
            Need(employers[8], "KF64_AvU_S4N", 2, null, null, NeedEmploymentForm.NotDecided, "0117", coordinator, now.AddDays(-50)),
        };
        needs[0].StartProcessing(jobb, now.AddDays(-19));
        needs[1].StartProcessing(vaxholm, now.AddDays(-12));
        needs[4].StartProcessing(coordinator, now.AddDays(-39));
        needs[4].Handle(null, null, coordinator, now.AddDays(-20));
        needs[5].Decline("Städbolaget anställer bara med eget körkort och bil; inga deltagare matchar just nu.", coordinator, now.AddDays(-45));
        // One need sent through the public form by a firm not yet in the register.
        needs.Add(CompetenceNeed.FromWebForm(collaboration.Id, null, NeedKind.PlacementOffer, "Segelmakare", null, null, 1, today.AddDays(30),
            "Kan ta emot en praktikant i sex veckor.", NeedEmploymentForm.NoEmployment, "0187", Number("99100016"), "Vaxholms Segelmakeri AB",
            "Tove Segel", "08-555 016 00", "tove@segelmakeri.example", now.AddDays(-2)));
        db.CompetenceNeeds.AddRange(needs);
        await db.SaveChangesAsync(ct);
    }

    private static CompetenceNeed Need(Employer employer, string conceptId, int people, DateOnly? from, string? requirements, NeedEmploymentForm form,
        string municipality, Guid by, DateTime at) =>
        CompetenceNeed.Register(employer, NeedKind.Recruitment, conceptId, ReferenceData.Instance.Occupations[conceptId].Ssyk4, people, from,
            requirements, form, municipality, by, at);

    // Addresses under the reserved top-level domain .example, which reaches nobody.
    private static string Mail(string person, string employer) =>
        $"{person.Split(' ')[0].ToLowerInvariant()}@{new string(employer.ToLowerInvariant().Where(char.IsAsciiLetter).Take(16).ToArray())}.example";
}
