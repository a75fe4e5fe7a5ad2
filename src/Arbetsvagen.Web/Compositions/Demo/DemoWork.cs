using Arbetsvagen.Infrastructure.Demo;
using System.Numerics;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Core.Consents;
using Arbetsvagen.Features.Mappings;
using Arbetsvagen.Features.Notifications;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Referrals;
using Microsoft.EntityFrameworkCore;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Compositions.Demo;

/// <summary>
/// A working day in the demo region, so that a caseworker who logs in (soc.taby, jobb.taby, af.nordost, and the
/// Vaxholm pair) finds the work that fills a real day: scheduled activities at the job centres, and for some of
/// social services' participants a consent, a social-assistance case and a job-centre case, referrals in every
/// state, a mapping, a joint position, an action plan linked to the activities, two weeks of attendance with a
/// few absences, today's register still open for the placement, and unread notifications.
/// <para>
/// Everything is built with the entities' own factory methods, so their rules hold, and leaves the automatic
/// journal entries and notifications the services leave. Seeding writes no access-log rows: it is not a user's
/// access. All dates are relative to today (Swedish date). Runs once, as part of <see cref="DemoRegion.SeedAsync"/>.
/// </para>
/// </summary>
public static class DemoWork
{
    /// <summary>How far back attendance is registered.</summary>
    public const int AttendanceDays = 14;

    private enum Stage { AwaitingAcceptance, Enrolled, Ongoing, Closed }

    /// <summary>The three scheduled activities each job centre runs (see <see cref="ScheduleActivities"/>).</summary>
    private enum Slot { JobSearch, Placement, Third }

    /// <summary>
    /// One participant's story. Days are relative to today: <paramref name="ReferralDaysAgo"/> is when social services
    /// sent the referral to the job centre, <paramref name="ReportDueIn"/> when the return report is due (negative: overdue),
    /// <paramref name="ReviewIn"/> when the action plan is to be followed up. <paramref name="Absences"/> are the n-th most
    /// recent scheduled days (1 = the latest before today) of the first activity on which the person was absent.
    /// </summary>
    private sealed record Scenario(Stage Stage, int ReferralDaysAgo, ReferralOrders Orders, ReferralState ReferralState, int ReportDueIn,
        Readiness Readiness = Readiness.Yellow, Direction Direction = Direction.Employment, Slot[]? Activities = null, int ReviewIn = 30,
        bool Health = false, (int Nth, AbsenceReason Reason)[]? Absences = null, bool WorkAbility = false, bool EarlierPlacement = false,
        bool ReferredToAf = false, bool MappingRevised = false);

    private const ReferralOrders Placement = ReferralOrders.Placement;
    private const ReferralOrders WorkAbility = ReferralOrders.WorkAbilityAssessment;
    private const ReferralOrders HelpIntoWork = ReferralOrders.HelpIntoWork;
    private const ReferralOrders Sfi = ReferralOrders.SfiCombination;

    /// <summary>Täby: the full range of what a job centre and a social secretary meet in a week.</summary>
    private static readonly Scenario[] Taby =
    [
        new(Stage.AwaitingAcceptance, 2, Placement | HelpIntoWork, ReferralState.Sent, 42),
        new(Stage.AwaitingAcceptance, 1, WorkAbility, ReferralState.Sent, 35, Health: true),
        new(Stage.Enrolled, 12, WorkAbility | Placement, ReferralState.Accepted, 3, Health: true),
        new(Stage.Ongoing, 60, Placement, ReferralState.Accepted, -4, Readiness.Yellow, Direction.Employment, [Slot.JobSearch, Slot.Placement], 20,
            Health: true, Absences: [(1, AbsenceReason.Sick), (2, AbsenceReason.Sick)], MappingRevised: true),
        new(Stage.Ongoing, 55, HelpIntoWork, ReferralState.Accepted, 30, Readiness.Green, Direction.Employment, [Slot.JobSearch], -6,
            Absences: [(3, AbsenceReason.Invalid)]),
        new(Stage.Ongoing, 80, Sfi, ReferralState.Reported, -12, Readiness.Yellow, Direction.Studies, [Slot.Third, Slot.JobSearch], 45,
            Absences: [(2, AbsenceReason.Valid)]),
        new(Stage.Ongoing, 45, WorkAbility | Placement, ReferralState.Accepted, 21, Readiness.Yellow, Direction.Employment, [Slot.Placement], 10,
            Health: true, Absences: [(1, AbsenceReason.Sick), (4, AbsenceReason.Valid)], WorkAbility: true, MappingRevised: true),
        new(Stage.Ongoing, 70, Sfi, ReferralState.Accepted, 50, Readiness.Red, Direction.Preparatory, [Slot.Third], 30,
            Absences: [(1, AbsenceReason.Invalid), (3, AbsenceReason.Invalid), (5, AbsenceReason.Unknown)]),
        new(Stage.Ongoing, 50, HelpIntoWork, ReferralState.Accepted, 14, Readiness.Green, Direction.JobTrack, [Slot.JobSearch, Slot.Placement], 5,
            ReferredToAf: true),
        new(Stage.Ongoing, 65, Sfi, ReferralState.Accepted, 60, Readiness.Yellow, Direction.Studies, [Slot.Third], 40),
        new(Stage.Ongoing, 40, WorkAbility, ReferralState.Accepted, 28, Readiness.Red, Direction.Preparatory, [Slot.JobSearch], 25,
            Health: true, Absences: [(2, AbsenceReason.Sick), (3, AbsenceReason.Sick), (4, AbsenceReason.Sick)]),
        new(Stage.Ongoing, 35, Placement, ReferralState.Accepted, 6, Readiness.Green, Direction.Employment, [Slot.Placement], 60),
        new(Stage.Closed, 0, Placement | HelpIntoWork, ReferralState.Reported, 0, Readiness.Green, Direction.Employment),
        new(Stage.Ongoing, 58, HelpIntoWork | Sfi, ReferralState.Accepted, 35, Readiness.Green, Direction.Employment, [Slot.JobSearch, Slot.Third], 50,
            Absences: [(1, AbsenceReason.Valid)]),
        new(Stage.Ongoing, 48, Placement, ReferralState.Accepted, 18, Readiness.Yellow, Direction.Employment, [Slot.Placement], 15,
            Absences: [(2, AbsenceReason.Invalid)], EarlierPlacement: true),
        new(Stage.Enrolled, 16, HelpIntoWork, ReferralState.Accepted, 25),
    ];

    /// <summary>Vaxholm: a smaller unit with a few of the same situations.</summary>
    private static readonly Scenario[] Vaxholm =
    [
        new(Stage.AwaitingAcceptance, 3, Placement, ReferralState.Sent, 40),
        new(Stage.Ongoing, 50, Placement, ReferralState.Accepted, -2, Readiness.Yellow, Direction.Employment, [Slot.JobSearch, Slot.Placement], 20,
            Absences: [(1, AbsenceReason.Sick)]),
        new(Stage.Ongoing, 60, HelpIntoWork, ReferralState.Accepted, 20, Readiness.Green, Direction.Employment, [Slot.JobSearch], -3),
        new(Stage.Ongoing, 45, WorkAbility, ReferralState.Accepted, 30, Readiness.Red, Direction.Preparatory, [Slot.Third], 35,
            Health: true, Absences: [(2, AbsenceReason.Invalid)], WorkAbility: true),
        new(Stage.Closed, 0, Placement, ReferralState.Reported, 0, Readiness.Green, Direction.Employment),
    ];

    private sealed record ActivitySpec(Slot Slot, ActivityKind Kind, string Name, string Place, int StartedDaysAgo, int EndsInDays, Weekdays Days,
        decimal HoursPerDay, string PlanText);

    private const Weekdays MonThu = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday;
    private const Weekdays MonFri = MonThu | Weekdays.Friday;

    private static readonly Dictionary<string, ActivitySpec[]> Schedules = new()
    {
        ["Täby"] =
        [
            new(Slot.JobSearch, ActivityKind.JobSearch, "Jobbsökargrupp", "Jobbcentrum Täby, grupprummet", 91, 119, MonThu, 2,
                "Jobbsökargrupp: CV, personligt brev och ansökningar, två timmar om dagen"),
            new(Slot.Placement, ActivityKind.Placement, "Praktik – Täby parkförvaltning", "Parkförvaltningens förråd, Täby", 63, 63, MonFri, 6,
                "Praktik inom parkskötsel med handledare"),
            new(Slot.Third, ActivityKind.SfiCombination, "SFI-kombination – lokalvård", "Kunskapscentrum Nordost, Täby", 77, 105,
                Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday, 4, "SFI kombinerat med yrkessvenska och praktik inom lokalvård"),
        ],
        ["Vaxholm"] =
        [
            new(Slot.JobSearch, ActivityKind.JobSearch, "Jobbsökargrupp", "Jobbcentrum Vaxholm", 84, 98,
                Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday, 2, "Jobbsökargrupp tre förmiddagar i veckan"),
            new(Slot.Placement, ActivityKind.Placement, "Praktik – Vaxholms kommunservice", "Kommunservice, Vaxholm", 56, 70, MonFri, 6,
                "Praktik inom fastighetsskötsel och kommunservice"),
            new(Slot.Third, ActivityKind.WorkTraining, "Arbetsträning – Vaxholms återbruk", "Återbruket, Vaxholm", 70, 90, MonThu, 4,
                "Arbetsträning i återbruket: sortering, reparation och försäljning"),
        ],
    };

    private static readonly (string Text, string ConceptId)[] Experience =
    [
        ("Städare på hotell i fyra år.", "KF64_AvU_S4N"),
        ("Lagerarbete via bemanningsföretag, två år.", "DLEi_bTh_oLA"),
        ("Säsongsarbete i park och trädgård.", "4Y6u_JPp_jas"),
        ("Köksbiträde på restaurang, tre år i hemlandet.", "oRB5_b7i_Qzv"),
        ("Kassa och varuplock i livsmedelsbutik.", "j8X2_KhG_6ty"),
        ("Barnskötare i hemlandet, utan svensk examen.", "rM7G_ge7_XhP"),
        ("Vårdbiträde inom hemtjänsten, timanställd.", "4zLr_jP5_peZ"),
    ];

    /// <summary>One municipality's units and the demo users who work there.</summary>
    private sealed record Unit(string Municipality, Organisation Social, Organisation JobCentre, Guid SocialSecretary, Guid Coach,
        string SocialSecretaryName, string CoachName, Dictionary<Slot, Activity> Activities);

    /// <summary>What the seeding needs everywhere: the database, the clock and Arbetsförmedlingen.</summary>
    private sealed class Context(AppDbContext db, DateTime now, Organisation af, Guid afUser, string afUserName)
    {
        public AppDbContext Db { get; } = db;
        public DateTime Now { get; } = now;
        public DateOnly Today { get; } = SwedishTime.Today(now);
        public Organisation Af { get; } = af;
        public Guid AfUser { get; } = afUser;
        public string AfUserName { get; } = afUserName;

        /// <summary>The moment <paramref name="hour"/> o'clock Swedish time on <paramref name="day"/>, never later than now.</summary>
        public DateTime At(DateOnly day, double hour = 9)
        {
            var at = SwedishTime.StartOfDayUtc(day).AddMinutes(Math.Round(hour * 60));
            return at < Now ? at : Now;
        }

        public DateOnly Day(int offset) => Today.AddDays(offset);

        /// <summary>The notice each referral left its receiver, read when the referral is answered.</summary>
        public Dictionary<Guid, Notification> ReferralNotices { get; } = [];
    }

    public static async Task SeedAsync(AppDbContext db, Dictionary<string, Organisation> organisations, SyntheticPeople people, int firstIndex,
        DateTime now)
    {
        var users = await db.Users.Where(u => u.UserName != null).ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.DisplayName));
        var af = organisations[DemoNames.AfName];
        var context = new Context(db, now, af, users["af.nordost"].Id, users["af.nordost"].DisplayName);
        var index = firstIndex;
        foreach (var (municipality, scenarios, soc, coach) in new[] { ("Täby", Taby, "soc.taby", "jobb.taby"), ("Vaxholm", Vaxholm, "soc.vaxholm", "jobb.vaxholm") })
        {
            var jobCentre = organisations[DemoNames.JobCentreName(municipality)];
            var unit = new Unit(municipality, organisations[DemoNames.SocialServicesName(municipality)], jobCentre,
                users[soc].Id, users[coach].Id, users[soc].DisplayName, users[coach].DisplayName,
                ScheduleActivities(context, jobCentre, users[coach].Id, Schedules[municipality]));
            for (var i = 0; i < scenarios.Length; i++, index++)
            {
                var participant = people.Create(index, unit.Social, numberIndex: index, unit.SocialSecretary, now);
                db.Participants.Add(participant);
                Story(context, unit, participant, scenarios[i], i);
            }
        }

        await db.SaveChangesAsync();
    }

    private static Dictionary<Slot, Activity> ScheduleActivities(Context c, Organisation jobCentre, Guid coach, ActivitySpec[] specs)
    {
        var activities = new Dictionary<Slot, Activity>();
        foreach (var s in specs)
        {
            var startsOn = c.Day(-s.StartedDaysAgo);
            var activity = Activity.Schedule(jobCentre.Id, jobCentre.SecrecyBoundaryId, s.Kind, s.Name, s.Place, startsOn, c.Day(s.EndsInDays),
                s.Days, s.HoursPerDay, coach, c.At(startsOn.AddDays(-14), 14));
            c.Db.Activities.Add(activity);
            activities[s.Slot] = activity;
        }

        return activities;
    }

    /// <summary>Builds one participant's story from social services' first meeting to today.</summary>
    private static void Story(Context c, Unit u, Participant p, Scenario s, int n)
    {
        var db = c.Db;
        var closedOn = c.Today.AddMonths(-3);
        // The referral that started the job centre's work; for a closed case it was sent five months before closure.
        var sentOn = s.Stage == Stage.Closed ? closedOn.AddDays(-150) : c.Day(-s.ReferralDaysAgo);
        var reportDue = s.Stage == Stage.Closed ? closedOn.AddDays(-40) : c.Day(s.ReportDueIn);
        var socOpened = sentOn.AddDays(-(40 + 23 * n % 160) - (s.EarlierPlacement ? 180 : 0));
        p.IncomeSource = s.Stage == Stage.Closed ? IncomeSource.Salary : IncomeSource.SocialAssistance;

        // Social services: the case, the consent that lets the job centre and Arbetsförmedlingen take part, enrolment.
        var social = Case.Open(p.Id, u.Social.Id, u.Social.SecrecyBoundaryId, IntakeSource.SocialServices, socOpened,
            "Ansökan om ekonomiskt bistånd. Behöver stöd för att komma i arbete eller studier.", IncomeSource.SocialAssistance, u.SocialSecretary,
            c.At(socOpened, 10));
        var consentOn = socOpened.AddDays(7);
        var categories = DataCategories.Identity | DataCategories.Background | DataCategories.CaseAndPlan | DataCategories.Attendance
            | (s.Health ? DataCategories.Health : DataCategories.None);
        var form = n % 4 == 3 ? ConsentForm.Oral : ConsentForm.Written;
        var consent = Consent.Give(p.Id, u.Social.Id, [u.JobCentre.Id, c.Af.Id], categories,
            "Samverkan kring stöd till arbete eller studier enligt överenskommelsen Stockholm Nordost.", c.At(consentOn, 10),
            form, u.SocialSecretary, c.Today.AddMonths(6 + n % 7), c.At(consentOn, 10.5));
        db.Consents.Add(consent);
        social.Enrol(consentOn, "Besök hos socialsekreteraren var tredje vecka", consent.Id, u.SocialSecretary, c.At(consentOn, 11));
        social.Start(u.SocialSecretary, c.At(consentOn, 11.1));
        Signed(db, social.Id, JournalEntryType.Conversation, u.SocialSecretary, c.At(consentOn, 11.5),
            "Besök: gick igenom ansökan och vägen mot egen försörjning. "
            + $"{(form == ConsentForm.Oral ? "Muntligt" : "Skriftligt")} samtycke till samverkan med jobbcentrum och Arbetsförmedlingen.");

        if (s.EarlierPlacement)
        {
            // A placement ordered before, which ended early: the new referral is the second similar one within a year.
            var earlierOn = sentOn.AddDays(-150);
            var earlier = Refer(c, u, p, social, Placement, earlierOn, earlierOn.AddDays(60), "Praktik för att pröva arbete inom lager.");
            Accept(c, u, earlier, earlierOn.AddDays(4), notifySenderUnread: false);
            Report(c, u, earlier, social, earlierOn.AddDays(58), "Praktik på lager i tre veckor; avbröts efter upprepad frånvaro.",
                "Närvaro 60 procent av schemalagd tid.", "Praktiken gav inte underlag för en bedömning.",
                "Ny praktik med tätare handledning och avstämning varje vecka.", unread: false);
        }

        var referral = Refer(c, u, p, social, s.Orders, sentOn, reportDue, Question(s.Orders));
        if (s.Stage == Stage.AwaitingAcceptance)
        {
            Finish(c, u, p, social, sentOn);
            return;
        }

        // The job centre accepts, opens its own case, meets the person with the social secretary, enrols and maps.
        var acceptedOn = sentOn.AddDays(Math.Min(3, (c.Today.DayNumber - sentOn.DayNumber) / 4));
        Accept(c, u, referral, acceptedOn, notifySenderUnread: c.Today.DayNumber - acceptedOn.DayNumber <= 3);
        var job = Case.Open(p.Id, u.JobCentre.Id, u.JobCentre.SecrecyBoundaryId, IntakeSource.SocialServices, acceptedOn,
            $"Remiss från socialtjänsten: {EnumText.Label(s.Orders)}.", IncomeSource.SocialAssistance, u.Coach, c.At(acceptedOn, 9.5));
        var enrolledOn = acceptedOn.AddDays(Math.Min(4, (c.Today.DayNumber - acceptedOn.DayNumber) / 2));
        db.Add(referral.RecordMeeting(c.At(enrolledOn, 10), $"Deltagaren, {u.SocialSecretaryName} (socialtjänsten), {u.CoachName} (jobbcentrum)",
            "Gick igenom remissen och vad deltagaren själv vill. Överens om inskrivning på jobbcentrum och avstämning varannan vecka.",
            u.Coach, c.At(enrolledOn, 11)));
        job.Enrol(enrolledOn, "Avstämning med coach varannan tisdag kl 10", consent.Id, u.Coach, c.At(enrolledOn, 11.2));
        Signed(db, job.Id, JournalEntryType.Conversation, u.Coach, c.At(enrolledOn, 11.5),
            "Inskrivningssamtal efter trepartssamtalet. Deltagaren berättade om tidigare arbete och vad hen vill pröva.");
        var mappedOn = enrolledOn.AddDays(Math.Min(3, c.Today.DayNumber - enrolledOn.DayNumber));
        db.Add(Map(c, u, p, s, n, version: 1, mappedOn));

        if (s.Stage == Stage.Enrolled)
        {
            AddHistory(db, job);
            Finish(c, u, p, social, mappedOn);
            return;
        }

        // Joint position and the action plan, after which the case is ongoing.
        var planStart = enrolledOn.AddDays(7);
        db.Add(JointPosition.Record(p.Id, planStart, [u.JobCentre.Id, c.Af.Id, u.Social.Id],
            $"Deltagaren, {u.CoachName} (jobbcentrum), {c.AfUserName} (Arbetsförmedlingen), {u.SocialSecretaryName} (socialtjänsten)",
            s.Direction, s.Readiness, Motivation(s.Readiness), u.JobCentre.Id, u.JobCentre.SecrecyBoundaryId, u.Coach, c.At(planStart, 10),
            c.Today, new()));
        if (s.Stage == Stage.Closed)
        {
            Closed(c, u, p, social, job, referral, planStart, closedOn);
            return;
        }

        var plan = Plan(c, u, job, p, s, planStart);
        job.Start(u.Coach, c.At(planStart, 11.5));
        if (s.MappingRevised)
        {
            db.Add(Map(c, u, p, s, n, version: 2, planStart.AddDays(14)));
        }

        if (s.WorkAbility)
        {
            var assessedOn = c.Day(-5);
            db.Add(WorkAbilityAssessment.Record(p.Id, AssessmentMethod.RealWorkplace,
                WorkAbilityDimensions.Physical | WorkAbilityDimensions.Endurance | WorkAbilityDimensions.Pace,
                "Klarar arbetsuppgifterna fyra timmar om dagen i lugnt tempo; behöver pauser vid tunga moment. Uthålligheten har ökat under praktiken (fiktiv uppgift).",
                assessedOn, referral.Id, u.JobCentre.Id, u.JobCentre.SecrecyBoundaryId, u.Coach, c.At(assessedOn, 15), c.Today, new()));
        }

        if (s.ReferralState == ReferralState.Reported)
        {
            var reportedOn = c.Day(s.ReportDueIn - 2);
            Report(c, u, referral, social, reportedOn, "Inskrivning, kartläggning och gemensam handlingsplan. Deltagaren går i SFI-kombination.",
                "Närvaro 90 procent av schemalagd tid, frånvaron anmäld.", "Deltagaren har kommit igång väl och klarar SFI-kombinationen.",
                "Fortsätt enligt handlingsplanen; ny avstämning om tre månader.", unread: c.Today.DayNumber - reportedOn.DayNumber <= 14);
        }

        if (s.ReferredToAf)
        {
            // The job centre asks Arbetsförmedlingen to check the right to a subsidy and to consider the local job track.
            var afOn = c.Day(-2);
            var toAf = Referral.Send(p.Id, u.JobCentre.Id, u.JobCentre.SecrecyBoundaryId, job.Id, c.Af.Id, c.Af.SecrecyBoundaryId, HelpIntoWork,
                "Deltagaren är redo för arbete. Kontrollera rätten till nystartsjobb och om deltagaren kan anvisas till det lokala jobbspåret.",
                afOn, afOn.AddDays(21), u.Coach, c.At(afOn, 14));
            db.Add(toAf);
            db.Add(JournalEntry.Automatic(job.Id, $"Remiss skickad till {c.Af.Name}: {EnumText.Label(HelpIntoWork)}.", u.Coach, toAf.SentAt));
            db.Add(Notification.To(c.AfUser, $"Ny remiss till din enhet: {EnumText.Label(HelpIntoWork)}.", $"/Referrals/Details/{toAf.Id}", toAf.SentAt, p.Id));
        }

        Attend(c, u, p, plan, s);
        if (s.Absences?.Contains((1, AbsenceReason.Sick)) == true)
        {
            // An entry the coach has not signed yet.
            db.Add(JournalEntry.Write(job.Id, JournalEntryType.Contact, "Deltagaren ringde och sjukanmälde sig; räknar med att vara tillbaka inom några dagar.",
                u.Coach, c.At(c.Today, 8.5)));
        }

        AddHistory(db, job);
        Finish(c, u, p, social, c.Today);
    }

    /// <summary>The person got a job through the placement: the job centre closed three months ago, social services ten days later.</summary>
    private static void Closed(Context c, Unit u, Participant p, Case social, Case job, Referral referral, DateOnly planStart, DateOnly closedOn)
    {
        var db = c.Db;
        var plan = ActionPlan.Create(p.Id);
        var revision = plan.Revise(0, "Anställning inom lager eller service.", Direction.Employment, planStart, closedOn, closedOn.AddDays(-30),
            [
                new PlanActivityDraft(null, ActivityKind.JobSearch, "Jobbsökargrupp", null, u.JobCentre.Name, planStart, planStart.AddDays(60), 8,
                    PlanActivityStatus.Completed, "Sökte 25 tjänster, tre intervjuer."),
                new PlanActivityDraft(null, ActivityKind.Placement, "Praktik på lager (fiktiv arbetsgivare)", null, "Nordost Logistik AB (fiktiv)",
                    planStart.AddDays(30), closedOn.AddDays(-7), 30, PlanActivityStatus.Completed, "Erbjöds nystartsjobb efter praktiken."),
            ], null, u.Coach, u.JobCentre.Id, c.At(planStart, 11));
        db.AddRange(plan, revision);
        db.Add(JournalEntry.Automatic(job.Id, $"Handlingsplanen upprättades (version {plan.Version}).\n{revision.Changes}", u.Coach, revision.At));
        job.Start(u.Coach, c.At(planStart, 11.5));
        Report(c, u, referral, social, closedOn.AddDays(-10), "Jobbsökargrupp och praktik på lager med handledare.", "Närvaro 95 procent.",
            "Deltagaren har erbjudits nystartsjobb hos praktikplatsen.", "Avsluta insatsen när anställningen börjar.", unread: false);
        job.Close(closedOn, CaseOutcome.SubsidisedWork, EmploymentForm.NewStartJob, null, IncomeSource.Salary, u.Coach, c.At(closedOn, 15));
        var socialClosedOn = closedOn.AddDays(10);
        social.Close(socialClosedOn, CaseOutcome.SubsidisedWork, EmploymentForm.NewStartJob, null, IncomeSource.Salary, u.SocialSecretary,
            c.At(socialClosedOn, 14));
        AddHistory(db, job);
        Finish(c, u, p, social, socialClosedOn);
    }

    private static Referral Refer(Context c, Unit u, Participant p, Case social, ReferralOrders orders, DateOnly sentOn, DateOnly reportDue, string question)
    {
        var referral = Referral.Send(p.Id, u.Social.Id, u.Social.SecrecyBoundaryId, social.Id, u.JobCentre.Id, u.JobCentre.SecrecyBoundaryId, orders,
            question, sentOn, reportDue, u.SocialSecretary, c.At(sentOn, 13));
        c.Db.Add(referral);
        c.Db.Add(JournalEntry.Automatic(social.Id, $"Remiss skickad till {u.JobCentre.Name}: {EnumText.Label(orders)}.", u.SocialSecretary, referral.SentAt));
        // The receiving unit's users are told; the notice is read once the referral has been answered.
        var notice = Notification.To(u.Coach, $"Ny remiss till din enhet: {EnumText.Label(orders)}.", $"/Referrals/Details/{referral.Id}", referral.SentAt, referral.ParticipantId);
        c.Db.Add(notice);
        c.ReferralNotices[referral.Id] = notice;
        return referral;
    }

    private static void Accept(Context c, Unit u, Referral referral, DateOnly on, bool notifySenderUnread)
    {
        referral.Accept(u.Coach, c.At(on, 9));
        c.ReferralNotices[referral.Id].MarkRead(c.At(on, 8.5));
        var notice = Notification.To(u.SocialSecretary, "Din remiss har accepterats.", $"/Referrals/Details/{referral.Id}", c.At(on, 9), referral.ParticipantId);
        if (!notifySenderUnread)
        {
            notice.MarkRead(c.At(on.AddDays(1), 8.5));
        }

        c.Db.Add(notice);
    }

    private static void Report(Context c, Unit u, Referral referral, Case social, DateOnly on, string whatWasDone, string attendance, string result,
        string recommendation, bool unread)
    {
        referral.Report(whatWasDone, attendance, result, recommendation, u.Coach, c.At(on, 15));
        c.Db.Add(JournalEntry.Automatic(social.Id, $"Återrapport på remiss: {referral.ReportResult} Rekommendation: {referral.ReportRecommendation}",
            u.Coach, c.At(on, 15)));
        var notice = Notification.To(u.SocialSecretary, "Återrapport har kommit på din remiss.", $"/Referrals/Details/{referral.Id}", c.At(on, 15), referral.ParticipantId);
        if (!unread)
        {
            notice.MarkRead(c.At(on.AddDays(1), 8.5));
        }

        c.Db.Add(notice);
    }

    private static Mapping Map(Context c, Unit u, Participant p, Scenario s, int n, int version, DateOnly on)
    {
        var (experience, occupation) = Experience[n % Experience.Length];
        var newcomer = p.SwedishLevel is SwedishLevel.SfiA or SwedishLevel.SfiB or SwedishLevel.SfiC or SwedishLevel.SfiD;
        var obstacles = SelfSupportObstacles.WorkExperience
            | (newcomer ? SelfSupportObstacles.Language : SelfSupportObstacles.None)
            | (p.IsShortEducated ? SelfSupportObstacles.Education : SelfSupportObstacles.None)
            | (s.Health ? SelfSupportObstacles.Health : SelfSupportObstacles.None)
            | (n % 3 == 0 ? SelfSupportObstacles.Childcare : SelfSupportObstacles.None);
        var content = new Mapping.Content(p.EducationLevel, p.IsShortEducated ? "Grundskola, delvis i hemlandet." : "Gymnasieskola, handelsprogrammet.",
            experience, [occupation], p.SwedishLevel, p.InterpreterLanguage ?? "engelska",
            s.Health ? "Besvär från ländryggen; undviker tunga lyft och långvarigt stående (fiktiv uppgift)." : null,
            n % 3 == 0 ? "Ensamstående med två barn i förskoleålder; förskoleplats ordnad." : "Bor i hyreslägenhet, ingen barnomsorg behövs.",
            version == 1 ? "Vill arbeta med människor eller praktiskt arbete; vill ha körkort." : "Trivs på praktiken och vill fortsätta inom samma yrke.",
            obstacles, null);
        return Mapping.Save(p.Id, version, content, u.JobCentre.Id, u.JobCentre.SecrecyBoundaryId, u.Coach, c.At(on, 14), new());
    }

    /// <summary>The plan: the first activity from the start, a second one added two weeks later by a revision.</summary>
    private static ActionPlan Plan(Context c, Unit u, Case job, Participant p, Scenario s, DateOnly planStart)
    {
        var slots = s.Activities ?? [];
        var plan = ActionPlan.Create(p.Id);
        var planEnd = c.Day(150);
        var review = c.Day(s.ReviewIn) < planStart ? planStart : c.Day(s.ReviewIn);
        var drafts = new List<PlanActivityDraft>();
        for (var i = 0; i < slots.Length; i++)
        {
            var revisedOn = planStart.AddDays(14 * i);
            var activity = u.Activities[slots[i]];
            var spec = Schedules[u.Municipality].Single(a => a.Slot == slots[i]);
            var starts = revisedOn < activity.StartsOn ? activity.StartsOn : revisedOn;
            var ends = activity.EndsOn < planEnd ? activity.EndsOn : planEnd;
            var hours = BitOperations.PopCount((uint)activity.Days) * activity.HoursPerDay;
            drafts.Add(new PlanActivityDraft(null, activity.Kind, spec.PlanText, activity.Id, u.JobCentre.Name, starts, ends, hours,
                PlanActivityStatus.Ongoing, null));
            var revision = plan.Revise(plan.Version, Goal(s.Direction), s.Direction, planStart, planEnd, review,
                drafts.Select((d, k) => d with { Id = k < plan.Activities.Count ? plan.Activities[k].Id : null }).ToList(),
                i == 0 ? "Upprättad tillsammans med deltagaren." : "Ny aktivitet enligt avstämning med deltagaren.", u.Coach, u.JobCentre.Id,
                c.At(revisedOn, 11));
            c.Db.Add(revision);
            c.Db.Add(JournalEntry.Automatic(job.Id, $"Handlingsplanen {(i == 0 ? "upprättades" : "reviderades")} (version {plan.Version}).\n{revision.Changes}",
                u.Coach, revision.At));
        }

        c.Db.Add(plan);
        return plan;
    }

    /// <summary>
    /// Attendance for the last two weeks, with the scenario's absences on the first activity; today's register is filled in
    /// for everything but the placement, so "Närvaro att registrera i dag" shows the placement.
    /// </summary>
    private static void Attend(Context c, Unit u, Participant p, ActionPlan plan, Scenario s)
    {
        var first = s.Activities![0];
        foreach (var planned in plan.Activities)
        {
            var activity = u.Activities.Values.Single(a => a.Id == planned.ActivityId);
            var days = activity.ScheduledDays(c.Day(-AttendanceDays), c.Day(-1)).Where(planned.TakesPartOn).OrderByDescending(d => d).ToList();
            for (var i = 0; i < days.Count; i++)
            {
                var absence = activity == u.Activities[first] ? s.Absences?.FirstOrDefault(a => a.Nth == i + 1) : null;
                var reason = absence is { Nth: > 0 } a ? a.Reason : (AbsenceReason?)null;
                c.Db.Attendance.Add(AttendanceRecord.Register(activity, p.Id, days[i], reason is null ? AttendanceStatus.Present : AttendanceStatus.Absent,
                    reason, null, u.Coach, c.At(days[i], 16)));
            }

            if (activity.Kind != ActivityKind.Placement && activity.IsScheduledOn(c.Today) && planned.TakesPartOn(c.Today))
            {
                c.Db.Attendance.Add(AttendanceRecord.Register(activity, p.Id, c.Today, AttendanceStatus.Present, null, null, u.Coach, c.At(c.Today, 11)));
            }
        }
    }

    /// <summary>The case history as the services journal it: one automatic entry per state change.</summary>
    private static void AddHistory(AppDbContext db, Case c)
    {
        db.Add(c);
        foreach (var step in c.History)
        {
            db.Add(JournalEntry.Automatic(c.Id, step.Note ?? $"Ärendet är {EnumText.Label(step.To).ToLowerInvariant()}.", step.ByUserId, step.At));
        }
    }

    private static void Finish(Context c, Unit u, Participant p, Case social, DateOnly lastChange)
    {
        AddHistory(c.Db, social);
        p.Touch(u.SocialSecretary, c.At(lastChange, 12));
    }

    private static void Signed(AppDbContext db, Guid caseId, JournalEntryType type, Guid author, DateTime at, string text)
    {
        var entry = JournalEntry.Write(caseId, type, text, author, at);
        entry.Sign(author, at);
        db.Add(entry);
    }

    private static string Question(ReferralOrders orders) => orders switch
    {
        _ when orders.HasFlag(ReferralOrders.WorkAbilityAssessment) =>
            "Hur ser arbetsförmågan ut, och i vilken omfattning kan deltagaren arbeta? Underlag behövs för fortsatt planering av biståndet.",
        _ when orders.HasFlag(ReferralOrders.SfiCombination) => "Deltagaren behöver kombinera SFI med praktik för att närma sig arbete.",
        _ when orders.HasFlag(ReferralOrders.Placement) => "Praktik för att pröva arbete och få referenser; deltagaren vill arbeta praktiskt.",
        _ => "Stöd att söka och få arbete; deltagaren bedöms stå nära arbetsmarknaden.",
    };

    private static string Motivation(Readiness readiness) => readiness switch
    {
        Readiness.Green => "Har arbetslivserfarenhet och tillräcklig svenska; kan söka arbete direkt med stöd.",
        Readiness.Yellow => "Arbetsförmågan behöver prövas i praktik innan riktningen kan bestämmas helt.",
        _ => "Behöver förberedande insatser och stabilitet i vardagen innan arbete eller studier på heltid.",
    };

    private static string Goal(Direction direction) => direction switch
    {
        Direction.JobTrack => "Anställning som bussförare via det lokala jobbspåret.",
        Direction.Studies => "Klara SFI D och börja en yrkesutbildning inom vård och omsorg.",
        Direction.Preparatory => "Stärka hälsa, rutiner och svenska så att arbetsträning på heltid blir möjlig inom ett år.",
        _ => "Anställning inom service, lager eller park och egen försörjning inom ett år.",
    };
}
