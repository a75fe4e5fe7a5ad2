using System.Text;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Features.JobTracks;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Arbetsvagen.Infrastructure.Demo.DemoNames;

namespace Arbetsvagen.Features.Governance;

/// <summary>
/// The demo region's governance, in our own words after seeds 002, 003 and 004: the Stockholm Nordost agreement
/// 2023–2025 (and its successor), the steering group, working group and NANO network with members by role, the working
/// group's meetings every four weeks around today, the steering group's decision to start the bus-driver track, focus
/// areas with report-back, an annual cycle, an activity list with overdue points, and the good examples of seed 004's
/// appendix. Region Sörmland and Arbetsförmedlingen (seed 003) are a second collaboration with its priority meeting.
/// The members' names are invented; the demo users are linked where they play a part.
/// </summary>
public static class GovernanceDemo
{
    public const string SormlandCollaboration = "Region Sörmland och Arbetsförmedlingen";
    public const string RegionSormland = "Region Sörmland";
    public const string AfSormland = "Arbetsförmedlingen Sörmland";

    public static async Task SeedAsync(AppDbContext db, DateTime now, CancellationToken ct = default)
    {
        var today = SwedishTime.Today(now);
        var collaboration = await db.Collaborations.Where(c => c.Name == CollaborationName).Select(c => c.Id).FirstAsync(ct);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id, ct);
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        Guid Org(string name) => organisations[name];
        var municipalities = Municipalities.Select(m => Org($"{m.Name} kommun")).ToList();
        var af = Org(AfName);
        var coordinator = users["samordnare.nordost"];

        var sections = new AgreementSectionText[]
        {
            new("Målgrupp", "Arbetsföra personer som behöver stöd från både kommunen och Arbetsförmedlingen för att komma i arbete eller studier: i första hand de som har försörjningsstöd och är inskrivna på Arbetsförmedlingen, i program eller som öppet arbetslösa. Unga, personer med funktionsnedsättning och utrikesfödda kvinnor får särskild uppmärksamhet."),
            new("Organisering av samverkan", "En styrgrupp med en fast företrädare för varje part beslutar i operativa frågor, till exempel om ett nytt jobbspår ska starta. En arbetsgrupp arbetar med jobbspår, kandidater och information och träffas var fjärde vecka. En projektledare sammankallar och håller ihop arbetet. Andra parter adjungeras vid behov."),
            new("Arbetsprocesserna runt individerna", "Parterna kartlägger tillsammans personens utbildning, erfarenhet, språk, hälsa och mål, kommer fram till ett gemensamt ställningstagande om riktning och följer en gemensam handlingsplan. Förberedande insatser väljs efter behov."),
            new("Kompetensförsörjning och lokala jobbspår", "Arbetsgivarnas behov fångas gemensamt. Ett kompetensteam tar fram utbildningsupplägg, styrgruppen beslutar om start, och kandidater från alla samverkande kommuner matchas mot arbetsgivarens kravprofil. Prioriterade branscher: vård och omsorg, skola och förskola, lokalvård, kök och restaurang, lager och transport, det marina näringslivet, handel, bussförare och svets."),
            new("Jämställdhets- och ungdomsperspektiv", "All uppföljning delas upp på kvinnor och män, med en särskild bild av unga 16–24 år. Parternas arbete för lika rättigheter och möjligheter ligger till grund för samverkan."),
        };
        var parties = municipalities.Append(af).ToList();
        var agreement = Agreement.Create(collaboration, new AgreementText("Överenskommelse om samverkan – nordostkommunerna och Arbetsförmedlingen",
            "Att förbättra kompetensförsörjningen i regionen och korta vägen till arbete eller studier för dem som behöver stöd från flera parter.",
            "Personer med försörjningsstöd som är inskrivna på Arbetsförmedlingen; unga 16–24 år; personer med funktionsnedsättning; utrikesfödda kvinnor.",
            new DateOnly(2023, 1, 1), new DateOnly(2025, 12, 31), AgreementStatus.Active, parties, sections), coordinator, new DateTime(2022, 12, 1, 9, 0, 0, DateTimeKind.Utc));
        agreement.Revise(new AgreementText(agreement.Title, agreement.Purpose, agreement.TargetGroups, agreement.StartsOn, agreement.EndsOn, AgreementStatus.Ended,
                parties, sections), "Perioden har löpt ut; arbetet fortsätter i överenskommelsen 2026–2028.", coordinator, new DateTime(2026, 1, 8, 9, 0, 0, DateTimeKind.Utc));
        db.Agreements.Add(agreement);
        db.Agreements.Add(Agreement.Create(collaboration, new AgreementText("Överenskommelse om samverkan 2026–2028", agreement.Purpose,
            agreement.TargetGroups, new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31), AgreementStatus.Active, parties,
            [.. sections, new("Uppföljning", "Parterna följer upp inflöde, genomströmning och resultat per målgrupp och insats två gånger om året och återrapporterar fokusområdena till styrgruppen i december.")]),
            coordinator, new DateTime(2025, 12, 10, 9, 0, 0, DateTimeKind.Utc)));

        var steering = Group.Create(collaboration, "Styrgrupp Stockholm Nordost", GroupKind.SteeringGroup,
            "Beslutar i operativa frågor, till exempel start av nya jobbspår och projektledarens uppdrag, och ansvarar för det strategiska arbetet med överenskommelsen. Stöd för arbetsgruppen.",
            "Varannan månad, oftare vid behov", 8, now);
        steering.AddMember("Sofia Dahl", "Projektledare", Org("Täby kommun"), coordinator, adjunct: false);
        foreach (var (name, role, organisation) in new[]
        {
            ("Petra Ahlgren", "Integrationsutvecklare", "Danderyd kommun"), ("Mats Lundqvist", "Avdelningschef arbetsmarknad och integration", "Norrtälje kommun"),
            ("Helena Brink", "Stabschef, kommunledningskontoret", "Vallentuna kommun"), ("Oskar Wall", "Myndighetschef", "Vaxholm kommun"),
            ("Linnea Sjöberg", "Näringslivs- och utvecklingsdirektör", "Österåker kommun"), ("Erik Holmgren", "Sektionschef", AfName),
            ("Maria Nyberg", "Rektor", KcnoName), ("Jenny Falk", "Skolchef vuxenutbildningen", NorrtaljeVuxName),
        })
        {
            steering.AddMember(name, role, Org(organisation), null, adjunct: false);
        }

        steering.AddMember("Gustav Eklund", "Projektledare Dua-samverkan", af, null, adjunct: true);
        var working = Group.Create(collaboration, "Arbetsgrupp Stockholm Nordost", GroupKind.WorkingGroup,
            "Arbetar operativt och strategiskt med jobbspår: kartlägger kandidater, informerar inför jobbspår, sköter urval och rekrytering och utvecklar metoder för dem som går via studier till arbete.",
            "Var fjärde vecka, oftare vid behov", 4, now);
        working.AddMember("Sofia Dahl", "Projektledare, sammankallande", Org("Täby kommun"), coordinator, adjunct: false);
        working.AddMember("Amira Nordin", "Arbetsförmedlare", af, users["af.nordost"], adjunct: false);
        working.AddMember("Jonas Ek", "Arbetsmarknadskonsulent", Org("Täby kommun"), users["jobb.taby"], adjunct: false);
        working.AddMember("Karin Berg", "Studie- och yrkesvägledare", Org(KcnoName), users["syv.kcno"], adjunct: false);
        foreach (var (name, role, organisation) in new[]
        {
            ("Anna Wikström", "Arbetscoach", "Danderyd kommun"), ("Tobias Lind", "Praktiksamordnare", "Norrtälje kommun"),
            ("Fredrik Ström", "Näringslivsstrateg", "Vallentuna kommun"), ("Sara Engström", "Koordinator för arbetsmarknadsaktiviteter", "Vaxholm kommun"),
            ("Ali Hassan", "Arbetskoordinator", "Österåker kommun"), ("Ingrid Moberg", "Kvalificerad handläggare, företag", AfName),
        })
        {
            working.AddMember(name, role, Org(organisation), null, adjunct: false);
        }

        var nano = Group.Create(collaboration, "NANO – Nätverk Arbetsmarknad Nordost", GroupKind.Network,
            "Nätverk för de sex nordostkommunernas medarbetare och chefer inom arbetsmarknadsfrågor: erfarenhetsutbyte och gemensamma frågor. Personer från andra förvaltningar och myndigheter adjungeras efter ämne.",
            "En gång per termin", null, now);
        nano.AddMember("Jonas Ek", "Arbetsmarknadskonsulent", Org("Täby kommun"), users["jobb.taby"], adjunct: false);
        nano.AddMember("Vilhelm Strand", "Arbetsmarknadskonsulent", Org("Vaxholm kommun"), users["jobb.vaxholm"], adjunct: false);
        nano.AddMember("Amira Nordin", "Arbetsförmedlare", af, users["af.nordost"], adjunct: true);
        db.GovernanceGroups.AddRange(steering, working, nano);

        // The working group meets every four weeks: four meetings behind us with minutes, two ahead with an agenda.
        var firstMeeting = today.AddDays(-7 * 4 * 4 + 2);
        for (var i = 0; i < 6; i++)
        {
            var on = firstMeeting.AddDays(28 * i);
            var meeting = Meeting.Create(working, $"Arbetsgruppsmöte {i + 1}", on,
                "1. Läget i jobbspåren\n2. Kandidater från kommunerna\n3. Nya behov från arbetsgivare\n4. Aktivitetslistan\n5. Övrigt", coordinator, now);
            if (on < today)
            {
                meeting.RecordMinutes($"Jobbspåren gicks igenom. Kommunerna redovisade kandidater och Arbetsförmedlingen stämde av inskrivning. Nästa möte {Ui.Date(on.AddDays(28))}.",
                    working.Members.Where((_, n) => (n + i) % 4 != 0).Select(m => m.Id).ToList(), working.Members);
            }

            db.Meetings.Add(meeting);
        }

        var bus = await db.JobTracks.Where(t => t.OwnerCollaborationId == collaboration && t.Title == "Bussförare Nobina").FirstOrDefaultAsync(ct);
        var steeringMeeting = Meeting.Create(steering, "Styrgruppsmöte", bus?.DecisionOn ?? today.AddDays(-200),
            "1. Beslut om nytt jobbspår: bussförare\n2. Projektledarens uppdrag\n3. Fokusområden", coordinator, now);
        steeringMeeting.RecordMinutes("Styrgruppen beslutade att starta jobbspåret för bussförare tillsammans med Nobina och Norrtälje vuxenutbildning.",
            steering.Members.Where(m => !m.IsAdjunct).Select(m => m.Id).ToList(), steering.Members);
        if (bus is not null)
        {
            steeringMeeting.Decide(bus.DecisionReference ?? "SG §1", "Jobbspåret Bussförare Nobina startar med tio utbildningsplatser.", DecisionSubject.JobTrackStart, bus.Id,
                coordinator, now);
        }

        steeringMeeting.Decide("SG §2", "Projektledarens uppdrag förlängs under överenskommelsens period.", DecisionSubject.None, null, coordinator, now);
        db.Meetings.Add(steeringMeeting);

        var year = today.Year;
        var lastYear = new[]
        {
            ("Jobbspår inom vård och omsorg", "Minst två jobbspår mot vård och omsorg med anställning efteråt.", FocusAreaStatus.Achieved,
                "Två jobbspår genomfördes, servicebiträden med Ambea och undersköterskor med kommunerna. Tolv av femton deltagare fick anställning."),
            ("Unga till studier", "Fler unga inom KAA går vidare till studier genom studiemotiverande kurs och samverkan med Arbetsförmedlingen.", FocusAreaStatus.PartlyAchieved,
                "Nätverksträffar hölls en gång per termin. Studiemotiverande kurs på folkhögskola erbjöds; färre än väntat började."),
            ("Jämställd matchning", "Lika stor andel kvinnor som män i jobbspåren.", FocusAreaStatus.NotAchieved,
                "Andelen kvinnor var 35 procent. Bussförarspåret lockade få kvinnor; informationen ses över."),
        };
        foreach (var (title, goal, status, report) in lastYear)
        {
            var area = FocusArea.Create(collaboration, year - 1, title, goal, working.Id, "Enligt arbetsgruppens plan.", null, now);
            area.Report(report, status, null);
            db.FocusAreas.Add(area);
        }

        var thisYear = new List<FocusArea>
        {
            FocusArea.Create(collaboration, year, "Marina näringslivet", "Ett jobbspår mot båtvarven i skärgården med minst åtta platser.", working.Id,
                "Behovsfångst med Sweboat; utbildningsupplägg med Norrtälje vuxenutbildning.", null, now),
            FocusArea.Create(collaboration, year, "Jobbspår inom vård och omsorg", "Fortsätta med två jobbspår om året.", working.Id, "Rekrytering till servicebiträden.", null, now),
            FocusArea.Create(collaboration, year, "Uppföljning per målgrupp", "Inflöde, genomströmning och resultat per målgrupp, uppdelat på kvinnor och män.", steering.Id,
                "Gemensamma mått tas fram i arbetsgruppen.", null, now),
        };
        thisYear[0].Report("Behovsfångst klar; utbildningen planeras till nästa år.", FocusAreaStatus.Ongoing, null);
        thisYear[1].Report("Servicebiträdesspåret är i rekrytering.", FocusAreaStatus.Ongoing, null);
        db.FocusAreas.AddRange(thisYear);

        foreach (var (title, kind, month, day, description) in new[]
        {
            ("Prioriteringsmöte", CycleEventKind.PriorityMeeting, 5, 17, "Beslut om nästa års fokusområden efter organisationernas förslag och arbetsgruppens förankring."),
            ("Workshop våren", CycleEventKind.Workshop, 3, 12, "Gemensam workshop för styrgrupp och arbetsgrupp."),
            ("Workshop hösten", CycleEventKind.Workshop, 10, 8, "Gemensam workshop för styrgrupp och arbetsgrupp."),
            ("Sista dag för återrapportering av fokusområden", CycleEventKind.ReportingDeadline, 12, 15, "Varje ansvarig grupp lämnar sin återrapport."),
            ("Lägesrapport till styrgruppen", CycleEventKind.Report, 11, 20, "Statistik per kommun och målgrupp, uppdelad på kvinnor och män."),
        })
        {
            db.CycleEvents.Add(CycleEvent.Create(collaboration, title, kind, new DateOnly(year - 1, month, day), recursYearly: true, description, now));
        }

        var created = now.AddDays(-30);
        var items = new[]
        {
            ActionItem.Create(collaboration, "Sammanställa kandidater till servicebiträdesspåret", coordinator, today.AddDays(-28 + 7), null, thisYear[1].Id, coordinator, created),
            ActionItem.Create(collaboration, "Boka informationsmöte med Sweboat", coordinator, today.AddDays(14), null, thisYear[0].Id, coordinator, created),
            ActionItem.Create(collaboration, "Stämma av inskrivning för bussförarkandidaterna", users["af.nordost"], today.AddDays(-3), null, null, coordinator, created),
            ActionItem.Create(collaboration, "Skicka underlag till lägesrapporten", users["jobb.taby"], today.AddDays(-6), null, thisYear[2].Id, coordinator, created),
        };
        items[3].SetStatus(ActionItemStatus.Ongoing, now);
        db.ActionItems.AddRange(items);

        foreach (var example in Examples(collaboration, coordinator, now))
        {
            db.GoodExamples.Add(example);
        }

        await SormlandAsync(db, now, ct);
        await db.SaveChangesAsync(ct);
    }

    private static IEnumerable<GoodExample> Examples(Guid collaboration, Guid by, DateTime now)
    {
        var sigtuna = GoodExample.Create(collaboration, new ExampleText("Kvalitetshöjande resursjobb", "Sigtuna kommun",
            "Färre arbetslösa med försörjningsstöd genom tidsbegränsade jobb i kommunens egna verksamheter.",
            "Arbetslösa med försörjningsstöd; unga även utan försörjningsstöd.",
            "Alla förvaltningar tar fram platser. Villkoren följer kollektivavtal och är överenskomna med de fackliga organisationerna. Jobben ska ge meriter att gå vidare med.",
            "Fler kvalificerar sig för arbetslöshetsersättning eller går vidare till arbete; kostnaden för försörjningsstöd minskar.", null, "Pågående"), by, now);
        sigtuna.Attachments.Add(new ExampleAttachment
        {
            Id = Guid.NewGuid(), ExampleId = sigtuna.Id, FileName = "sammanfattning.txt", ContentType = "text/plain; charset=utf-8",
            Content = Encoding.UTF8.GetBytes("Kvalitetshöjande resursjobb i Sigtuna: en kort sammanfattning för erfarenhetsutbyte."), UploadedAt = now, ByUserId = by,
        });
        sigtuna.Attachments[0].Size = sigtuna.Attachments[0].Content.Length;
        yield return sigtuna;
        yield return GoodExample.Create(collaboration, new ExampleText("F50 – kraftsamling för nya arbetssätt", "Södertälje kommun",
            "Pröva nya arbetssätt så att fler lämnar försörjningsstöd; det som fungerar förs över till ordinarie verksamhet.",
            "Personer 24–64 år med försörjningsstöd och arbetsförmåga.",
            "Kompetensmäklare, ofta med bakgrund i försäljning och rekrytering, söker upp arbetsgivare med behov av personal i jobb med låg tröskel och matchar deltagarna dit. Sex månader per deltagare.",
            "Många fick arbete; deltagare behövde mer coachning på arbetsplatsen än väntat.", null, "Projektperiod om tre år"), by, now);
        yield return GoodExample.Create(collaboration, new ExampleText("Arbetsmarknadsmodell med brett företagsnätverk", "Solna stad",
            "Hitta vägen tillbaka till arbetslivet genom goda kontakter med näringslivet och god kännedom om varje persons kompetens.",
            "Arbetslösa som hänvisas från försörjningsstöd eller Arbetsförmedlingen.",
            "Introduktionsdag, individuella samtal och ett urval av insatser: jobbsökning, datorträning, samhällsinformation och utbildning. Ett stort nätverk av företag och förvaltningar ger praktik- och arbetsplatser och hålls levande med företagsbesök och frukostmöten.",
            "Långsiktigt uppbyggda kontakter ger stabil tillgång till platser.", null, "Ordinarie verksamhet"), by, now);
        yield return GoodExample.Create(collaboration, new ExampleText("L4U – Lean Life Long Learning Ungdom", "Enköpings kommun",
            "Ge arbetssökande, särskilt unga, en väg ut på den riktiga arbetsmarknaden med så lite slöseri med tid som möjligt för dem och för företagen.",
            "Unga 18–24 år som står nära arbetsmarknaden.",
            "En veckas utbildning i självinsikt, sedan 21 veckors praktik på tre arbetsplatser. Varje måndag träffas gruppen, ofta med en inbjuden företagare. Bara företag med ett verkligt rekryteringsbehov tillfrågas.",
            "Många unga fick arbete; perioder med brist på deltagare.", null, "Projekt"), by, now);
    }

    /// <summary>Seed 003: Region Sörmland and Arbetsförmedlingen, their groups, focus areas and the priority meeting of 17 May 2023.</summary>
    private static async Task SormlandAsync(AppDbContext db, DateTime now, CancellationToken ct)
    {
        var region = Organisation.CreateTopLevel(RegionSormland, OrganisationKind.Other, null, now);
        var af = Organisation.CreateTopLevel(AfSormland, OrganisationKind.EmploymentService, null, now);
        db.Organisations.AddRange(region, af);
        var collaboration = Collaboration.Create(SormlandCollaboration, [region, af]);
        db.Collaborations.Add(collaboration);
        await db.SaveChangesAsync(ct);
        var by = await db.Users.Where(u => u.UserName == "samordnare.nordost").Select(u => u.Id).FirstAsync(ct);

        db.Agreements.Add(Agreement.Create(collaboration.Id, new AgreementText("Överenskommelse mellan Region Sörmland och Arbetsförmedlingen",
            "Samla organisationernas kraft i arbetsmarknads- och kompetensförsörjningsfrågor, undvika dubbelarbete och lämna över till varandra.",
            "Arbetssökande i Sörmland, särskilt långtidsarbetslösa, utrikesfödda med kort utbildning och personer med funktionsnedsättning.",
            new DateOnly(2023, 1, 1), new DateOnly(2025, 12, 31), AgreementStatus.Active, [region.Id, af.Id],
            [new("Organisation", "Dialog på chefsnivå i en ledningsgrupp, löpande arbete i en arbetsgrupp minst tre gånger om året och fokusgrupper med experter efter behov.")]),
            by, now));
        var management = Group.Create(collaboration.Id, "Ledningsgrupp", GroupKind.ManagementGroup, "Enhetschef och regional utvecklingsdirektör, sektionschef och verksamhetschef: inriktning och prioritering.", "Några gånger om året", null, now);
        management.AddMember("Birgitta Rask", "Verksamhetschef", region.Id, null, false);
        management.AddMember("Johan Tell", "Sektionschef", af.Id, null, false);
        var working = Group.Create(collaboration.Id, "Arbetsgrupp för överenskommelsen", GroupKind.WorkingGroup, "Leder det löpande arbetet, tillsätter fokusgrupper, sammankallar och återrapporterar, för aktivitetslistan.", "Minst tre gånger om året", null, now);
        working.AddMember("Lena Sand", "Strateg", region.Id, null, false);
        working.AddMember("Per Alm", "Företagsrådgivare", af.Id, null, false);
        db.GovernanceGroups.AddRange(management, working);
        var focusGroups = new[] { "Utbildningsdimensionering", "Branschforum", "Analys och prognos", "ESF och andra externa finansieringsformer" }
            .Select(name => Group.Create(collaboration.Id, $"Fokusgrupp {name.ToLowerInvariant()}", GroupKind.FocusGroup, $"Driver fokusområdet {name.ToLowerInvariant()}.", "Efter behov", null, now))
            .ToList();
        db.GovernanceGroups.AddRange(focusGroups);

        var goals = new[]
        {
            ("Utbildningsdimensionering", "En process, efterfrågad av kommuner och andra utbildningsanordnare, för gemensam planering och dimensionering av utbildning utifrån en analys av kompetensbehoven.",
                "Fokusgruppen deltar i kommunernas nätverk om den nya dimensioneringslagen. Samarbetet med yrkeshögskolan är svårt. Valideringslyftet är avslutat; aktiviteter för studie- och yrkesvägledare fortsätter."),
            ("Branschforum", "Fler branschforum, statistik till \"Läget i länet\" och starkare samverkan med nationella myndigheter och branschråd.",
                "Tio branschforum pågår; transport och logistik samt vård och omsorg har kommit längst. En handbok för branschforum är framtagen."),
            ("Analys och prognos", "Ett dokument med analyser och prognoser om arbetsmarknad, konjunktur och näringsliv i Sörmland.",
                "Ett omtumlande år: läget ändrades snabbare än rapporten hann skrivas. Arbetet med kompetenskorten fortsätter."),
            ("ESF och andra externa finansieringsformer", "Löpande uppföljning av ESF-aktiviteter och en samlad strategi där projekten leder mot ett tydligt mål.",
                "Sex möten, lansering av ESF+, två evenemang och dialog med ESF:s styrgrupp."),
        };
        for (var i = 0; i < goals.Length; i++)
        {
            var area = FocusArea.Create(collaboration.Id, 2022, goals[i].Item1, goals[i].Item2, focusGroups[i].Id, "", null, now);
            area.Report(goals[i].Item3, FocusAreaStatus.PartlyAchieved, null);
            db.FocusAreas.Add(area);
        }

        // The priority process of 2023: proposals from both organisations, the working group's proposal, the decision.
        var round = PriorityRound.Start(collaboration.Id, 2023);
        var proposals = goals.Select((g, i) => round.Propose(i % 2 == 0 ? region.Id : af.Id, g.Item1, g.Item2, by, now)).ToList();
        round.Propose(region.Id, "Inkluderande tillväxt", "Långtidsarbetslöshet, barnfattigdom och integration.", by, now);
        round.ProposeByWorkingGroup(proposals.Select(p => p.Id).ToList(),
            "Arbetsgruppen föreslår att de fyra fokusområdena fortsätter. Inkluderande tillväxt bereds som en möjlig ny fokusgrupp.", by, now);
        var meeting = Meeting.Create(management, "Prioriteringsmöte 2023", new DateOnly(2023, 5, 17),
            "1. Tillbakablick: vad har vi åstadkommit?\n2. Framåtblick: utmaningar\n3. Beslut om fokusområden 2023", by, now);
        meeting.RecordMinutes("Ett femtontal deltagare från båda organisationerna. Behov av bättre återkoppling, tydligare avsändare och spridning av \"Läget i länet\".",
            management.Members.Select(m => m.Id).ToList(), management.Members);
        var decision = meeting.Decide("PM 2023 §1", "Prioriterade fokusområden 2023: utbildningsdimensionering, branschforum, analys och prognos, ESF och andra externa finansieringsformer.",
            DecisionSubject.None, null, by, now);
        db.Meetings.Add(meeting);
        db.PriorityRounds.Add(round);
        foreach (var area in round.Decide(decision, working.Id, now))
        {
            db.FocusAreas.Add(area);
        }

        foreach (var (title, kind, month, day) in new[]
        {
            ("Prioriteringsmöte", CycleEventKind.PriorityMeeting, 5, 17), ("Rapporten \"Läget i länet\"", CycleEventKind.Report, 10, 1),
            ("Workshop för fokusgrupperna", CycleEventKind.Workshop, 3, 15), ("Workshop för fokusgrupperna", CycleEventKind.Workshop, 9, 20),
            ("Återrapportering av fokusområden", CycleEventKind.ReportingDeadline, 4, 30),
        })
        {
            db.CycleEvents.Add(CycleEvent.Create(collaboration.Id, title, kind, new DateOnly(2023, month, day), recursYearly: true, null, now));
        }
    }
}
