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
}

public sealed class JournalInput
{
    public string? Type { get; set; }
    public string? Text { get; set; }
}

/// <summary>
/// Cases and their journal. A case is read by its holder's secrecy boundary, and by others only through a
/// consent covering "ärende, planering och insatser"; only the holder changes it or reads its journal.
/// </summary>
public sealed class CaseWork(AppDbContext db, CurrentUser user, ParticipantAccess participants, AccessLogger log, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public sealed record Found(Case Case, bool Holder);

    public async Task<Case?> OpenAsync(Guid participantId, OpenCaseInput input, CancellationToken ct)
    {
        if (await participants.FindCoveringAsync(participantId, DataCategories.CaseAndPlan, "Case", ct) is null)
        {
            return null;
        }

        var errors = new Dictionary<string, string[]>();
        var source = Input.Enum<IntakeSource>(errors, "source", input.Source, "Ange varifrån ärendet kommer");
        var openedOn = Input.Date(errors, "openedOn", input.OpenedOn, "aktualiseringsdatum", required: false) ?? SwedishTime.Today(Now);
        if (openedOn > SwedishTime.Today(Now))
        {
            errors["openedOn"] = ["Aktualiseringsdatum kan inte ligga i framtiden."];
        }

        if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Trim().Length > 2000)
        {
            errors["reason"] = ["Ange skälet till aktualiseringen (högst 2000 tecken)."];
        }

        IncomeSource? incomeBefore = string.IsNullOrWhiteSpace(input.IncomeBefore) ? null
            : Input.Enum<IncomeSource>(errors, "incomeBefore", input.IncomeBefore, "Okänd försörjning");
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var opened = Case.Open(participantId, user.OrganisationId, user.SecrecyBoundaryId, source, openedOn, input.Reason!,
            incomeBefore, user.Id, Now);
        db.Add(opened);
        db.Add(JournalEntry.Automatic(opened.Id, opened.History[0].Note!, user.Id, Now));
        log.Add(AccessAction.Create, "Case", opened.Id, participantId);
        await db.SaveChangesAsync(ct);
        return opened;
    }

    public async Task<List<Case>?> ListAsync(Guid participantId, CancellationToken ct)
    {
        var grant = await participants.FindAsync(participantId, ct);
        if (grant is null)
        {
            return null;
        }

        var boundary = user.SecrecyBoundaryId;
        var cases = await db.Set<Case>().Include(c => c.History).Include(c => c.FollowUps).Where(c => c.ParticipantId == participantId
                && (c.BoundaryId == boundary || grant.Covers(DataCategories.CaseAndPlan)))
            .OrderByDescending(c => c.OpenedOn).ToListAsync(ct);
        log.Add(AccessAction.Read, "Case", null, participantId, grant.ConsentId is { } consent ? $"samtycke {consent}" : null, cases.Select(c => c.Id));
        await db.SaveChangesAsync(ct);
        return cases;
    }

    /// <summary>The case if the user may read it; null (and a denied row) otherwise, whether or not it exists.</summary>
    public async Task<Found?> FindAsync(Guid caseId, CancellationToken ct)
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

        return null;
    }

    public async Task<Case?> ReadAsync(Guid caseId, CancellationToken ct)
    {
        var found = await FindAsync(caseId, ct);
        if (found is null)
        {
            return null;
        }

        await log.RecordAsync(AccessAction.Read, "Case", caseId, found.Case.ParticipantId, ct: ct);
        return found.Case;
    }

    public async Task<Case?> EnrolAsync(Guid caseId, EnrolmentInput input, CancellationToken ct) => await ChangeAsync(caseId, async c =>
    {
        var errors = new Dictionary<string, string[]>();
        var on = Input.Date(errors, "enrolledOn", input.EnrolledOn, "inskrivningsdatum", required: false) ?? SwedishTime.Today(Now);
        if (string.IsNullOrWhiteSpace(input.CheckInSchedule) || input.CheckInSchedule.Trim().Length > 500)
        {
            errors["checkInSchedule"] = ["Ange överenskomna avstämningar, t.ex. \"varannan tisdag kl 10\" (högst 500 tecken)."];
        }

        if (input.AfRegistrationConsentId is not { } consentId || !await CoversAfRegistration(c.ParticipantId, consentId, ct))
        {
            errors["afRegistrationConsentId"] =
                ["Ange ett gällande samtycke för personen som omfattar Arbetsförmedlingen, så att inskrivningen där kan kontrolleras."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        c.Enrol(on, input.CheckInSchedule!, input.AfRegistrationConsentId!.Value, user.Id, Now);
    }, ct);

    public async Task<Case?> StartAsync(Guid caseId, CancellationToken ct) => await ChangeAsync(caseId, c =>
    {
        c.Start(user.Id, Now);
        return Task.CompletedTask;
    }, ct);

    public async Task<Case?> CloseAsync(Guid caseId, ClosureInput input, CancellationToken ct) => await ChangeAsync(caseId, c =>
    {
        var errors = new Dictionary<string, string[]>();
        var on = Input.Date(errors, "closedOn", input.ClosedOn, "avslutsdatum", required: false) ?? SwedishTime.Today(Now);
        if (on > SwedishTime.Today(Now))
        {
            errors["closedOn"] = ["Avslutsdatum kan inte ligga i framtiden."];
        }

        var outcome = Input.Enum<CaseOutcome>(errors, "outcome", input.Outcome, "Ange utfall");
        EmploymentForm? employment = null;
        StudyForm? study = null;
        if (outcome is CaseOutcome.UnsubsidisedWork or CaseOutcome.SubsidisedWork)
        {
            employment = Input.Enum<EmploymentForm>(errors, "employmentForm", input.EmploymentForm, "Ange anställningsform vid arbete");
        }
        else if (outcome == CaseOutcome.Studies)
        {
            study = Input.Enum<StudyForm>(errors, "studyForm", input.StudyForm, "Ange studieform vid studier");
        }

        IncomeSource? incomeAfter = string.IsNullOrWhiteSpace(input.IncomeAfter) ? null
            : Input.Enum<IncomeSource>(errors, "incomeAfter", input.IncomeAfter, "Okänd försörjning");
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        c.Close(on, outcome, employment, study, incomeAfter, user.Id, Now);
        return Task.CompletedTask;
    }, ct);

    public async Task<Case?> RecordFollowUpAsync(Guid caseId, FollowUpInput input, CancellationToken ct) => await ChangeAsync(caseId, c =>
    {
        var errors = new Dictionary<string, string[]>();
        var today = SwedishTime.Today(Now);
        var on = Input.Date(errors, "followedUpOn", input.FollowedUpOn, "uppföljningsdatum", required: false) ?? today;
        if (on > today)
        {
            errors["followedUpOn"] = ["Uppföljningsdatum kan inte ligga i framtiden."];
        }

        if (input.Months is null)
        {
            errors["months"] = ["Ange vilken uppföljning det gäller (3, 6 eller 12 månader)."];
        }

        var status = Input.Enum<FollowUpStatus>(errors, "status", input.Status, "Ange personens situation vid uppföljningen");
        IncomeSource? income = string.IsNullOrWhiteSpace(input.IncomeSource) ? null
            : Input.Enum<IncomeSource>(errors, "incomeSource", input.IncomeSource, "Okänd försörjning");
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var followUp = c.RecordFollowUp(input.Months!.Value, on, status, income, input.Note, user.Id, Now);
        db.Add(followUp);
        db.Add(JournalEntry.Automatic(caseId, $"Uppföljning {followUp.Months} månader efter avslut: {EnumText.Label(status).ToLowerInvariant()}.",
            user.Id, Now));
        return Task.CompletedTask;
    }, ct);

    public async Task<List<JournalEntry>?> JournalAsync(Guid caseId, CancellationToken ct)
    {
        var found = await FindHeldAsync(caseId, ct);
        if (found is null)
        {
            return null;
        }

        var entries = await db.Set<JournalEntry>().Where(e => e.CaseId == caseId).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync(ct);
        log.Add(AccessAction.Read, "JournalEntry", null, found.ParticipantId, resultIds: entries.Select(e => e.Id));
        await db.SaveChangesAsync(ct);
        return entries;
    }

    public async Task<JournalEntry?> WriteAsync(Guid caseId, JournalInput input, CancellationToken ct)
    {
        var found = await FindHeldAsync(caseId, ct);
        if (found is null)
        {
            return null;
        }

        var errors = new Dictionary<string, string[]>();
        var type = Input.Enum<JournalEntryType>(errors, "type", input.Type, "Ange typ av anteckning");
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var entry = JournalEntry.Write(caseId, type, input.Text ?? "", user.Id, Now);
        db.Add(entry);
        log.Add(AccessAction.Create, "JournalEntry", entry.Id, found.ParticipantId);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>Edit (unsigned only), sign, or correct (signed only) an entry.</summary>
    public async Task<JournalEntry?> ChangeEntryAsync(Guid entryId, Func<JournalEntry, JournalEntry> change, CancellationToken ct)
    {
        var entry = await db.Set<JournalEntry>().FirstOrDefaultAsync(e => e.Id == entryId, ct);
        var found = entry is null ? null : await FindHeldAsync(entry.CaseId, ct);
        if (entry is null || found is null)
        {
            if (entry is null)
            {
                await log.RecordAsync(AccessAction.Denied, "JournalEntry", entryId, ct: ct);
            }

            return null;
        }

        var result = change(entry);
        if (result != entry)
        {
            db.Add(result);
            log.Add(AccessAction.Create, "JournalEntry", result.Id, found.ParticipantId, $"rättelse av {entry.Id}");
        }
        else
        {
            log.Add(AccessAction.Update, "JournalEntry", entry.Id, found.ParticipantId);
        }

        await db.SaveChangesAsync(ct);
        return result;
    }

    private async Task<Case?> FindHeldAsync(Guid caseId, CancellationToken ct)
    {
        var found = await FindAsync(caseId, ct);
        if (found is { Holder: false })
        {
            await log.RecordAsync(AccessAction.Denied, "JournalEntry", null, found.Case.ParticipantId, "journalen läses bara av ärendets ägare", ct: ct);
            return null;
        }

        return found?.Case;
    }

    private async Task<Case?> ChangeAsync(Guid caseId, Func<Case, Task> change, CancellationToken ct)
    {
        var found = await FindAsync(caseId, ct);
        if (found is null)
        {
            return null;
        }

        if (!found.Holder)
        {
            await log.RecordAsync(AccessAction.Denied, "Case", caseId, found.Case.ParticipantId, "ändring av annans ärende", ct: ct);
            throw new ForbiddenException();
        }

        var before = found.Case.History.Count;
        await change(found.Case);
        foreach (var step in found.Case.History.Skip(before))
        {
            db.Add(step);
            db.Add(JournalEntry.Automatic(caseId, step.Note ?? $"Ärendet är {EnumText.Label(step.To).ToLowerInvariant()}.", user.Id, Now));
        }

        log.Add(AccessAction.Update, "Case", caseId, found.Case.ParticipantId);
        await db.SaveChangesAsync(ct);
        return found.Case;
    }

    private async Task<bool> CoversAfRegistration(Guid participantId, Guid consentId, CancellationToken ct)
    {
        var now = Now;
        var consent = await db.Consents.Include(c => c.Recipients).FirstOrDefaultAsync(c => c.Id == consentId && c.ParticipantId == participantId, ct);
        if (consent is null || !consent.IsActive(now))
        {
            return false;
        }

        var recipients = consent.Recipients.Select(r => r.OrganisationId).ToList();
        return await db.Organisations.AnyAsync(o => recipients.Contains(o.Id) && o.Kind == OrganisationKind.EmploymentService, ct);
    }
}
