using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Arbetsvagen.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Arbetsvagen.BrowserTests;

/// <summary>
/// The path the Järfälla audit (seed 004) describes, in the demo region's Täby units: social services registers the
/// person and a consent; the job centre opens a case and enrols; social services refers; the job centre accepts, meets,
/// maps, plans a placement linked to a scheduled activity, registers attendance with one key per person, reports back,
/// revises the plan and closes the case with a new-start job. Another municipality sees none of it. Every page visited
/// is checked with axe-core.
/// </summary>
[Collection(TabyJobCentreNotifications.Name)]
public sealed partial class JarfallaJourneyTests(BrowserApp app) : BrowserTest(app)
{
    private const string JobCentre = "Täby kommun – Jobbcentrum";
    private const string Af = "Arbetsförmedlingen Nordöstra Stockholm";

    [Fact]
    public async Task From_social_assistance_through_the_job_centre_to_a_new_start_job()
    {
        // Kundtjänst registers the person and a consent naming the job centre and AF.
        var soc = await LoginAsync("soc.taby");
        var participant = await RegisterParticipantAsync(soc);
        await RegisterConsentAsync(soc, participant, "Kartläggning, handlingsplan, praktik och återrapport via jobbcentrum och Arbetsförmedlingen.",
            [JobCentre, Af],
            ["Utbildning, språk och arbetslivserfarenhet", "Ärende, planering och insatser", "Närvaro", "Hälsa, funktionsnedsättning och arbetsförmåga (känsliga)"]);
        var consent = soc.Locator("section[aria-labelledby=consents-heading] tbody tr");
        await Expect(consent).ToHaveCountAsync(1);
        await Expect(consent).ToContainTextAsync(JobCentre);
        await Expect(consent).ToContainTextAsync(Af);
        await Expect(consent).ToContainTextAsync("Identitet och kontaktuppgifter, Utbildning, språk och arbetslivserfarenhet, Ärende, planering och insatser, Närvaro, Hälsa");

        // The job centre opens its own case (from social services) and enrols with that consent.
        var jobb = await LoginAsync("jobb.taby");
        var unreadBefore = await UnreadAsync(jobb);
        await VisitAsync(jobb, participant.DetailsPath, participant.FullName);
        await jobb.GetByLabel("Varifrån").SelectOptionAsync(new SelectOptionValue { Label = "Socialtjänsten / kundtjänst" });
        await jobb.GetByLabel("Försörjning nu").SelectOptionAsync(new SelectOptionValue { Label = "Försörjningsstöd" });
        await jobb.GetByLabel("Skäl", new() { Exact = true }).FillAsync("Aktualiserad av kundtjänst, försörjningsstöd.");
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Aktualisera ärende" }).ClickAsync();
        await ExpectHeadingAsync(jobb, "Ärende för " + participant.FullName);
        await Expect(Flash(jobb)).ToHaveTextAsync("Ärendet är aktualiserat.");
        await Expect(jobb.Locator("section[aria-labelledby=case-heading]")).ToContainTextAsync("från socialtjänsten / kundtjänst");
        await AssertAccessibleAsync(jobb);
        var jobbCase = jobb.Url;
        await jobb.GetByLabel("Överenskomna avstämningar").FillAsync("Varje tisdag kl 10");
        var consentChoice = jobb.GetByLabel("Samtycke för kontroll av inskrivning hos Arbetsförmedlingen");
        await Expect(consentChoice.Locator("option").Nth(1)).ToContainTextAsync($"{Af}, giltigt t.o.m. ");
        await consentChoice.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Skriv in" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Ärendet är inskrivet.");
        await Expect(jobb.Locator("#case-heading")).ToHaveTextAsync("Inskriven");
        await AssertAccessibleAsync(jobb);

        // Social services opens its own case and sends the referral from it.
        await VisitAsync(soc, participant.DetailsPath, participant.FullName);
        await soc.GetByLabel("Skäl", new() { Exact = true }).FillAsync("Ansöker om försörjningsstöd, vill ha stöd till arbete.");
        await soc.GetByRole(AriaRole.Button, new() { Name = "Aktualisera ärende" }).ClickAsync();
        await Expect(Flash(soc)).ToHaveTextAsync("Ärendet är aktualiserat.");
        await AssertAccessibleAsync(soc);
        var socCase = soc.Url;
        await VisitAsync(soc, participant.DetailsPath, participant.FullName);
        var reportDue = Today.AddDays(28);
        await soc.GetByLabel("Mottagare", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = JobCentre });
        await soc.GetByLabel("Arbetsförmågebedömning").CheckAsync();
        await soc.GetByLabel("Praktik").CheckAsync();
        await soc.GetByLabel("Frågeställning").FillAsync("Vad klarar personen på en riktig arbetsplats, och hur är närvaron?");
        await soc.GetByLabel("Återrapport senast").FillAsync(Iso(reportDue));
        await soc.GetByLabel("Från ärende (valfritt)").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await soc.GetByRole(AriaRole.Button, new() { Name = "Skicka remiss" }).ClickAsync();
        await ExpectHeadingAsync(soc, "Remiss för " + participant.FullName);
        await Expect(Flash(soc)).ToHaveTextAsync("Remissen är skickad.");
        await AssertAccessibleAsync(soc);

        // The job centre sees the notice first, follows it and accepts.
        await VisitAsync(jobb, "/", "Mina ärenden");
        var notices = MainNav(jobb).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Notiser") });
        await Expect(notices).ToHaveTextAsync($"Notiser ({unreadBefore + 1} olästa)");
        await notices.ClickAsync();
        await ExpectHeadingAsync(jobb, "Notiser");
        await AssertAccessibleAsync(jobb);
        await jobb.Locator(".notifications li.unread").First.GetByRole(AriaRole.Button, new() { Name = "Ny remiss till din enhet: Arbetsförmågebedömning, Praktik." }).ClickAsync();
        await ExpectHeadingAsync(jobb, "Remiss för " + participant.FullName);
        await Expect(MainNav(jobb).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Notiser") }))
            .ToHaveTextAsync(unreadBefore == 0 ? "Notiser" : $"Notiser ({unreadBefore} olästa)");
        await AssertAccessibleAsync(jobb);
        var referral = jobb.Url;
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Acceptera remissen" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Remissen är accepterad.");
        await AssertAccessibleAsync(jobb);

        // Three-party meeting.
        await jobb.GetByLabel("Datum och tid").FillAsync(Iso(Today) + "T10:00");
        await jobb.GetByLabel("Deltagare i samtalet").FillAsync("Personen, socialsekreterare (socialtjänsten), coach (jobbcentrum)");
        await jobb.GetByLabel("Anteckningar").FillAsync("Överens om kartläggning och praktik på lager.");
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Spara trepartssamtal" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Trepartssamtalet är dokumenterat.");
        await Expect(jobb.Locator("section[aria-labelledby=meetings-heading] article")).ToContainTextAsync("Överens om kartläggning");
        await AssertAccessibleAsync(jobb);

        // Mapping and a joint position: employment, readiness yellow.
        await VisitAsync(jobb, participant.DetailsPath, participant.FullName);
        await jobb.GetByRole(AriaRole.Link, new() { Name = "Kartläggning och bedömningar" }).ClickAsync();
        await ExpectHeadingAsync(jobb, "Kartläggning för " + participant.FullName);
        await AssertAccessibleAsync(jobb);
        await jobb.GetByLabel("Arbetslivserfarenhet (beskrivning)").FillAsync("Två år som lagerarbetare.");
        await jobb.GetByLabel("Yrke 1").FillAsync("Lagerarbetare/Terminalarbetare");
        await jobb.GetByLabel("Intressen och mål").FillAsync("Vill arbeta med logistik.");
        await jobb.GetByLabel("Hälsa och begränsningar", new() { Exact = true }).FillAsync("Ryggbesvär, klarar inte tunga lyft hela dagar (fiktiv uppgift).");
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Spara ny version" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Kartläggningen är sparad som en ny version.");
        var shownMapping = jobb.Locator("section[aria-labelledby=mapping-heading]");
        await Expect(shownMapping).ToContainTextAsync("Version 1 av 1");
        await Expect(shownMapping).ToContainTextAsync("Lagerarbetare/Terminalarbetare");
        await jobb.GetByLabel("Riktning", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Anställning" });
        await jobb.GetByLabel("Gul – osäker arbetsförmåga").CheckAsync();
        await jobb.GetByLabel(Af).CheckAsync();
        await jobb.GetByLabel("Motivering").FillAsync("Arbetsförmågan behöver prövas i praktik innan anställning.");
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Spara ställningstagande" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Ställningstagandet är sparat.");
        await Expect(jobb.Locator("section[aria-labelledby=positions-heading] p").First).ToContainTextAsync("Anställning, Gul – osäker arbetsförmåga");
        await AssertAccessibleAsync(jobb);

        // A placement scheduled from two weeks back, and the plan with a praktik activity linked to it.
        var start = Today.AddDays(-14);
        var activityName = "Lagerpraktik " + TestPeople.UniqueLastName("Grupp");
        var activityId = await ScheduleActivityAsync(jobb, activityName, "Praktik", start, Today.AddDays(60), "4");
        await VisitAsync(jobb, $"/Participants/{participant.Id}/Plan", "Handlingsplan för " + participant.FullName);
        await jobb.GetByLabel("Mål", new() { Exact = true }).FillAsync("Anställning inom lager och logistik.");
        await jobb.GetByLabel("Inriktning").SelectOptionAsync(new SelectOptionValue { Label = "Anställning" });
        await jobb.GetByLabel("Planen gäller från").FillAsync(Iso(start));
        var row = jobb.GetByRole(AriaRole.Group, new() { Name = "Ny aktivitet (rad 1)" });
        await row.GetByLabel("Insats").SelectOptionAsync(new SelectOptionValue { Label = "Praktik" });
        await row.GetByLabel("Beskrivning").FillAsync("Praktik på lager");
        await row.GetByLabel("Anordnare (var)").FillAsync("Täby jobbcentrum");
        await row.GetByLabel("Startdatum").FillAsync(Iso(start));
        await row.GetByLabel("Slutdatum").FillAsync(Iso(Today.AddDays(30)));
        await row.GetByLabel("Timmar per vecka").FillAsync("20");
        await row.GetByLabel("Schemalagd aktivitet där närvaron registreras (valfritt)").SelectOptionAsync(activityId.ToString());
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Upprätta planen" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Handlingsplanen är sparad.");
        await Expect(jobb.Locator("#plan-heading")).ToHaveTextAsync("Gällande plan, version 1");
        await Expect(jobb.Locator("section[aria-labelledby=plan-heading] tbody tr")).ToContainTextAsync("Praktik på lager");
        await AssertAccessibleAsync(jobb);

        // Attendance: the latest weekday through the register with one key per person.
        var day = LastWeekday(Today);
        await VisitAsync(jobb, $"/Activities/{activityId}", activityName);
        await jobb.GetByLabel("Dag", new() { Exact = true }).FillAsync(Iso(day));
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Öppna närvarolistan" }).ClickAsync();
        await ExpectHeadingAsync(jobb, "Närvaro " + Iso(day));
        await Expect(jobb.Locator("#register-keys")).ToBeVisibleAsync();
        await AssertAccessibleAsync(jobb);
        var present = jobb.GetByRole(AriaRole.Group, new() { Name = "Närvaro för " + participant.FullName }).GetByLabel("Närvarande");
        await TabToAsync(jobb, present);
        await Expect(present).Not.ToBeCheckedAsync();
        await jobb.Keyboard.PressAsync("n");
        await Expect(present).ToBeCheckedAsync();
        var save = jobb.GetByRole(AriaRole.Button, new() { Name = "Spara närvaro" });
        await Expect(save).ToBeFocusedAsync();
        await Expect(jobb.Locator("#register-status")).ToHaveTextAsync($"{participant.FullName}: Närvarande");
        await jobb.Keyboard.PressAsync("Enter");
        await Expect(Flash(jobb)).ToHaveTextAsync("Närvaron är sparad för 1 deltagare.");
        await Expect(present).ToBeCheckedAsync();
        await AssertAccessibleAsync(jobb);

        // The other scheduled days of the two weeks are seeded through the API (the browser is slow at this):
        // present every day except one day sick.
        var earlier = Enumerable.Range(0, day.DayNumber - start.DayNumber).Select(start.AddDays)
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        await RegisterThroughApiAsync("jobb.taby", activityId, participant, earlier, sickOn: earlier[0]);
        var scheduled = earlier.Count + 1;
        await VisitAsync(jobb, $"/Participants/{participant.Id}/Attendance", "Närvaro för " + participant.FullName);
        var summary = jobb.Locator("section[aria-labelledby=text-heading] p.pre-line");
        await Expect(summary).ToContainTextAsync($"{scheduled} schemalagda dagar, {scheduled - 1} närvarande");
        await Expect(summary).ToContainTextAsync("1 frånvarande (sjuk 1)");
        var attendanceText = await summary.InnerTextAsync();

        // The return report, on time. The form comes prefilled with the attendance registered since the referral was
        // sent (today, in this compressed journey); the coach replaces it with the summary of the whole placement.
        await VisitAsync(jobb, referral, "Remiss för " + participant.FullName);
        await Expect(jobb.GetByLabel("Sammanfattning av närvaron")).ToHaveValueAsync(new Regex("schemalagda dagar"));
        await Expect(jobb.Locator("section[aria-labelledby=referral-heading] .badge.off")).ToHaveCountAsync(0);
        await jobb.GetByLabel("Vad som har gjorts").FillAsync("Kartläggning, trepartssamtal och två veckors praktik på lager.");
        await jobb.GetByLabel("Sammanfattning av närvaron").FillAsync(attendanceText);
        await jobb.GetByLabel("Resultat", new() { Exact = true }).FillAsync("Klarar lagerarbete fyra timmar om dagen med anpassade lyft.");
        await jobb.GetByLabel("Rekommendation", new() { Exact = true }).FillAsync("Fortsatt praktik, sedan nystartsjobb.");
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Skicka återrapport" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Återrapporten är skickad.");
        await Expect(jobb.Locator("#referral-heading")).ToHaveTextAsync("Återrapporterad");
        await Expect(jobb.Locator("section[aria-labelledby=report-heading]")).ToContainTextAsync($"{scheduled} schemalagda dagar");
        await AssertAccessibleAsync(jobb);

        // Social services: the report in its case journal, the plan and the attendance summary.
        await VisitAsync(soc, socCase, "Ärende för " + participant.FullName);
        await Expect(soc.Locator("section[aria-labelledby=journal-heading]"))
            .ToContainTextAsync("Återrapport på remiss: Klarar lagerarbete fyra timmar om dagen med anpassade lyft.");
        await VisitAsync(soc, $"/Participants/{participant.Id}/Plan", "Handlingsplan för " + participant.FullName);
        await Expect(soc.Locator("section[aria-labelledby=plan-heading]")).ToContainTextAsync("Anställning inom lager och logistik.");
        await Expect(soc.Locator("section[aria-labelledby=plan-heading] tbody tr")).ToContainTextAsync("Praktik på lager");
        await VisitAsync(soc, $"/Participants/{participant.Id}/Attendance", "Närvaro för " + participant.FullName);
        await Expect(soc.Locator("section[aria-labelledby=text-heading]")).ToContainTextAsync($"{scheduled} schemalagda dagar, {scheduled - 1} närvarande");

        // The job centre revises the plan: the placement is completed with a result; the history has two versions.
        await VisitAsync(jobb, $"/Participants/{participant.Id}/Plan", "Handlingsplan för " + participant.FullName);
        var placement = jobb.GetByRole(AriaRole.Group, new() { Name = "Aktivitet 1: Praktik på lager" });
        await placement.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Genomförd" });
        await placement.GetByLabel("Resultat").FillAsync("Erbjuds nystartsjobb på lagret.");
        await jobb.GetByLabel("Kommentar till revisionen (valfritt)").FillAsync("Praktiken är genomförd.");
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Spara ny version" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Handlingsplanen är sparad.");
        await Expect(jobb.Locator("#plan-heading")).ToHaveTextAsync("Gällande plan, version 2");
        await Expect(jobb.Locator("section[aria-labelledby=plan-heading] tbody tr")).ToContainTextAsync("Erbjuds nystartsjobb på lagret.");
        var history = jobb.Locator("section[aria-labelledby=history-heading] tbody tr");
        await Expect(history).ToHaveCountAsync(2);
        await Expect(history.Nth(0)).ToContainTextAsync("2 (gällande)");
        await Expect(history.Nth(0)).ToContainTextAsync("Praktiken är genomförd.");
        await Expect(history.Nth(1).GetByRole(AriaRole.Link, new() { Name = "Visa version 1" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(jobb);

        // Closure: subsidised work, new-start job; the case shows the follow-up three months on.
        await VisitAsync(jobb, jobbCase, "Ärende för " + participant.FullName);
        await jobb.GetByLabel("Utfall").SelectOptionAsync(new SelectOptionValue { Label = "Subventionerat arbete" });
        await jobb.GetByLabel("Anställningsform (vid arbete)").SelectOptionAsync(new SelectOptionValue { Label = "Nystartsjobb" });
        await jobb.GetByLabel("Försörjning efter").SelectOptionAsync(new SelectOptionValue { Label = "Lön" });
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Avsluta ärendet" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Ärendet är avslutat.");
        var closed = jobb.Locator("section[aria-labelledby=case-heading]");
        await Expect(jobb.Locator("#case-heading")).ToHaveTextAsync("Avslutad");
        await Expect(closed).ToContainTextAsync("Subventionerat arbete, nystartsjobb");
        await Expect(closed).ToContainTextAsync(Iso(Today.AddMonths(3)));
        await Expect(jobb.Locator("section[aria-labelledby=followup-heading] tbody tr", new() { HasText = "3 månader" }))
            .ToContainTextAsync(Iso(Today.AddMonths(3)));
        await AssertAccessibleAsync(jobb);

        // Another municipality's social services sees none of it.
        var vaxholm = await LoginAsync("soc.vaxholm");
        foreach (var path in new[] { participant.DetailsPath, $"/Participants/{participant.Id}/Plan", $"/Participants/{participant.Id}/Attendance",
                     $"/Participants/{participant.Id}/Mapping" })
        {
            await VisitAsync(vaxholm, path, "Sidan finns inte");
            await Expect(vaxholm.Locator("main")).Not.ToContainTextAsync(participant.LastName);
        }
    }

    /// <summary>The unread count in the "Notiser" link (0 when it shows none).</summary>
    private static async Task<int> UnreadAsync(IPage page)
    {
        var text = await MainNav(page).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Notiser") }).InnerTextAsync();
        return Unread().Match(text) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"\((\d+) olästa\)")]
    private static partial Regex Unread();

    /// <summary>Registers attendance through the JSON API as <paramref name="userName"/>: present, except sick on <paramref name="sickOn"/>.</summary>
    private async Task RegisterThroughApiAsync(string userName, Guid activityId, RegisteredParticipant participant, List<DateOnly> days, DateOnly sickOn)
    {
        using var http = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = BrowserApp.DemoPassword });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        foreach (var d in days)
        {
            var registration = d == sickOn
                ? (object)new { participantId = participant.Id, status = "absent", absenceReason = "sick" }
                : new { participantId = participant.Id, status = "present" };
            var response = await http.PostAsJsonAsync($"/api/v1/activities/{activityId}/attendance", new { date = Iso(d), registrations = new[] { registration } });
            Assert.True(response.IsSuccessStatusCode, $"{Iso(d)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
