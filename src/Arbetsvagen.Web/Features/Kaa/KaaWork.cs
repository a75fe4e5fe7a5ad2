using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Kaa;

public sealed class OutreachInput
{
    public string? Channel { get; set; }
    public string? Result { get; set; }
    /// <summary>When the contact was made (ÅÅÅÅ-MM-DD); today when blank.</summary>
    public string? Date { get; set; }
    public string? Note { get; set; }
}

public sealed class MeasureInput
{
    public string? Kind { get; set; }
    public string? StartOn { get; set; }
    public string? EndOn { get; set; }
    public string? Note { get; set; }
}

public sealed class PlanInput
{
    public string? Plan { get; set; }
    public string? Occupation { get; set; }
}

public sealed class ExitInput
{
    public string? ExitedOn { get; set; }
    public string? Reason { get; set; }
}

public sealed class HandoverInput
{
    public string? MunicipalityCode { get; set; }
    public string? HandedOverOn { get; set; }
}

public sealed class ShareInput
{
    public Guid? RecipientOrganisationId { get; set; }
    public string? Kind { get; set; }
    public string? ConsentGivenOn { get; set; }
    public string? ValidUntil { get; set; }
    public string? Purpose { get; set; }
}

/// <summary>What an import did: the import's counts and report, and the lines it left out.</summary>
public sealed record KaaImportResult(KaaImport Import, List<FileProblem> Problems);

/// <summary>A row of the register list and the work list: no more than the list shows.</summary>
public sealed record KaaYouthRow(Guid Id, string IdentityNumber, string FirstName, string LastName, string MunicipalityCode, DateOnly DateOfBirth,
    SchoolStatus SchoolStatus, KaaOccupation Occupation, bool InKaa, bool Reached, int Attempts, DateTime? LastAttemptAt, DateOnly? NextAttemptOn,
    OutreachChannel NextChannel, DateOnly AgeOutOn);

public sealed record KaaYouthPage(List<KaaYouthRow> Items, int Page, int PageSize, int Total);

/// <summary>
/// The KAA register's use cases. A KAA officer works with the young people of their own KAA unit (its secrecy boundary);
/// anyone else reads a record only through the young person's consent that names their organisation (a
/// <see cref="KaaShare"/>), and otherwise gets the same 404 as for a record that does not exist (ADR 0017).
/// </summary>
public sealed class KaaWork(AppDbContext db, CurrentUser user, TimeProvider clock, AccessLogger log)
{
    public const string Entity = "KaaYouth";
    public const int PageSize = 50;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => SwedishTime.Today(Now);

    public bool IsKaaOfficer => user.IsInRole(Roles.KaaOfficer);

    /// <summary>The records the user works with: their own KAA unit's (a KAA officer only).</summary>
    private IQueryable<KaaYouth> Own() => IsKaaOfficer
        ? db.KaaYouth.Where(y => y.OwnerBoundaryId == user.SecrecyBoundaryId)
        : db.KaaYouth.Where(_ => false);

    /// <summary>Records shared with the user's organisation by an active consent (read only).</summary>
    private IQueryable<KaaYouth> SharedWithMe()
    {
        if (!user.IsCaseworker)
        {
            return db.KaaYouth.Where(_ => false);
        }

        var today = Today;
        var org = user.OrganisationId;
        var boundary = user.SecrecyBoundaryId;
        var shared = db.KaaShares.Where(s => s.WithdrawnAt == null && s.ValidUntil >= today && s.ConsentGivenOn <= today
            && (s.RecipientOrganisationId == org || s.RecipientOrganisationId == boundary)).Select(s => s.YouthId);
        return db.KaaYouth.Where(y => y.OwnerBoundaryId != boundary && shared.Contains(y.Id));
    }

    private async Task<Organisation?> MyKaaUnitAsync(CancellationToken ct) => IsKaaOfficer
        ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == user.OrganisationId && o.Function == UnitFunction.YouthActivityResponsibility, ct)
        : null;

    public async Task<string> UnitNameAsync(CancellationToken ct) => (await MyKaaUnitAsync(ct))?.Name ?? "";

    // ------------------------------------------------------------------ import

    /// <summary>
    /// Imports a school-situation file into the user's KAA unit. A file whose header is wrong, or whose every line is
    /// bad, is refused whole; a file with some bad lines changes nothing unless <paramref name="acceptValidLines"/> says
    /// the user has seen the report and wants the good lines in. Idempotent: the same file again changes nothing.
    /// </summary>
    public async Task<Outcome<KaaImportResult>> ImportAsync(Stream content, string? fileName, bool acceptValidLines, CancellationToken ct)
    {
        if (await MyKaaUnitAsync(ct) is not { } unit)
        {
            return Outcome.Forbidden("Bara KAA-handläggare i en enhet för kommunala aktivitetsansvaret kan importera skolsituationen.");
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length == 0)
        {
            return Outcome.Invalid("file", "Välj en fil att importera (CSV med semikolon som avgränsare).");
        }

        if (buffer.Length > KaaSchoolFile.MaxBytes)
        {
            return Outcome.Invalid("file", $"Filen är för stor: högst {KaaSchoolFile.MaxBytes / 1024 / 1024} MB.");
        }

        var file = KaaSchoolFile.Parse(buffer.ToArray(), Today);
        if (file.Rejected || (file.Problems.Count > 0 && !acceptValidLines))
        {
            var errors = new Dictionary<string, string[]>
            {
                ["file"] = file.Problems.Take(500).Select(p => $"Rad {p.Line}: {p.Reason}")
                    .Concat(file.Problems.Count > 500 ? [$"… och {file.Problems.Count - 500} rader till med fel."] : []).ToArray(),
            };
            if (!file.Rejected)
            {
                errors["acceptValidLines"] = [$"{file.Problems.Count} av {file.DataLines} rader har fel och ingenting har importerats. " +
                    $"Rätta filen, eller bekräfta att de {file.Rows.Count} giltiga raderna ska importeras."];
            }

            return Outcome.Invalid(errors);
        }

        var import = await KaaImporter.ImportAsync(db, unit, user.Id, CleanFileName(fileName), file, Now, ct);
        log.Add(AccessAction.Create, "KaaImport", import.Id,
            purpose: $"import av skolsituation: {import.Added} nya, {import.Changed} ändrade, {import.Entered + import.ReEntered} in i KAA, {import.Exited} ut");
        await db.SaveChangesAsync(ct);
        return new KaaImportResult(import, file.Problems);
    }

    private static string CleanFileName(string? name)
    {
        var n = Path.GetFileName(name ?? "").Trim();
        return n.Length == 0 ? "skolsituation.csv" : n.Length > 200 ? n[..200] : n;
    }

    public async Task<Outcome<KaaImport>> ReadImportAsync(Guid id, CancellationToken ct)
    {
        var import = IsKaaOfficer ? await db.KaaImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.OrganisationId == user.OrganisationId, ct) : null;
        if (import is null)
        {
            await log.RecordAsync(AccessAction.Denied, "KaaImport", id, ct: ct);
            return Outcome.NotFound();
        }

        await log.RecordAsync(AccessAction.Read, "KaaImport", id, ct: ct);
        return import;
    }

    public async Task<List<KaaImport>> RecentImportsAsync(CancellationToken ct) => IsKaaOfficer
        ? await db.KaaImports.AsNoTracking().Where(i => i.OrganisationId == user.OrganisationId).OrderByDescending(i => i.StartedAt).Take(20).ToListAsync(ct)
        : [];

    // ------------------------------------------------------------------ lists

    private static IQueryable<KaaYouthRow> Rows(IQueryable<KaaYouth> q) => q.Select(y => new KaaYouthRow(y.Id, y.IdentityNumber, y.FirstName, y.LastName,
        y.MunicipalityCode, y.DateOfBirth, y.SchoolStatus, y.Occupation, y.InKaa, y.Reached, y.Attempts, y.LastAttemptAt, y.NextAttemptOn, y.NextChannel,
        y.AgeOutOn));

    /// <summary>
    /// The register: <paramref name="status"/> is <c>inKaa</c> (default), <c>notReached</c>, <c>reached</c>, <c>exited</c> or <c>all</c>.
    /// </summary>
    public async Task<Outcome<KaaYouthPage>> ListAsync(string? municipalityCode, string? status, string? search, int page, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var statusName = string.IsNullOrWhiteSpace(status) ? "inKaa" : status.Trim();
        if (statusName is not ("inKaa" or "notReached" or "reached" or "exited" or "all"))
        {
            errors["status"] = ["Okänd status. Välj en av: inKaa (i aktivitetsansvaret), notReached (ej nådda), reached (nådda), exited (avslutade), all (alla)."];
        }

        if (!string.IsNullOrWhiteSpace(municipalityCode) && ReferenceData.Instance.MunicipalityName(municipalityCode.Trim()) is null)
        {
            errors["municipalityCode"] = ["Okänd kommunkod: ange fyra siffror, t.ex. 0188 för Norrtälje."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var today = Today;
        var q = Own().Concat(SharedWithMe());
        if (!string.IsNullOrWhiteSpace(municipalityCode))
        {
            var code = municipalityCode.Trim();
            q = q.Where(y => y.MunicipalityCode == code);
        }

        q = statusName switch
        {
            "inKaa" => q.Where(y => y.InKaa && y.AgeOutOn >= today),
            "notReached" => q.Where(y => y.InKaa && y.AgeOutOn >= today && !y.Reached),
            "reached" => q.Where(y => y.InKaa && y.AgeOutOn >= today && y.Reached),
            "exited" => q.Where(y => !y.InKaa || y.AgeOutOn < today),
            _ => q,
        };
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToLowerInvariant();
            var digits = new string(s.Where(char.IsAsciiDigit).ToArray());
            // Lower-cased in SQL on both databases (PostgreSQL's LIKE is case-sensitive); the StringComparison overload does not translate.
#pragma warning disable CA1862
            q = digits.Length >= 6
                ? q.Where(y => y.IdentityNumber.Contains(digits))
                : q.Where(y => y.FirstName.ToLower().Contains(s) || y.LastName.ToLower().Contains(s));
#pragma warning restore CA1862
        }

        page = Math.Max(1, page);
        var total = await q.CountAsync(ct);
        var items = await Rows(q.OrderBy(y => y.LastName).ThenBy(y => y.FirstName).ThenBy(y => y.Id)).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        await log.RecordAsync(AccessAction.Search, Entity, null, purpose: $"KAA-registret ({statusName})", resultIds: items.Select(i => i.Id), ct: ct);
        return new KaaYouthPage(items, page, PageSize, total);
    }

    /// <summary>
    /// The work list: the unit's young people in KAA not yet reached, whose next attempt is due first, with how to try
    /// next. Read from one index (boundary, in KAA, reached, next attempt), not from the contacts.
    /// </summary>
    public async Task<List<KaaYouthRow>> WorkListAsync(int take, CancellationToken ct)
    {
        var items = await WorkListQuery(Own(), Today, take).ToListAsync(ct);
        await log.RecordAsync(AccessAction.Search, Entity, null, purpose: "KAA: arbetslista ej nådda", resultIds: items.Select(i => i.Id), ct: ct);
        return items;
    }

    /// <summary>The work list's query over a unit's records (also what the benchmark measures).</summary>
    public static IQueryable<KaaYouthRow> WorkListQuery(IQueryable<KaaYouth> own, DateOnly today, int take) =>
        Rows(own.Where(y => y.InKaa && !y.Reached && y.AgeOutOn >= today).OrderBy(y => y.NextAttemptOn).ThenBy(y => y.Id)).Take(Math.Clamp(take, 1, 500));

    // ------------------------------------------------------------------ one young person

    /// <summary>A young person's record, or null (missing, or behind the boundary: the same), with a denied row.</summary>
    private async Task<KaaYouth?> FindAsync(Guid id, bool forChange, CancellationToken ct)
    {
        var q = forChange ? Own() : Own().Concat(SharedWithMe());
        var youth = await q.FirstOrDefaultAsync(y => y.Id == id, ct);
        if (youth is null)
        {
            await log.RecordAsync(AccessAction.Denied, Entity, id, ct: ct);
            return null;
        }

        await db.Entry(youth).Collection(y => y.Periods).LoadAsync(ct);
        await db.Entry(youth).Collection(y => y.Contacts).LoadAsync(ct);
        await db.Entry(youth).Collection(y => y.Measures).LoadAsync(ct);
        await db.Entry(youth).Collection(y => y.Shares).LoadAsync(ct);
        return youth;
    }

    public bool MayChange(KaaYouth youth) => IsKaaOfficer && youth.OwnerBoundaryId == user.SecrecyBoundaryId;

    public async Task<Outcome<KaaYouth>> ReadAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, forChange: false, ct) is not { } youth)
        {
            return Outcome.NotFound();
        }

        await log.RecordAsync(AccessAction.Read, Entity, id, purpose: MayChange(youth) ? null : "delad med samtycke", ct: ct);
        return youth;
    }

    private async Task<Outcome<T>> ChangeAsync<T>(Guid id, string what, Func<KaaYouth, Dictionary<string, string[]>, T> change, CancellationToken ct) =>
        await Outcome.Guard<T>(async () =>
        {
            if (await FindAsync(id, forChange: true, ct) is not { } youth)
            {
                return Outcome.NotFound();
            }

            var errors = new Dictionary<string, string[]>();
            var result = change(youth, errors);
            if (errors.Count > 0)
            {
                return Outcome.Invalid(errors);
            }

            log.Add(AccessAction.Update, Entity, id, purpose: what);
            await db.SaveChangesAsync(ct);
            return result;
        });

    public Task<Outcome<KaaContact>> RecordOutreachAsync(Guid id, OutreachInput input, CancellationToken ct) =>
        ChangeAsync(id, "KAA: kontaktförsök", (youth, errors) =>
        {
            var channel = Input.Enum<OutreachChannel>(errors, "channel", input.Channel, "Välj sätt att nå personen");
            var result = Input.Enum<OutreachResult>(errors, "result", input.Result, "Välj resultat");
            var on = Input.Date(errors, "date", input.Date, "datum för kontakten", required: false) ?? Today;
            if (on > Today)
            {
                errors["date"] = ["Datum för kontakten kan inte ligga i framtiden."];
            }

            var note = Input.Text(errors, "note", input.Note, "anteckning", KaaYouth.MaxText * 5, required: false);
            if (!youth.InKaa && errors.Count == 0)
            {
                throw new ConflictException("Personen omfattas inte av aktivitetsansvaret just nu.");
            }

            var at = on == Today ? Now : SwedishTime.StartOfDayUtc(on).AddHours(12);
            return errors.Count > 0 ? null! : youth.RecordContact(channel, result, at, note, user.Id, user.OrganisationId, Today);
        }, ct);

    public Task<Outcome<KaaMeasure>> AddMeasureAsync(Guid id, MeasureInput input, CancellationToken ct) =>
        ChangeAsync(id, "KAA: åtgärd", (youth, errors) =>
        {
            var kind = Input.Enum<KaaMeasureKind>(errors, "kind", input.Kind, "Välj åtgärd");
            var start = Input.Date(errors, "startOn", input.StartOn, "startdatum");
            var end = Input.Date(errors, "endOn", input.EndOn, "slutdatum", required: false);
            if (start is { } s && end is { } e && e < s)
            {
                errors["endOn"] = ["Slutdatum kan inte ligga före startdatum."];
            }

            var note = Input.Text(errors, "note", input.Note, "anteckning", KaaYouth.MaxText * 5, required: false);
            return errors.Count > 0 ? null! : youth.AddMeasure(kind, start!.Value, end, note, user.Id, Now);
        }, ct);

    public Task<Outcome<KaaYouth>> WritePlanAsync(Guid id, PlanInput input, CancellationToken ct) =>
        ChangeAsync(id, "KAA: individuell plan och sysselsättning", (youth, errors) =>
        {
            var plan = Input.Text(errors, "plan", input.Plan, "den individuella planen", KaaYouth.MaxPlan, required: false);
            var occupation = string.IsNullOrWhiteSpace(input.Occupation) ? youth.Occupation
                : Input.Enum<KaaOccupation>(errors, "occupation", input.Occupation, "Välj sysselsättning");
            if (errors.Count == 0)
            {
                youth.WritePlan(plan ?? "", Now);
                youth.SetOccupation(occupation, Now);
            }

            return youth;
        }, ct);

    public Task<Outcome<KaaYouth>> ExitAsync(Guid id, ExitInput input, CancellationToken ct) =>
        ChangeAsync(id, "KAA: avslut", (youth, errors) =>
        {
            var on = Input.Date(errors, "exitedOn", input.ExitedOn, "avslutsdag");
            var reason = Input.Enum<KaaExitReason>(errors, "reason", input.Reason, "Välj orsak till avslut");
            if (reason is KaaExitReason.TurnedTwenty or KaaExitReason.HandedOverOut && !errors.ContainsKey("reason"))
            {
                errors["reason"] = ["Fyllt 20 och överlämning till annan kommun sätts av systemet. Välj arbete, flyttat, började studera, examen eller annat."];
            }

            if (on > Today)
            {
                errors["exitedOn"] = ["Avslutsdagen kan inte ligga i framtiden."];
            }

            if (errors.Count == 0)
            {
                youth.Exit(on!.Value, reason, Now);
            }

            return youth;
        }, ct);

    /// <summary>
    /// Hands the record over to the KAA unit of a collaborating municipality the person has moved to. Logged on both
    /// sides; the receiving unit gets the record with its contacts and measures.
    /// </summary>
    public async Task<Outcome<KaaYouth>> HandOverAsync(Guid id, HandoverInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var on = Input.Date(errors, "handedOverOn", input.HandedOverOn, "dag för överlämningen", required: false) ?? Today;
        var code = input.MunicipalityCode?.Trim();
        var targets = await CollaboratingKaaUnitsAsync(ct);
        var target = targets.FirstOrDefault(t => t.MunicipalityCode == code);
        if (target is null)
        {
            errors["municipalityCode"] = [targets.Count == 0
                ? "Ingen samverkande kommun har en enhet för aktivitetsansvaret."
                : $"Välj en samverkande kommun med KAA: {string.Join(", ", targets.Select(t => $"{ReferenceData.Instance.MunicipalityName(t.MunicipalityCode!)} ({t.MunicipalityCode})"))}."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        return await Outcome.Guard<KaaYouth>(async () =>
        {
            if (await FindAsync(id, forChange: true, ct) is not { } youth)
            {
                return Outcome.NotFound();
            }

            if (await db.KaaYouth.AnyAsync(y => y.OwnerOrganisationId == target!.Id && y.IdentityNumber == youth.IdentityNumber, ct))
            {
                return Outcome.Conflict("Den mottagande kommunen har redan personen i sitt register. Kontakta kommunens KAA-handläggare.");
            }

            if (youth.OwnerOrganisationId == target!.Id)
            {
                return Outcome.Conflict("Personen finns redan i den kommunens register.");
            }

            var from = youth.MunicipalityCode;
            youth.HandOver(target.Id, target.SecrecyBoundaryId, target.MunicipalityCode!, on, Now);
            log.Add("handover", Entity, id, purpose: $"KAA: överlämnad från {from} till {target.MunicipalityCode} ({target.Name})");
            await db.SaveChangesAsync(ct);
            return youth;
        });
    }

    /// <summary>The KAA units of the other municipalities in the user's collaborations.</summary>
    public async Task<List<Organisation>> CollaboratingKaaUnitsAsync(CancellationToken ct)
    {
        if (await MyKaaUnitAsync(ct) is not { ParentId: { } parent } unit)
        {
            return [];
        }

        var collaborations = db.Collaborations.Where(c => c.Members.Any(m => m.OrganisationId == parent)).SelectMany(c => c.Members.Select(m => m.OrganisationId));
        return await db.Organisations.AsNoTracking()
            .Where(o => o.Function == UnitFunction.YouthActivityResponsibility && o.Id != unit.Id && o.ParentId != null && collaborations.Contains(o.ParentId.Value))
            .OrderBy(o => o.Name).ToListAsync(ct);
    }

    /// <summary>The organisations a young person's consent may name: social services and Arbetsförmedlingen (adult services at 20).</summary>
    public async Task<List<Organisation>> ShareRecipientsAsync(CancellationToken ct)
    {
        if (await MyKaaUnitAsync(ct) is not { ParentId: { } parent })
        {
            return [];
        }

        var collaborations = db.Collaborations.Where(c => c.Members.Any(m => m.OrganisationId == parent)).SelectMany(c => c.Members.Select(m => m.OrganisationId));
        return await db.Organisations.AsNoTracking()
            .Where(o => (o.Function == UnitFunction.SocialServices || o.Function == UnitFunction.JobCentre) && o.ParentId == parent
                || o.Kind == OrganisationKind.EmploymentService && collaborations.Contains(o.Id))
            .OrderBy(o => o.Name).ToListAsync(ct);
    }

    /// <summary>Records the young person's consent that names another organisation; from then on it may read the KAA record.</summary>
    public async Task<Outcome<KaaShare>> ShareAsync(Guid id, ShareInput input, CancellationToken ct)
    {
        var recipients = await ShareRecipientsAsync(ct);
        return await ChangeAsync(id, "KAA: samtycke till delning", (youth, errors) =>
        {
            var recipient = recipients.FirstOrDefault(r => r.Id == input.RecipientOrganisationId);
            if (recipient is null)
            {
                errors["recipientOrganisationId"] = [$"Välj mottagare: {string.Join(", ", recipients.Select(r => r.Name))}."];
            }

            var kind = Input.Enum<KaaShareKind>(errors, "kind", input.Kind, "Välj typ av delning");
            var given = Input.Date(errors, "consentGivenOn", input.ConsentGivenOn, "dag då samtycket gavs");
            var until = Input.Date(errors, "validUntil", input.ValidUntil, "sista giltighetsdag");
            var purpose = Input.Text(errors, "purpose", input.Purpose, "syftet", 1000);
            if (given > Today)
            {
                errors["consentGivenOn"] = ["Samtycket kan inte vara givet i framtiden."];
            }

            if (until is { } u && (u < Today || u > Today.AddYears(1)))
            {
                errors["validUntil"] = ["Sista giltighetsdag ska ligga mellan i dag och ett år framåt."];
            }

            return errors.Count > 0 ? null! : youth.Share(recipient!.Id, kind, given!.Value, until!.Value, purpose!, user.Id, Now);
        }, ct);
    }

    // ------------------------------------------------------------------ outreach wave

    /// <summary>
    /// A term's outreach wave by letter: everyone in KAA not yet reached gets a printable letter, and the letter is
    /// recorded as an attempt (not reached, until they answer). With <paramref name="record"/> false, only who would get one.
    /// </summary>
    public async Task<Outcome<List<KaaYouth>>> LettersAsync(bool record, CancellationToken ct)
    {
        if (!IsKaaOfficer)
        {
            return Outcome.Forbidden();
        }

        var today = Today;
        var youth = await Own().Where(y => y.InKaa && !y.Reached && y.AgeOutOn >= today).OrderBy(y => y.LastName).ThenBy(y => y.FirstName).ToListAsync(ct);
        if (record && youth.Count > 0)
        {
            await db.KaaContacts.Where(c => youth.Select(y => y.Id).Contains(c.YouthId)).LoadAsync(ct);
            await db.KaaPeriods.Where(p => youth.Select(y => y.Id).Contains(p.YouthId) && p.ExitedOn == null).LoadAsync(ct);
            foreach (var y in youth)
            {
                y.RecordContact(OutreachChannel.Letter, OutreachResult.NotReached, Now, "Utskick: brev till alla ej nådda", user.Id, user.OrganisationId, today);
            }

            log.Add(AccessAction.Export, Entity, null, purpose: $"KAA: brevutskick till {youth.Count} ej nådda", resultIds: youth.Select(y => y.Id));
            await db.SaveChangesAsync(ct);
        }
        else
        {
            await log.RecordAsync(AccessAction.Search, Entity, null, purpose: "KAA: mottagare av brevutskick", resultIds: youth.Select(y => y.Id), ct: ct);
        }

        return youth;
    }

    // ------------------------------------------------------------------ statistics and SCB

    /// <summary>
    /// Counts for a term, per municipality of the user's collaboration: the user's own KAA unit exactly, the others'
    /// with counts of 1–4 shown as "&lt;5" (ADR 0011). Counts only: no person is read.
    /// </summary>
    public async Task<Outcome<KaaStatistics>> StatisticsAsync(string? term, string? municipalityCode, CancellationToken ct)
    {
        if (!(user.IsCaseworker || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Analyst)))
        {
            return Outcome.Forbidden();
        }

        var errors = new Dictionary<string, string[]>();
        var dates = KaaRules.TermDates(Today);
        if (!string.IsNullOrWhiteSpace(term) && !KaaRules.TryParseTerm(term, out dates))
        {
            errors["term"] = ["Ange terminen som VT eller HT och år, t.ex. HT 2026."];
        }

        if (!string.IsNullOrWhiteSpace(municipalityCode) && ReferenceData.Instance.MunicipalityName(municipalityCode.Trim()) is null)
        {
            errors["municipalityCode"] = ["Okänd kommunkod: ange fyra siffror, t.ex. 0188 för Norrtälje."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var ownerOrg = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId).Select(o => new { o.ParentId, o.Id }).FirstOrDefaultAsync(ct);
        var top = ownerOrg?.ParentId ?? ownerOrg?.Id ?? Guid.Empty;
        var members = db.Collaborations.Where(c => c.Members.Any(m => m.OrganisationId == top)).SelectMany(c => c.Members.Select(m => m.OrganisationId));
        var codes = await db.Organisations.AsNoTracking().Where(o => members.Contains(o.Id) || o.Id == top)
            .Where(o => o.MunicipalityCode != null && o.Kind == OrganisationKind.Municipality).Select(o => o.MunicipalityCode!).Distinct().ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(municipalityCode))
        {
            codes = codes.Where(c => c == municipalityCode.Trim()).ToList();
        }

        var (from, to) = dates;
        var youth = await db.KaaYouth.AsNoTracking().Where(y => codes.Contains(y.MunicipalityCode))
            .Select(y => new { y.Id, y.MunicipalityCode, y.OwnerBoundaryId, y.Gender, y.DateOfBirth, y.AgeOutOn, y.Occupation }).ToListAsync(ct);
        var ids = youth.Select(y => y.Id).ToHashSet();
        var periods = (await db.KaaPeriods.AsNoTracking().Where(p => p.EnteredOn <= to).Select(p => new { p.YouthId, p.EnteredOn, p.ExitedOn, p.ExitReason }).ToListAsync(ct))
            .Where(p => ids.Contains(p.YouthId)).ToLookup(p => p.YouthId);
        var fromUtc = SwedishTime.StartOfDayUtc(from);
        var toUtc = SwedishTime.StartOfDayUtc(to.AddDays(1));
        var reached = (await db.KaaContacts.AsNoTracking().Where(c => c.At >= fromUtc && c.At < toUtc && c.Result != OutreachResult.NotReached)
            .Select(c => c.YouthId).Distinct().ToListAsync(ct)).ToHashSet();
        var measured = (await db.KaaMeasures.AsNoTracking().Where(m => m.StartOn <= to && (m.EndOn == null || m.EndOn >= from))
            .Select(m => m.YouthId).Distinct().ToListAsync(ct)).ToHashSet();

        var rows = new List<KaaStatisticsRow>();
        foreach (var y in youth)
        {
            var ps = periods[y.Id].ToList();
            if (!ps.Any(p => p.EnteredOn <= to && (p.ExitedOn ?? y.AgeOutOn) >= from && y.AgeOutOn >= from))
            {
                continue;
            }

            var backToStudies = ps.Any(p => p.ExitedOn is { } e && e >= from && e <= to && p.ExitReason is KaaExitReason.StartedStudies or KaaExitReason.Graduated);
            var age = to.Year - y.DateOfBirth.Year - (y.DateOfBirth.AddYears(to.Year - y.DateOfBirth.Year) > to ? 1 : 0);
            rows.Add(new KaaStatisticsRow(y.MunicipalityCode, y.Gender, Math.Min(age, 20), reached.Contains(y.Id), measured.Contains(y.Id), y.Occupation, backToStudies));
        }

        var ownCode = IsKaaOfficer ? await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId && o.Function == UnitFunction.YouthActivityResponsibility)
            .Select(o => o.MunicipalityCode).FirstOrDefaultAsync(ct) : null;
        await log.RecordAsync(AccessAction.Search, "KaaStatistics", null, purpose: $"KAA-statistik {KaaRules.Term(from)} (antal, inga personer)", ct: ct);
        return KaaStatistics.Of(KaaRules.Term(from), from, to, rows, codes, exactFor: ownCode, suppressBelow: 5);
    }

    /// <summary>
    /// The individual-level file for SCB (ADR 0017, docs/kaa-scb-export.md): the unit's KAA population in the half-year
    /// of <paramref name="referenceDateText"/>, with the logical checks SCB runs on upload run first. Any failure answers
    /// 409 with the list, and no file.
    /// </summary>
    public async Task<Outcome<ScbExport>> ScbExportAsync(string? referenceDateText, CancellationToken ct)
    {
        if (await MyKaaUnitAsync(ct) is not { } unit)
        {
            return Outcome.Forbidden("Bara KAA-handläggare kan ta ut filen till SCB.");
        }

        var errors = new Dictionary<string, string[]>();
        var referenceDate = Input.Date(errors, "referenceDate", referenceDateText, "referensdatum");
        if (referenceDate > Today)
        {
            errors["referenceDate"] = ["Referensdatum kan inte ligga i framtiden."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var youth = await Own().AsNoTracking().Include(y => y.Periods).Include(y => y.Contacts).Include(y => y.Measures).AsSplitQuery().ToListAsync(ct);
        var export = ScbExport.Build(unit.MunicipalityCode ?? "", referenceDate!.Value, youth);
        if (export.Failures.Count > 0)
        {
            await log.RecordAsync(AccessAction.Search, Entity, null, purpose: $"KAA: SCB-kontroll {referenceDate:yyyy-MM-dd}, {export.Failures.Count} fel",
                resultIds: export.Failures.Select(f => f.YouthId).Distinct(), ct: ct);
            return Outcome.Conflict($"{export.Failures.Count} kontroller fallerar. Rätta uppgifterna och ta ut filen igen.", "Filen klarar inte SCB:s kontroller",
                new Dictionary<string, object?> { ["failures"] = export.Failures.Select(f => new { youthId = f.YouthId, name = f.Name, check = f.Check }).ToList() });
        }

        await log.RecordAsync(AccessAction.Export, Entity, null, purpose: $"KAA: fil till SCB, referensdatum {referenceDate:yyyy-MM-dd}, {export.Lines} personer",
            resultIds: export.YouthIds, ct: ct);
        return export;
    }

    /// <summary>The SCB checks only, for the page that lists what fails before anything is downloaded.</summary>
    public async Task<Outcome<ScbExport>> ScbCheckAsync(DateOnly referenceDate, CancellationToken ct)
    {
        if (await MyKaaUnitAsync(ct) is not { } unit)
        {
            return Outcome.Forbidden();
        }

        var youth = await Own().AsNoTracking().Include(y => y.Periods).Include(y => y.Contacts).Include(y => y.Measures).AsSplitQuery().ToListAsync(ct);
        var export = ScbExport.Build(unit.MunicipalityCode ?? "", referenceDate, youth);
        await log.RecordAsync(AccessAction.Search, Entity, null, purpose: $"KAA: SCB-kontroll {referenceDate:yyyy-MM-dd}", resultIds: export.YouthIds, ct: ct);
        return export;
    }
}
