using Arbetsvagen.Core.Consents;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Arbetsvagen.Core.AccessLog;

namespace Arbetsvagen.Features.Cases;

public sealed class OpenCaseInput
{
    public string? Source { get; set; }
    public string? OpenedOn { get; set; }
    public string? Reason { get; set; }
    public string? IncomeBefore { get; set; }
}

public sealed class EnrolmentInput
{
    public string? EnrolledOn { get; set; }
    public string? CheckInSchedule { get; set; }
    public Guid? AfRegistrationConsentId { get; set; }
}

public sealed class ClosureInput
{
    public string? ClosedOn { get; set; }
    public string? Outcome { get; set; }
    public string? EmploymentForm { get; set; }
    public string? StudyForm { get; set; }
    public string? IncomeAfter { get; set; }
}

public sealed class FollowUpInput
{
    public int? Months { get; set; }
    public string? FollowedUpOn { get; set; }
    public string? Status { get; set; }
    public string? IncomeSource { get; set; }
    public string? Note { get; set; }
    /// <summary>The follow-up is recorded before its due date on purpose (otherwise refused).</summary>
    public bool ConfirmEarly { get; set; }
}

public sealed class JournalInput
{
    public string? Type { get; set; }
    public string? Text { get; set; }
}

/// <summary>A consent the enrolment may rest on, labelled as the form offers it.</summary>
public sealed record EnrolmentConsent(Guid Id, string Label);

/// <summary>
/// What the enrolment form offers: the qualifying consents, and who records a new one when none qualifies
/// (null: the user's own unit, which may follow the link to record it).
/// </summary>
public sealed record EnrolmentConsents(List<EnrolmentConsent> Qualifying, Guid ParticipantId, string? RecordedBy);

/// <summary>
/// Cases and their journal. A case is read by its holder's secrecy boundary, and by others only through a
/// consent covering "ärende, planering och insatser"; only the holder changes it or reads its journal.
/// Every use case answers an <see cref="Outcome{T}"/>, mapped the same way by the case page and the API.
/// </summary>
public sealed class CaseWork(AppDbContext db, CurrentUser user, ParticipantAccess participants, AccessLogger log, TimeProvider clock)
{
    private const string EnrolmentConsentField = "afRegistrationConsentId";


    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public sealed record Found(Case Case, bool Holder);

    public async Task<Outcome<Case>> OpenAsync(Guid participantId, OpenCaseInput input, CancellationToken ct)
    {
        if (await participants.FindCoveringAsync(participantId, DataCategories.CaseAndPlan, "Case", ct) is null)
        {
            return Outcome.NotFound();
        }

        // In the order of the form, so that the error summary reads top to bottom.
        var errors = new Dictionary<string, string[]>();
        var source = Input.Enum<IntakeSource>(errors, "source", input.Source, "Ange varifrån ärendet kommer");
        var today = SwedishTime.Today(Now);
        var openedOn = Input.Date(errors, "openedOn", input.OpenedOn, "aktualiseringsdatum", required: false) ?? today;
        if (openedOn > today)
        {
            errors["openedOn"] = ["Aktualiseringsdatum kan inte ligga i framtiden."];
        }

        var reason = Input.Text(errors, "reason", input.Reason, "skälet till aktualiseringen", 2000);
        var incomeBefore = Optional<IncomeSource>(errors, "incomeBefore", input.IncomeBefore, "Okänd försörjning vid aktualiseringen");
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var opened = Case.Open(participantId, user.OrganisationId, user.SecrecyBoundaryId, source, openedOn, reason!,
            incomeBefore, user.Id, Now);
        db.Add(opened);
        db.Add(JournalEntry.Automatic(opened.Id, opened.History[0].Note!, user.Id, Now));
        log.Add(AccessAction.Create, "Case", opened.Id, participantId);
        await db.SaveChangesAsync(ct);
        return opened;
    }

    public async Task<Outcome<List<Case>>> ListAsync(Guid participantId, CancellationToken ct)
    {
        var grant = await participants.FindAsync(participantId, ct);
        if (grant is null)
        {
            return Outcome.NotFound();
        }

        var boundary = user.SecrecyBoundaryId;
        var cases = await db.Set<Case>().Include(c => c.History).Include(c => c.FollowUps).Where(c => c.ParticipantId == participantId
                && (c.BoundaryId == boundary || grant.Covers(DataCategories.CaseAndPlan)))
            .OrderByDescending(c => c.OpenedOn).ToListAsync(ct);
        await log.RecordAsync(AccessAction.Read, "Case", null, participantId, grant.ConsentId is { } consent ? $"samtycke {consent}" : null, cases.Select(c => c.Id), ct: ct);
        return cases;
    }

    /// <summary>The case if the user may read it; not found (and a denied row) otherwise, whether or not it exists.</summary>
    public async Task<Outcome<Found>> FindAsync(Guid caseId, CancellationToken ct)
    {
        var found = await db.Set<Case>().Include(c => c.History).Include(c => c.FollowUps).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (found is not null && user.IsCaseworker && found.BoundaryId == user.SecrecyBoundaryId)
        {
            return new Found(found, Holder: true);
        }

        var grant = found is null ? null : await participants.FindAsync(found.ParticipantId, ct);
        if (grant is not null && grant.Covers(DataCategories.CaseAndPlan))
        {
            return new Found(found!, Holder: false);
        }

        if (grant is not null || found is null)
        {
            // When the participant itself was out of reach, ParticipantAccess has already logged the refusal.
            await log.RecordAsync(AccessAction.Denied, "Case", caseId, found?.ParticipantId, ct: ct);
        }

        return Outcome.NotFound();
    }

    public async Task<Outcome<Case>> ReadAsync(Guid caseId, CancellationToken ct)
    {
        var found = await FindAsync(caseId, ct);
        if (found.Value is not { } readable)
        {
            return Outcome.NotFound();
        }

        await log.RecordAsync(AccessAction.Read, "Case", caseId, readable.Case.ParticipantId, ct: ct);
        return readable.Case;
    }

    /// <summary>The consents the holder may enrol the person with (<see cref="QualifiesForEnrolment"/>).</summary>
    public async Task<Outcome<EnrolmentConsents>> EnrolmentConsentsAsync(Guid caseId, CancellationToken ct)
    {
        var found = await FindAsync(caseId, ct);
        if (found.Value is not { Holder: true } held)
        {
            return Outcome.NotFound();
        }

        var participantId = held.Case.ParticipantId;
        var grant = await participants.FindAsync(participantId, ct);
        var recordedBy = grant is { OwnCase: true } ? null
            : await db.Participants.Where(p => p.Id == participantId)
                .Join(db.Organisations, p => p.OwnerOrganisationId, o => o.Id, (_, o) => o.Name).FirstOrDefaultAsync(ct);
        return new EnrolmentConsents(await QualifyingConsentsAsync(grant, ct), participantId, recordedBy);
    }

    public Task<Outcome<Case>> EnrolAsync(Guid caseId, EnrolmentInput input, CancellationToken ct) => ChangeAsync(caseId, async c =>
    {
        var errors = new Dictionary<string, string[]>();
        var on = Input.Date(errors, "enrolledOn", input.EnrolledOn, "inskrivningsdatum", required: false) ?? SwedishTime.Today(Now);
        var schedule = Input.Text(errors, "checkInSchedule", input.CheckInSchedule, "överenskomna avstämningar", 500);
        var qualifying = await QualifyingConsentsAsync(await participants.FindAsync(c.ParticipantId, ct), ct);
        if (qualifying.Count == 0)
        {
            errors[EnrolmentConsentField] = ["Personen har inget gällande samtycke som omfattar Arbetsförmedlingen. "
                + "Registrera ett samtycke innan inskrivningen, så att inskrivningen där kan kontrolleras."];
        }
        else if (input.AfRegistrationConsentId is not { } chosen)
        {
            errors[EnrolmentConsentField] = ["Välj samtycke för kontroll av inskrivning hos Arbetsförmedlingen."];
        }
        else if (qualifying.All(q => q.Id != chosen))
        {
            errors[EnrolmentConsentField] = ["Samtycket för kontroll av inskrivning hos Arbetsförmedlingen ska gälla i dag och "
                + "omfatta Arbetsförmedlingen. Välj ett av personens gällande samtycken."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        c.Enrol(on, schedule!, input.AfRegistrationConsentId!.Value, user.Id, Now);
        return c;
    }, ct);

    public Task<Outcome<Case>> StartAsync(Guid caseId, CancellationToken ct) => ChangeAsync(caseId, c =>
    {
        c.Start(user.Id, Now);
        return Task.FromResult<Outcome<Case>>(c);
    }, ct);

    public Task<Outcome<Case>> CloseAsync(Guid caseId, ClosureInput input, CancellationToken ct) => ChangeAsync(caseId, c =>
    {
        var errors = new Dictionary<string, string[]>();
        var on = Input.Date(errors, "closedOn", input.ClosedOn, "avslutsdatum", required: false) ?? SwedishTime.Today(Now);
        if (on > SwedishTime.Today(Now))
        {
            errors["closedOn"] = ["Avslutsdatum kan inte ligga i framtiden."];
        }

        var outcome = Input.Enum<CaseOutcome>(errors, "outcome", input.Outcome, "Ange utfall");
        var knownOutcome = !errors.ContainsKey("outcome"); // an unreadable outcome reads as the first value: ask for nothing more then
        EmploymentForm? employment = null;
        StudyForm? study = null;
        if (knownOutcome && outcome is CaseOutcome.UnsubsidisedWork or CaseOutcome.SubsidisedWork)
        {
            employment = Input.Enum<EmploymentForm>(errors, "employmentForm", input.EmploymentForm, "Ange anställningsform vid arbete");
        }
        else if (knownOutcome && outcome == CaseOutcome.Studies)
        {
            study = Input.Enum<StudyForm>(errors, "studyForm", input.StudyForm, "Ange studieform vid studier");
        }

        var incomeAfter = Optional<IncomeSource>(errors, "incomeAfter", input.IncomeAfter, "Okänd försörjning efter avslut");
        if (errors.Count > 0)
        {
            return Task.FromResult<Outcome<Case>>(Outcome.Invalid(errors));
        }

        c.Close(on, outcome, employment, study, incomeAfter, user.Id, Now);
        return Task.FromResult<Outcome<Case>>(c);
    }, ct);

    public Task<Outcome<Case>> RecordFollowUpAsync(Guid caseId, FollowUpInput input, CancellationToken ct) => ChangeAsync(caseId, c =>
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Months is null)
        {
            errors["months"] = ["Ange vilken uppföljning det gäller (3, 6 eller 12 månader)."];
        }

        var on = Input.Date(errors, "followedUpOn", input.FollowedUpOn, "uppföljningsdatum", required: false) ?? SwedishTime.Today(Now);
        var status = Input.Enum<FollowUpStatus>(errors, "status", input.Status, "Ange personens situation vid uppföljningen");
        var income = Optional<IncomeSource>(errors, "incomeSource", input.IncomeSource, "Okänd försörjning vid uppföljningen");
        var note = Input.Text(errors, "note", input.Note, "anteckningen", Case.MaxFollowUpNoteLength, required: false);
        if (errors.Count > 0)
        {
            return Task.FromResult<Outcome<Case>>(Outcome.Invalid(errors));
        }

        var followUp = c.RecordFollowUp(input.Months!.Value, on, status, income, note, input.ConfirmEarly, user.Id, Now);
        db.Add(followUp);
        db.Add(JournalEntry.Automatic(caseId, $"Uppföljning {followUp.Months} månader efter avslut: {EnumText.Label(status).ToLowerInvariant()}.",
            user.Id, Now));
        return Task.FromResult<Outcome<Case>>(c);
    }, ct);

    public async Task<Outcome<List<JournalEntry>>> JournalAsync(Guid caseId, CancellationToken ct)
    {
        if (await FindHeldAsync(caseId, ct) is not { } held)
        {
            return Outcome.NotFound();
        }

        var entries = await db.Set<JournalEntry>().Where(e => e.CaseId == caseId).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync(ct);
        await log.RecordAsync(AccessAction.Read, "JournalEntry", null, held.ParticipantId, resultIds: entries.Select(e => e.Id), ct: ct);
        return entries;
    }

    public async Task<Outcome<JournalEntry>> WriteAsync(Guid caseId, JournalInput input, CancellationToken ct)
    {
        if (await FindHeldAsync(caseId, ct) is not { } held)
        {
            return Outcome.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        var type = Input.Enum<JournalEntryType>(errors, "type", input.Type, "Ange typ av anteckning");
        var text = JournalEntry.ReadText(errors, input.Text);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        return await Outcome.Guard<JournalEntry>(async () =>
        {
            var entry = JournalEntry.Write(caseId, type, text!, user.Id, Now);
            db.Add(entry);
            log.Add(AccessAction.Create, "JournalEntry", entry.Id, held.ParticipantId);
            await db.SaveChangesAsync(ct);
            return entry;
        });
    }

    /// <summary>Edits an unsigned entry (its author only).</summary>
    public Task<Outcome<JournalEntry>> EditEntryAsync(Guid entryId, JournalInput input, CancellationToken ct) => ChangeEntryAsync(entryId, null, e =>
    {
        e.Edit(input.Text ?? "", user.Id, Now);
        return e;
    }, ct);

    /// <summary>Signs an entry (its author only); from then on it never changes.</summary>
    /// <param name="inCase">The case the page shows, when signed from there: an entry of another case is not found.</param>
    public Task<Outcome<JournalEntry>> SignEntryAsync(Guid entryId, CancellationToken ct, Guid? inCase = null) => ChangeEntryAsync(entryId, inCase, e =>
    {
        e.Sign(user.Id, Now);
        return e;
    }, ct);

    /// <summary>Corrects a signed entry with a new signed entry that points at it; the original stays as it was.</summary>
    public Task<Outcome<JournalEntry>> CorrectEntryAsync(Guid entryId, JournalInput input, CancellationToken ct) =>
        ChangeEntryAsync(entryId, null, e => e.Correct(input.Text ?? "", user.Id, Now), ct);

    private async Task<Outcome<JournalEntry>> ChangeEntryAsync(Guid entryId, Guid? inCase, Func<JournalEntry, JournalEntry> change, CancellationToken ct)
    {
        var entry = await db.Set<JournalEntry>().FirstOrDefaultAsync(e => e.Id == entryId && (inCase == null || e.CaseId == inCase), ct);
        if (entry is null)
        {
            await log.RecordAsync(AccessAction.Denied, "JournalEntry", entryId, ct: ct);
            return Outcome.NotFound();
        }

        if (await FindHeldAsync(entry.CaseId, ct) is not { } held)
        {
            return Outcome.NotFound();
        }

        return await Outcome.Guard<JournalEntry>(async () =>
        {
            var result = change(entry);
            if (result != entry)
            {
                db.Add(result);
                log.Add(AccessAction.Create, "JournalEntry", result.Id, held.ParticipantId, $"rättelse av {entry.Id}");
            }
            else
            {
                log.Add(AccessAction.Update, "JournalEntry", entry.Id, held.ParticipantId);
            }

            await db.SaveChangesAsync(ct);
            return result;
        });
    }

    private async Task<Case?> FindHeldAsync(Guid caseId, CancellationToken ct)
    {
        var found = (await FindAsync(caseId, ct)).Value;
        if (found is { Holder: false })
        {
            await log.RecordAsync(AccessAction.Denied, "JournalEntry", null, found.Case.ParticipantId, "journalen läses bara av ärendets ägare", ct: ct);
            return null;
        }

        return found?.Case;
    }

    /// <summary>
    /// Runs a change of a case by its holder: input refused by <paramref name="change"/> or by the case's own rules
    /// answers as an outcome and saves nothing; a successful change saves its history steps as journal entries.
    /// </summary>
    private async Task<Outcome<Case>> ChangeAsync(Guid caseId, Func<Case, Task<Outcome<Case>>> change, CancellationToken ct)
    {
        if ((await FindAsync(caseId, ct)).Value is not { } found)
        {
            return Outcome.NotFound();
        }

        if (!found.Holder)
        {
            await log.RecordAsync(AccessAction.Denied, "Case", caseId, found.Case.ParticipantId, "ändring av annans ärende", ct: ct);
            return Outcome.Forbidden();
        }

        var before = found.Case.History.Count;
        var changed = await Outcome.Guard(() => change(found.Case));
        if (!changed.IsOk)
        {
            return changed;
        }

        foreach (var step in found.Case.History.Skip(before))
        {
            db.Add(step);
            db.Add(JournalEntry.Automatic(caseId, step.Note ?? $"Ärendet är {EnumText.Label(step.To).ToLowerInvariant()}.", user.Id, Now));
        }

        log.Add(AccessAction.Update, "Case", caseId, found.Case.ParticipantId);
        await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>
    /// The one rule for the consent an enrolment rests on, used both for what the form offers and for what it accepts:
    /// active now, naming an office of Arbetsförmedlingen, and sharing identity, which is what checking the person's
    /// registration there sends.
    /// </summary>
    private static bool QualifiesForEnrolment(Consent consent, HashSet<Guid> employmentService, DateTime now) =>
        consent.IsActive(now) && (consent.Categories & DataCategories.Identity) == DataCategories.Identity
        && consent.Recipients.Any(r => employmentService.Contains(r.OrganisationId));

    /// <summary>The person's consents the user may see that qualify, newest validity first, labelled by recipient and validity.</summary>
    private async Task<List<EnrolmentConsent>> QualifyingConsentsAsync(ParticipantGrant? grant, CancellationToken ct)
    {
        if (grant is null)
        {
            return [];
        }

        var participantId = grant.Participant.Id;
        var query = db.Consents.AsNoTracking().Include(c => c.Recipients).Where(c => c.ParticipantId == participantId);
        if (!grant.OwnCase)
        {
            // Another unit's consents are seen only when they name the user's unit, as on the participant page.
            var mine = participants.ConsentsToMe().Select(c => c.Id);
            query = query.Where(c => mine.Contains(c.Id));
        }

        var consents = await query.ToListAsync(ct);
        var offices = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.EmploymentService)
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var officeIds = offices.Keys.ToHashSet();
        var now = Now;
        return consents.Where(c => QualifiesForEnrolment(c, officeIds, now))
            .OrderByDescending(c => c.ValidUntil).ThenByDescending(c => c.GivenAt)
            .Select(c => new EnrolmentConsent(c.Id, $"{string.Join(", ", c.Recipients.Where(r => officeIds.Contains(r.OrganisationId))
                .Select(r => offices[r.OrganisationId]).Order(SwedishCollation.Comparer))}, giltigt t.o.m. {Ui.Date(c.ValidUntil)}"))
            .ToList();
    }

    /// <summary>An optional choice: blank is none, anything else must be one of the values.</summary>
    private static T? Optional<T>(Dictionary<string, string[]> errors, string field, string? text, string message) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? null : Input.Enum<T>(errors, field, text, message);
}
