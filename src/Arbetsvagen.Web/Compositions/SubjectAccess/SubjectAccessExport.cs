using System.Globalization;
using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Core.Consents;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Features.Mappings;
using Arbetsvagen.Features.Referrals;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Compositions.SubjectAccess;

/// <summary>One organisation outside the person's own secrecy boundary that read or exported something about them.</summary>
public sealed record DisclosureDto(DateTime At, Guid? OrganisationId, string OrganisationName, string Action, string What, Guid? ConsentId);

public sealed record CaseExtractDto(CaseDto Case, string OrganisationName, List<JournalEntryDto> Journal);

/// <summary>The machine-readable registerutdrag: the same records the API gives one by one, in one document.</summary>
public sealed record ExtractDto(DateTime MadeAt, Guid MadeByOrganisationId, string MadeByOrganisationName, ParticipantDto Participant,
    List<ConsentDto> Consents, List<CaseExtractDto> Cases, List<MappingDto> Mappings, List<JointPositionDto> JointPositions,
    List<WorkAbilityAssessmentDto> Assessments, ActionPlanDto? Plan, List<RevisionDto> PlanRevisions, List<ReferralDto> Referrals,
    AttendanceSummaryDto? Attendance, List<DisclosureDto> Disclosures, List<string> Notes);

public sealed record ExtractField(string Label, string Value);

public sealed record ExtractItem(string Heading, List<ExtractField> Fields);

/// <summary>A part of the printable extract, in plain Swedish; <see cref="Empty"/> says so when there is nothing.</summary>
public sealed record ExtractSection(string Title, string Empty, List<ExtractItem> Items);

public sealed record Extract(ExtractDto Data, List<ExtractSection> Sections, string FileStem);

/// <summary>
/// The person's extract (registerutdrag, GDPR art. 15; ADR 0020): everything the user's organisation holds or may read
/// about one participant — personal data, consents, cases and journal, mappings, joint positions and assessments, the
/// action plan and its revisions, referrals with return reports, attendance — and the disclosure log: which other
/// organisations read what about the person, under which consent and when. Each part is read through its feature's own
/// use case, so each part's secrecy rule (and each read's log row) is the one that applies anywhere else; sensitive
/// data appears only for a user whose role may see it. The extract itself is logged as an export.
/// </summary>
public sealed class SubjectAccessExport(ParticipantAccess access, AccessLogger log, CurrentUser user, AppDbContext db, TimeProvider clock,
    ConsentChanges consents, CaseWork cases, MappingWork mappings, ActionPlanWork plans, ReferralWork referrals, AttendanceWork attendance)
{
    public static readonly string[] Formats = ["json", "pdf"];

    public async Task<Outcome<Extract>> MakeAsync(Guid participantId, string format, CancellationToken ct)
    {
        var grant = await access.FindAsync(participantId, ct);
        if (grant is null)
        {
            return Outcome.NotFound();
        }

        await db.Database.OpenConnectionAsync(ct); // some twenty queries follow
        var now = clock.GetUtcNow().UtcDateTime;
        var today = SwedishTime.Today(clock);
        var organisations = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name, o.SecrecyBoundaryId }).ToListAsync(ct);
        var names = organisations.ToDictionary(o => o.Id, o => o.Name);
        string Name(Guid? id) => id is { } i && names.TryGetValue(i, out var n) ? n : "okänd organisation";

        var person = ParticipantDto.From(grant, user.MaySeeSensitiveData);
        var consentList = (await consents.ListAsync(participantId, ct)).Value ?? [];
        var caseList = (await cases.ListAsync(participantId, ct)).Value ?? [];
        var journals = new Dictionary<Guid, List<JournalEntry>>();
        foreach (var c in caseList)
        {
            journals[c.Id] = (await cases.JournalAsync(c.Id, ct)).Value ?? [];
        }

        var mapped = (await mappings.ListMappingsAsync(participantId, ct)).Value;
        var positions = (await mappings.ListJointPositionsAsync(participantId, ct)).Value ?? [];
        var assessed = (await mappings.ListAssessmentsAsync(participantId, ct)).Value;
        var plan = (await plans.ReadAsync(participantId, ct, AccessAction.Export)).Value;
        var referralList = (await referrals.ListForParticipantAsync(participantId, ct)).Value ?? [];
        var attended = grant.Covers(DataCategories.Attendance)
            ? await attendance.SummaryAsync(participantId, DateOnly.FromDateTime(grant.Participant.CreatedAt), today, ct)
            : null;

        // The disclosure log: rows about the person written by users of organisations outside its own secrecy boundary.
        var ownBoundary = grant.Participant.OwnerBoundaryId;
        var outside = organisations.Where(o => o.SecrecyBoundaryId != ownBoundary).Select(o => (Guid?)o.Id).ToList();
        var rows = await db.AccessLog.AsNoTracking()
            .Where(a => a.ParticipantId == participantId && outside.Contains(a.OrganisationId)
                && (a.Action == AccessAction.Read || a.Action == AccessAction.Export || a.Action == AccessAction.Search))
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new { a.At, a.OrganisationId, a.Action, a.EntityType, a.Purpose }).ToListAsync(ct);
        var disclosures = rows.Select(r => new DisclosureDto(r.At, r.OrganisationId, Name(r.OrganisationId), r.Action, r.EntityType, ConsentOf(r.Purpose)))
            .ToList();

        var notes = new List<string>();
        if (!user.MaySeeSensitiveData)
        {
            notes.Add("Uppgifter om hälsa, funktionsnedsättning och arbetsförmåga finns bara med när utdraget tas ut av någon vars roll får läsa känsliga uppgifter.");
        }

        if (!grant.OwnCase)
        {
            notes.Add($"{Name(user.OrganisationId)} har inte personens ärende; utdraget visar det personens samtycke låter organisationen läsa. " +
                $"Ett fullständigt utdrag ges av {Name(grant.Participant.OwnerOrganisationId)}.");
        }

        var data = new ExtractDto(now, user.OrganisationId, Name(user.OrganisationId), person,
            consentList.Select(c => ConsentDto.From(c, now)).ToList(),
            caseList.Select(c => new CaseExtractDto(CaseDto.From(c), Name(c.OrganisationId), journals[c.Id].Select(JournalEntryDto.From).ToList())).ToList(),
            mapped?.Value.Select(m => MappingDto.From(m, mapped.MayReadHealth)).ToList() ?? [],
            positions.Select(JointPositionDto.From).ToList(),
            assessed?.Value.Select(a => WorkAbilityAssessmentDto.From(a, assessed.MayReadHealth)).ToList() ?? [],
            plan?.Plan is { } p ? ActionPlanDto.From(p, today, Name(p.UpdatedByOrganisationId)) : null,
            plan?.Revisions.Select(r => RevisionDto.From(r, Name(r.ByOrganisationId))).ToList() ?? [],
            referralList.Select(r => ReferralDto.From(r, today)).ToList(),
            attended is null ? null : AttendanceSummaryDto.Of(participantId, attended),
            disclosures, notes);

        await log.RecordAsync(AccessAction.Export, "Participant", participantId, participantId,
            $"registerutdrag ({format}){(grant.ConsentId is { } consent ? $", samtycke {consent}" : "")}", ct: ct);

        var sections = Sections(grant, person, consentList, caseList, journals, mapped, positions, assessed, plan, referralList, attended, disclosures, Name, now);
        return new Extract(data, sections, $"registerutdrag-{today:yyyy-MM-dd}");
    }

    private static Guid? ConsentOf(string? purpose)
    {
        const string marker = "samtycke ";
        if (purpose is null || purpose.IndexOf(marker, StringComparison.Ordinal) is var at && at < 0)
        {
            return null;
        }

        var start = at + marker.Length;
        return Guid.TryParse(purpose.AsSpan(start, Math.Min(36, purpose.Length - start)), out var id) ? id : null;
    }

    // ------------------------------------------------------------------ the printable text, in plain Swedish

    private static string Day(DateOnly? d) => Ui.Date(d);

    private static string Time(DateTime? t) => t is { } v ? Ui.Time(v) : "–";

    private static string Label<T>(string? apiName) where T : struct, Enum =>
        EnumText.TryParse<T>(apiName, out var value) ? EnumText.Label(value) : (string.IsNullOrWhiteSpace(apiName) ? "–" : apiName);

    private static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? "–" : value.Trim();

    private static readonly Dictionary<string, string> Things = new(StringComparer.Ordinal)
    {
        ["Participant"] = "personuppgifter", ["Case"] = "ärenden", ["JournalEntry"] = "journalanteckningar", ["ActionPlan"] = "handlingsplanen",
        ["Mapping"] = "kartläggningen", ["JointPosition"] = "gemensamt ställningstagande", ["WorkAbilityAssessment"] = "arbetsförmågebedömning",
        ["Referral"] = "remisser", ["Attendance"] = "närvaro", ["AttendanceRecord"] = "närvaro", ["Consent"] = "samtycken",
    };

    private static readonly Dictionary<string, string> Doings = new(StringComparer.Ordinal)
    {
        [AccessAction.Read] = "läste", [AccessAction.Export] = "tog ut", [AccessAction.Search] = "fick i en sökning",
    };

    private static List<ExtractSection> Sections(ParticipantGrant grant, ParticipantDto person, List<Consent> consentList, List<Case> caseList,
        Dictionary<Guid, List<JournalEntry>> journals, MappingWork.Read<List<Mapping>>? mapped, List<JointPosition> positions,
        MappingWork.Read<List<WorkAbilityAssessment>>? assessed, ActionPlanWork.PlanRecord? plan, List<Referral> referralList,
        AttendanceSummary? attended, List<DisclosureDto> disclosures, Func<Guid?, string> name, DateTime now)
    {
        var personal = new List<ExtractField>
        {
            new("Namn", $"{person.FirstName} {person.LastName}"),
            new("Personnummer", Text(person.PersonalIdentityNumber)),
            new("Födelsedatum", Day(person.DateOfBirth)),
            new("Kön", Label<Gender>(person.Gender)),
            new("Hemkommun", Text(person.HomeMunicipalityName)),
            new("Adress", Text(string.Join(" ", new[] { person.StreetAddress, person.PostalCode, person.City }.Where(s => !string.IsNullOrWhiteSpace(s))))),
            new("Telefon", Text(person.Phone)),
            new("E-post", Text(person.Email)),
            new("Utbildningsnivå", Label<EducationLevel>(person.EducationLevel)),
            new("Svenska", Label<SwedishLevel>(person.SwedishLevel)),
            new("Tolk", person.InterpreterNeeded == true ? $"Ja{(string.IsNullOrWhiteSpace(person.InterpreterLanguage) ? "" : $", {person.InterpreterLanguage}")}" : "Nej"),
            new("Status hos Arbetsförmedlingen", Label<AfStatus>(person.AfStatus)),
            new("Försörjning", Label<IncomeSource>(person.IncomeSource)),
            new("Registrerat hos", name(grant.Participant.OwnerOrganisationId)),
        };
        if (person.HasRegisteredDisability is not null || person.DisabilityDescription is not null || person.HealthLimitations is not null || person.WorkAbility is not null)
        {
            personal.Add(new("Registrerad funktionsnedsättning", person.HasRegisteredDisability == true ? "Ja" : "Nej"));
            personal.Add(new("Funktionsnedsättning", Text(person.DisabilityDescription)));
            personal.Add(new("Hälsa och begränsningar", Text(person.HealthLimitations)));
            personal.Add(new("Arbetsförmåga", Text(person.WorkAbility)));
        }

        var sections = new List<ExtractSection>
        {
            new("Personuppgifter", "", [new ExtractItem("", personal)]),
            new("Samtycken", "Inga samtycken är registrerade.", consentList.OrderBy(c => c.GivenAt).Select(c => new ExtractItem($"Samtycke lämnat {Time(c.GivenAt)}",
            [
                new("Till", string.Join(", ", c.Recipients.Select(r => name(r.OrganisationId)))),
                new("Uppgifter", EnumText.Label(c.Categories)),
                new("Syfte", c.Purpose),
                new("Form", EnumText.Label(c.Form)),
                new("Gäller till och med", Day(c.ValidUntil)),
                new("Återkallat", c.WithdrawnAt is { } w ? Time(w) : "Nej"),
                new("Gäller nu", c.IsActive(now) ? "Ja" : "Nej"),
            ])).ToList()),
            new("Ärenden och journal", "Inga ärenden.", caseList.OrderBy(c => c.OpenedOn).Select(c => new ExtractItem(
                $"Ärende hos {name(c.OrganisationId)}, öppnat {Day(c.OpenedOn)}",
                new List<ExtractField>
                {
                    new("Läge", EnumText.Label(c.State)),
                    new("Kom från", EnumText.Label(c.Source)),
                    new("Anledning", c.Reason),
                    new("Inskriven", Day(c.EnrolledOn)),
                    new("Avslutat", Day(c.ClosedOn)),
                    new("Utfall", c.Outcome is { } o ? EnumText.Label(o) : "–"),
                }.Concat(journals[c.Id].OrderBy(e => e.CreatedAt).Select(e =>
                    new ExtractField($"Journal {Time(e.CreatedAt)} ({EnumText.Label(e.Type)}{(e.SignedAt is null ? ", utkast" : "")})", e.Text))).ToList())).ToList()),
            new("Kartläggningar", "Ingen kartläggning.", (mapped?.Value ?? []).OrderBy(m => m.Version).Select(m => new ExtractItem(
                $"Kartläggning version {m.Version}, {Time(m.CreatedAt)} ({name(m.OrganisationId)})",
                [
                    new("Utbildning", $"{EnumText.Label(m.EducationLevel)}{(string.IsNullOrWhiteSpace(m.EducationText) ? "" : $" – {m.EducationText}")}"),
                    new("Arbetslivserfarenhet", Text(m.WorkExperienceText)),
                    new("Svenska", EnumText.Label(m.SwedishLevel)),
                    new("Andra språk", Text(m.OtherLanguages)),
                    new("Social situation", Text(m.SocialSituation)),
                    new("Intressen och mål", Text(m.InterestsAndGoals)),
                    new("Hinder för egen försörjning", Text(m.ObstaclesText)),
                    new("Hälsa och begränsningar", mapped!.MayReadHealth ? Text(m.Health?.HealthAndLimitations) : "(visas inte för din roll)"),
                ])).ToList()),
            new("Gemensamma ställningstaganden och bedömningar", "Inga ställningstaganden eller bedömningar.",
                positions.OrderBy(j => j.DecidedOn).Select(j => new ExtractItem($"Ställningstagande {Day(j.DecidedOn)}",
                [
                    new("Riktning", EnumText.Label(j.Direction)),
                    new("Färgkategori", EnumText.Label(j.Readiness)),
                    new("Motivering", j.Motivation),
                    new("Parter", string.Join(", ", j.Parties.Select(p => name(p.OrganisationId)))),
                ])).Concat((assessed?.Value ?? []).OrderBy(a => a.AssessedOn).Select(a => new ExtractItem($"Arbetsförmågebedömning {Day(a.AssessedOn)}",
                [
                    new("Metod", EnumText.Label(a.Method)),
                    new("Bedömt", EnumText.Label(a.Dimensions)),
                    new("Resultat", assessed!.MayReadHealth ? Text(a.Result?.Text) : "(visas inte för din roll)"),
                    new("Gjord av", name(a.OrganisationId)),
                ]))).ToList()),
            new("Handlingsplan", "Ingen handlingsplan.", plan?.Plan is { } p
                ? new List<ExtractItem>
                {
                    new($"Handlingsplan version {p.Version}", new List<ExtractField>
                    {
                        new("Mål", p.Goal),
                        new("Riktning", EnumText.Label(p.Direction)),
                        new("Period", $"{Day(p.StartsOn)} – {Day(p.EndsOn)}"),
                        new("Följs upp", Day(p.ReviewOn)),
                    }.Concat(p.Activities.OrderBy(a => a.StartsOn).Select(a => new ExtractField($"Insats: {EnumText.Label(a.Kind)}",
                        $"{a.Description} ({a.Provider}, {Day(a.StartsOn)} – {Day(a.EndsOn)}, {a.HoursPerWeek.ToString("0.#", CultureInfo.InvariantCulture)} tim/vecka, {EnumText.Label(a.Status)})"))).ToList()),
                    new("Ändringar i planen", plan.Revisions.OrderBy(r => r.Number).Select(r =>
                        new ExtractField($"{Time(r.At)} ({name(r.ByOrganisationId)})", $"{r.Changes}{(string.IsNullOrWhiteSpace(r.Comment) ? "" : $" – {r.Comment}")}")).ToList()),
                }
                : []),
            new("Remisser och återrapporter", "Inga remisser.", referralList.OrderBy(r => r.SentOn).Select(r => new ExtractItem(
                $"Remiss {Day(r.SentOn)} från {name(r.FromOrganisationId)} till {name(r.ToOrganisationId)}",
                [
                    new("Beställning", EnumText.Label(r.Orders)),
                    new("Fråga", r.Question),
                    new("Läge", EnumText.Label(r.State)),
                    new("Återrapport väntas", Day(r.ExpectedReportOn)),
                    new("Återrapport", r.ReportedAt is { } at
                        ? $"{Time(at)}: {Text(r.ReportWhatWasDone)} Resultat: {Text(r.ReportResult)} Rekommendation: {Text(r.ReportRecommendation)}"
                        : "Ingen ännu"),
                ])).ToList()),
            new("Närvaro", grant.Covers(DataCategories.Attendance) ? "Ingen närvaro registrerad." : "Närvaron ingår inte i det din organisation får läsa.",
                attended is null || attended.Activities.Count == 0 ? [] : [new ExtractItem($"{Day(attended.From)} – {Day(attended.To)}", [new("Sammanfattning", attended.ToText())])]),
            new("Vilka andra organisationer har läst uppgifterna", "Ingen organisation utanför den som har personens ärende har läst uppgifter om personen.",
                disclosures.GroupBy(d => d.OrganisationName).OrderBy(g => g.Key, SwedishCollation.Comparer).Select(g => new ExtractItem(g.Key,
                    g.Select(d => new ExtractField(Time(d.At),
                        $"{Doings.GetValueOrDefault(d.Action, d.Action)} {Things.GetValueOrDefault(d.What, d.What)}{(d.ConsentId is { } c ? $" med stöd av samtycke {ConsentDate(consentList, c)}" : "")}"))
                    .ToList())).ToList()),
        };
        return sections;
    }

    private static string ConsentDate(List<Consent> consents, Guid id) =>
        consents.FirstOrDefault(c => c.Id == id) is { } c ? $"lämnat {Time(c.GivenAt)}" : id.ToString();

    /// <summary>The extract as a PDF of headings and lines (TextPdf).</summary>
    public static byte[] Pdf(Extract extract)
    {
        var pdf = new TextPdf { Title = "Registerutdrag" }
            .Text("Registerutdrag", 20, bold: true)
            .Text($"Utdrag ur Arbetsvägen från {extract.Data.MadeByOrganisationName}, {Time(extract.Data.MadeAt)}.", 10)
            .Text("Här är allt organisationen har registrerat om dig, och vilka andra organisationer som har läst uppgifterna.", 10);
        foreach (var note in extract.Data.Notes)
        {
            pdf.Text(note, 10);
        }

        foreach (var section in extract.Sections)
        {
            pdf.Space(10).Text(section.Title, 14, bold: true);
            if (section.Items.Count == 0)
            {
                pdf.Text(section.Empty, 10);
            }

            foreach (var item in section.Items)
            {
                if (item.Heading.Length > 0)
                {
                    pdf.Space(4).Text(item.Heading, 11, bold: true);
                }

                foreach (var field in item.Fields)
                {
                    pdf.Text($"{field.Label}: {field.Value}", 10);
                }
            }
        }

        return pdf.ToBytes();
    }
}
