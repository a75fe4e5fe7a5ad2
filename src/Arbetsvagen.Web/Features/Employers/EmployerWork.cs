using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Arbetsvagen.Features.Employers.EmployerFieldRules;

namespace Arbetsvagen.Features.Employers;

public sealed record EmployerListItem(Guid Id, string Name, string OrganisationNumber, bool IsSoleTrader, string SniGroup, string Size,
    List<string> MunicipalityCodes);

/// <summary>An employer as its page shows it: contacts and contact log only for the roles that may see them.</summary>
public sealed record EmployerShown(Employer Employer, bool WithContacts, bool MayChange, List<CompetenceNeed> Needs, Dictionary<Guid, NeedAnswer> Answers);

/// <summary>A follow-up of a contact that falls due, for the owner's work list.</summary>
public sealed record EmployerFollowUp(Guid EmployerId, string EmployerName, Guid EntryId, ContactKind Kind, DateOnly Due, bool Overdue);

/// <summary>A need that waits for someone to take it on.</summary>
public sealed record IncomingNeed(Guid NeedId, Guid? EmployerId, string EmployerName, NeedKind Kind, string Occupation, int NumberOfPeople,
    NeedSource Source, DateTime ReceivedAt);

public sealed record EmployerAgenda(List<EmployerFollowUp> FollowUpsDue, List<IncomingNeed> IncomingNeeds);

/// <summary>
/// The employer register's use cases. Employer data is shared across the collaboration that owns the relationship:
/// every user of a member organisation may read it (an employer outside the user's collaborations is not found);
/// contact persons and the contact log are personal data, read only by caseworkers and coordinators and logged on
/// every read and change; changes are made by the roles that work with employers.
/// </summary>
public sealed class EmployerWork(AppDbContext db, CurrentUser user, AccessLogger log, TimeProvider clock, IRegisterUses uses)
{
    public const int DefaultPageSize = 25;
    public const int MaxSearchLength = 100;
    public const int FollowUpWindowDays = 7;
    private const int MaxAgendaItems = 50;

    /// <summary>The roles that register and change employers, contacts and needs.</summary>
    public static readonly string[] Editors = [Roles.LabourMarketConsultant, Roles.EmploymentOfficer, Roles.CareerCounsellor, Roles.Coordinator];

    private List<Guid>? collaborations;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public bool MayChange => Editors.Any(user.IsInRole);

    /// <summary>Caseworkers and coordinators; analysts and administrators never see a person, not even an employer's.</summary>
    public bool MaySeeContacts => user.IsCaseworker || user.IsInRole(Roles.Coordinator);

    /// <summary>The collaborations the user's organisation (or the organisation it is a unit of) is a member of.</summary>
    public async Task<List<Guid>> CollaborationsAsync(CancellationToken ct)
    {
        if (collaborations is not null)
        {
            return collaborations;
        }

        var chain = new List<Guid>();
        Guid? at = user.OrganisationId;
        while (at is { } id && id != Guid.Empty && !chain.Contains(id) && chain.Count < 5)
        {
            chain.Add(id);
            at = await db.Organisations.Where(o => o.Id == id).Select(o => o.ParentId).FirstOrDefaultAsync(ct);
        }

        return collaborations = await db.Set<CollaborationMember>().Where(m => chain.Contains(m.OrganisationId))
            .Select(m => m.CollaborationId).Distinct().ToListAsync(ct);
    }

    // ------------------------------------------------------------------ the register

    /// <summary>
    /// Employers of the user's collaborations whose name or organisationsnummer contains <paramref name="search"/>,
    /// with a workplace in <paramref name="municipalityCode"/> when given, in Swedish order of name.
    /// </summary>
    public async Task<Outcome<Paged<EmployerListItem>>> ListAsync(string? search, string? municipalityCode, int page, int pageSize, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var text = Input.Text(errors, "search", search, "söktexten", MaxSearchLength, required: false);
        if (!string.IsNullOrWhiteSpace(municipalityCode) && !ReferenceData.Instance.Municipalities.ContainsKey(municipalityCode.Trim()))
        {
            errors["municipalityCode"] = ["Välj en kommun ur listan."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var mine = await CollaborationsAsync(ct);
        var query = db.Employers.AsNoTracking().Where(e => mine.Contains(e.OwnerCollaborationId));
        var byNumber = false;
        if (text is not null)
        {
            var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
            byNumber = digits.Length >= 4 && digits.Length >= text.Count(c => c != '-' && c != ' ');
            var pattern = $"%{(byNumber ? digits : text).Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)}%";
            query = byNumber
                ? query.Where(e => EF.Functions.Like(e.OrganisationNumber, pattern))
                : query.Where(e => EF.Functions.Like(e.Name.ToLower(), pattern.ToLower()));
        }

        if (!string.IsNullOrWhiteSpace(municipalityCode))
        {
            var code = municipalityCode.Trim();
            query = query.Where(e => db.Set<Workplace>().Any(w => w.EmployerId == e.Id && w.MunicipalityCode == code));
        }

        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(e => e.Name).ThenBy(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new { e.Id, e.Name, e.OrganisationNumber, e.IsSoleTrader, e.SniGroup, e.Size, Codes = e.Workplaces.Select(w => w.MunicipalityCode).ToList() })
            .ToListAsync(ct);
        // A sole trader's number is a personnummer: lists show it masked, and finding one by its number is a search of personal data.
        var soleTraders = rows.Where(r => r.IsSoleTrader).Select(r => r.Id).ToList();
        if (byNumber && soleTraders.Count > 0)
        {
            await log.RecordAsync(AccessAction.Search, "Employer", null, purpose: "sökning på organisationsnummer (enskild firma)", resultIds: soleTraders, ct: ct);
        }

        return new Paged<EmployerListItem>(rows.Select(r => new EmployerListItem(r.Id, r.Name, OrganisationNumber.Masked(r.OrganisationNumber, r.IsSoleTrader),
            r.IsSoleTrader, r.SniGroup, EnumText.ApiName(r.Size), r.Codes.Distinct().Order().ToList())).ToList(), page, pageSize, total);
    }

    /// <summary>Registers an employer in the user's collaboration; a number already registered answers 409 naming the employer.</summary>
    public async Task<Outcome<Employer>> CreateAsync(EmployerInput input, CancellationToken ct)
    {
        if (await ChangeRefusalAsync(null, ct) is { } refused)
        {
            return refused;
        }

        var errors = new Dictionary<string, string[]>();
        var number = OrganisationNumber.Parse(input.OrganisationNumber, out var numberError);
        if (numberError is not null)
        {
            errors["organisationNumber"] = [numberError];
        }

        var fields = await EmployerFieldsAsync(input, errors, ct);
        var workplaces = (input.Workplaces ?? []).Where(w => !w.IsBlank).Select((w, i) => WorkplaceFields(w, errors, i == 0 ? "workplace" : $"workplace{i + 1}")).ToList();
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        if (await db.Employers.AsNoTracking().Where(e => e.OrganisationNumber == number!.Value)
                .Select(e => new { e.Id, e.Name, e.OwnerCollaborationId }).FirstOrDefaultAsync(ct) is { } existing)
        {
            var formatted = OrganisationNumber.Format(number!.Value);
            return (await CollaborationsAsync(ct)).Contains(existing.OwnerCollaborationId)
                ? Outcome.Conflict($"Organisationsnummer {formatted} är redan registrerat: {existing.Name}.", "Arbetsgivaren finns redan",
                    new Dictionary<string, object?> { ["existingEmployerId"] = existing.Id, ["existing"] = $"/api/v1/employers/{existing.Id}", ["existingPage"] = $"/Employers/Details/{existing.Id}" })
                : Outcome.Conflict($"Organisationsnummer {formatted} är redan registrerat av en annan samverkan.", "Arbetsgivaren finns redan");
        }

        var employer = Employer.Create(number!.Value, number.IsSoleTrader, fields.Name, fields.SniGroup, fields.Size, fields.CollaborationId,
            fields.OwnerOrganisationId, user.Id, Now);
        foreach (var w in workplaces)
        {
            employer.AddWorkplace(w.Name, w.StreetAddress, w.PostalCode, w.City, w.MunicipalityCode, w.TransportNote);
        }

        db.Employers.Add(employer);
        log.Add(AccessAction.Create, "Employer", employer.Id, purpose: employer.IsSoleTrader ? "enskild firma" : null);
        await db.SaveChangesAsync(ct);
        return employer;
    }

    /// <summary>Changes name, industry, size and owning unit; the organisationsnummer stays (it identifies the employer).</summary>
    public Task<Outcome<Employer>> UpdateAsync(Guid id, EmployerInput input, CancellationToken ct) => ChangeAsync(id, "Employer", async (employer, errors) =>
    {
        input.OwnerOrganisationId ??= employer.OwnerOrganisationId;
        var fields = await EmployerFieldsAsync(input, errors, ct, employer.OwnerCollaborationId);
        return errors.Count > 0 ? null : () => employer.Update(fields.Name, fields.SniGroup, fields.Size, fields.OwnerOrganisationId, Now);
    }, ct);

    public async Task<Outcome<Workplace>> AddWorkplaceAsync(Guid id, WorkplaceInput input, CancellationToken ct)
    {
        Workplace? added = null;
        var changed = await ChangeAsync(id, "Workplace", (employer, errors) =>
        {
            var w = WorkplaceFields(input, errors, "");
            return Task.FromResult<Action?>(errors.Count > 0 ? null : () =>
            {
                added = employer.AddWorkplace(w.Name, w.StreetAddress, w.PostalCode, w.City, w.MunicipalityCode, w.TransportNote);
                db.Add(added);
            });
        }, ct, AccessAction.Create);
        return changed.As(_ => added!);
    }

    /// <summary>Changes a workplace; the municipality of one that placements use stays (409 naming why).</summary>
    public async Task<Outcome<Workplace>> UpdateWorkplaceAsync(Guid id, Guid workplaceId, WorkplaceInput input, CancellationToken ct)
    {
        Workplace? updated = null;
        var changed = await ChangeAsync(id, "Workplace", async (employer, errors) =>
        {
            var w = WorkplaceFields(input, errors, "");
            var placements = await uses.PlacementsAtAsync(workplaceId, ct);
            return errors.Count > 0 ? null : () => updated = employer.UpdateWorkplace(workplaceId, w, placements, Now);
        }, ct, entityId: workplaceId);
        return changed.As(_ => updated!);
    }

    /// <summary>Removes a workplace; one that placements use stays (409 naming why).</summary>
    public async Task<Outcome<Workplace>> RemoveWorkplaceAsync(Guid id, Guid workplaceId, CancellationToken ct)
    {
        Workplace? removed = null;
        var changed = await ChangeAsync(id, "Workplace", async (employer, _) =>
        {
            var placements = await uses.PlacementsAtAsync(workplaceId, ct);
            return () => db.Remove(removed = employer.RemoveWorkplace(workplaceId, placements, Now));
        }, ct, AccessAction.Delete, workplaceId);
        return changed.As(_ => removed!);
    }

    /// <summary>
    /// The employer with its workplaces and needs, and — when the caller shows them (<paramref name="withContacts"/>) and
    /// the role may see them — its contacts and contact log, whose read is logged. The log names only what is shown.
    /// </summary>
    public async Task<Outcome<EmployerShown>> ReadAsync(Guid id, CancellationToken ct, bool logRead = true, bool withContacts = true)
    {
        withContacts &= MaySeeContacts;
        var query = db.Employers.AsNoTracking().AsSplitQuery().Include(e => e.Workplaces);
        var employer = withContacts
            ? await query.Include(e => e.Contacts).Include(e => e.ContactLog).FirstOrDefaultAsync(e => e.Id == id, ct)
            : await query.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (!await VisibleAsync(employer, id, ct))
        {
            return Outcome.NotFound();
        }

        var needs = await db.CompetenceNeeds.AsNoTracking().Include(n => n.History).Where(n => n.EmployerId == id)
            .OrderByDescending(n => n.CreatedAt).ToListAsync(ct);
        if (logRead)
        {
            await LogReadAsync(employer!, withContacts, ct);
        }

        return new EmployerShown(employer!, withContacts, MayChange, needs, await AnswersOfAsync(needs, ct));
    }

    // ------------------------------------------------------------------ contact persons

    public async Task<Outcome<List<ContactPerson>>> ContactsAsync(Guid id, CancellationToken ct)
    {
        var found = await PersonalDataAsync(id, ct);
        if (found.Value is not { } employer)
        {
            return found.Failure!;
        }

        await log.RecordAsync(AccessAction.Read, "EmployerContact", id, resultIds: employer.Contacts.Select(c => c.Id), ct: ct);
        return employer.Contacts.OrderBy(c => c.Name, SwedishCollation.Comparer).ToList();
    }

    /// <summary>One contact person, for its own page: personal data, so the read is logged.</summary>
    public async Task<Outcome<ContactPerson>> ContactAsync(Guid id, Guid contactId, CancellationToken ct, bool logRead = true)
    {
        var found = await PersonalDataAsync(id, ct);
        if (found.Value is not { } employer)
        {
            return found.Failure!;
        }

        if (employer.Contacts.SingleOrDefault(c => c.Id == contactId) is not { } contact)
        {
            return Outcome.NotFound();
        }

        if (logRead)
        {
            await log.RecordAsync(AccessAction.Read, "EmployerContact", id, resultIds: [contactId], ct: ct);
        }

        return contact;
    }

    public async Task<Outcome<ContactPerson>> AddContactAsync(Guid id, ContactInput input, CancellationToken ct)
    {
        ContactPerson? added = null;
        var changed = await ChangeAsync(id, "EmployerContact", (employer, errors) =>
        {
            var c = ContactFields(input, errors);
            return Task.FromResult<Action?>(errors.Count > 0 ? null : () =>
            {
                added = employer.AddContact(c.Name, c.Role, c.Phone, c.Email, Now);
                db.Add(added);
            });
        }, ct, AccessAction.Create);
        return changed.As(_ => added!);
    }

    public async Task<Outcome<ContactPerson>> UpdateContactAsync(Guid id, Guid contactId, ContactInput input, CancellationToken ct)
    {
        ContactPerson? updated = null;
        var changed = await ChangeAsync(id, "EmployerContact", (employer, errors) =>
        {
            if (employer.Contacts.All(c => c.Id != contactId))
            {
                throw new ConflictException("Kontaktpersonen finns inte hos arbetsgivaren.");
            }

            var c = ContactFields(input, errors);
            return Task.FromResult<Action?>(errors.Count > 0 ? null : () => updated = employer.UpdateContact(contactId, c.Name, c.Role, c.Phone, c.Email, Now));
        }, ct, entityId: contactId);
        return changed.As(_ => updated!);
    }

    /// <summary>Removes a contact person; the contact log keeps its entries without their name.</summary>
    public async Task<Outcome<ContactPerson>> RemoveContactAsync(Guid id, Guid contactId, CancellationToken ct)
    {
        ContactPerson? removed = null;
        var changed = await ChangeAsync(id, "EmployerContact", (employer, _) =>
            Task.FromResult<Action?>(() => db.Remove(removed = employer.RemoveContact(contactId, Now))), ct, AccessAction.Delete, contactId);
        return changed.As(_ => removed!);
    }

    // ------------------------------------------------------------------ contact log

    public async Task<Outcome<List<ContactLogEntry>>> ContactLogAsync(Guid id, CancellationToken ct)
    {
        var found = await PersonalDataAsync(id, ct);
        if (found.Value is not { } employer)
        {
            return found.Failure!;
        }

        await log.RecordAsync(AccessAction.Read, "EmployerContactLog", id, resultIds: employer.ContactLog.Select(c => c.Id), ct: ct);
        return employer.ContactLog.OrderByDescending(c => c.OccurredOn).ThenByDescending(c => c.RecordedAt).ToList();
    }

    public async Task<Outcome<ContactLogEntry>> LogContactAsync(Guid id, ContactLogInput input, CancellationToken ct)
    {
        ContactLogEntry? added = null;
        var changed = await ChangeAsync(id, "EmployerContactLog", (employer, errors) =>
        {
            var kind = Input.Enum<ContactKind>(errors, "kind", input.Kind, "Okänt slag av kontakt");
            var on = Input.Date(errors, "occurredOn", input.OccurredOn, "datum för kontakten");
            if (on is { } day && day > SwedishTime.Today(Now))
            {
                errors["occurredOn"] = ["Datum för kontakten kan inte ligga i framtiden."];
            }

            var notes = Input.Text(errors, "notes", input.Notes, "vad som sades", Employer.MaxText);
            var follow = Input.Date(errors, "followUpOn", input.FollowUpOn, "datum för uppföljning", required: false);
            return Task.FromResult<Action?>(errors.Count > 0 ? null : () =>
            {
                added = employer.LogContact(kind, on!.Value, input.ContactPersonId, notes!, follow, user.Id, Now);
                db.Add(added);
            });
        }, ct, AccessAction.Create);
        return changed.As(_ => added!);
    }

    public async Task<Outcome<ContactLogEntry>> CompleteFollowUpAsync(Guid id, Guid entryId, CancellationToken ct)
    {
        ContactLogEntry? done = null;
        var changed = await ChangeAsync(id, "EmployerContactLog", (employer, _) =>
            Task.FromResult<Action?>(() => done = employer.CompleteFollowUp(entryId, user.Id, Now)), ct, entityId: entryId);
        return changed.As(_ => done!);
    }

    // ------------------------------------------------------------------ competence needs

    public async Task<Outcome<List<CompetenceNeed>>> NeedsAsync(Guid id, CancellationToken ct) =>
        (await ReadAsync(id, ct)).As(shown => shown.Needs);

    public async Task<Outcome<CompetenceNeed>> AddNeedAsync(Guid id, NeedInput input, CancellationToken ct)
    {
        CompetenceNeed? added = null;
        var changed = await ChangeAsync(id, "CompetenceNeed", (employer, errors) =>
        {
            var kind = string.IsNullOrWhiteSpace(input.Kind) ? NeedKind.Recruitment : Input.Enum<NeedKind>(errors, "kind", input.Kind, "Okänt slag av behov");
            var occupation = OccupationOf(input, errors);
            var people = People(input.NumberOfPeople, errors);
            var from = Input.Date(errors, "fromDate", input.FromDate, "från när behovet finns", required: false);
            var requirements = Input.Text(errors, "requirements", input.Requirements, "kraven", CompetenceNeed.MaxRequirements, required: false);
            var form = string.IsNullOrWhiteSpace(input.EmploymentForm) ? NeedEmploymentForm.NotDecided
                : Input.Enum<NeedEmploymentForm>(errors, "employmentForm", input.EmploymentForm, "Okänd anställningsform");
            var municipality = Municipality(input.MunicipalityCode, errors, required: false);
            return Task.FromResult<Action?>(errors.Count > 0 ? null : () =>
            {
                added = CompetenceNeed.Register(employer, kind, occupation!.ConceptId, occupation.Ssyk4, people, from, requirements, form, municipality, user.Id, Now);
                db.Add(added);
            });
        }, ct, AccessAction.Create);
        return changed.As(_ => added!);
    }

    /// <summary>
    /// Moves a need of the user's collaboration on: inProgress, handled (optionally naming the job track or placement
    /// that answers it) or declined with a reason. <paramref name="employerId"/>, when given, must be the need's employer.
    /// </summary>
    public async Task<Outcome<CompetenceNeed>> ChangeNeedStatusAsync(Guid? employerId, Guid needId, NeedStatusInput input, CancellationToken ct)
    {
        var found = await NeedToChangeAsync(employerId, needId, ct);
        if (found.Value is not { } need)
        {
            return found.Failure!;
        }

        var errors = new Dictionary<string, string[]>();
        var to = Input.Enum<NeedStatus>(errors, "status", input.Status, "Okänd status");
        if (errors.Count == 0 && to == NeedStatus.Received)
        {
            errors["status"] = ["Ett behov kan inte flyttas tillbaka till inkommen. Välj under bearbetning, hanterad eller avböjd."];
        }

        if (to == NeedStatus.Handled && input.AnsweredByJobTrackId is { } track)
        {
            await AnswerAsync(need, NeedAnswerKind.JobTrack, track, "answeredByJobTrackId", errors, ct);
        }

        if (to == NeedStatus.Handled && input.AnsweredByPlacementId is { } placement)
        {
            await AnswerAsync(need, NeedAnswerKind.Placement, placement, "answeredByPlacementId", errors, ct);
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        return await Outcome.Guard<CompetenceNeed>(async () =>
        {
            switch (to)
            {
                case NeedStatus.InProgress:
                    need.StartProcessing(user.Id, Now);
                    break;
                case NeedStatus.Handled:
                    need.Handle(input.AnsweredByJobTrackId, input.AnsweredByPlacementId, user.Id, Now);
                    break;
                default:
                    need.Decline(input.Reason, user.Id, Now);
                    break;
            }

            db.Add(need.History[^1]);
            log.Add(AccessAction.Update, "CompetenceNeed", need.Id);
            await db.SaveChangesAsync(ct);
            return need;
        });
    }

    /// <summary>
    /// Links the need to the job track or placement (of its collaboration, still running) that answers it, and moves
    /// it to handled as far as its rules allow (<see cref="CompetenceNeed.AnswerBy"/>). <paramref name="employerId"/>,
    /// when given, must be the need's employer.
    /// </summary>
    public async Task<Outcome<CompetenceNeed>> AnswerNeedAsync(Guid? employerId, Guid needId, NeedAnswerInput input, CancellationToken ct)
    {
        var found = await NeedToChangeAsync(employerId, needId, ct);
        if (found.Value is not { } need)
        {
            return found.Failure!;
        }

        var errors = new Dictionary<string, string[]>();
        NeedAnswer? answer = null;
        if ((input.JobTrackId is null) == (input.PlacementId is null))
        {
            errors[input.PlacementId is null ? "jobTrackId" : "placementId"] = [input.PlacementId is null
                ? "Välj ett jobbspår eller en praktikplats som besvarar behovet."
                : "Välj ett jobbspår eller en praktikplats som besvarar behovet, inte båda."];
        }
        else
        {
            answer = input.JobTrackId is { } track
                ? await AnswerAsync(need, NeedAnswerKind.JobTrack, track, "jobTrackId", errors, ct)
                : await AnswerAsync(need, NeedAnswerKind.Placement, input.PlacementId!.Value, "placementId", errors, ct);
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        return await Outcome.Guard<CompetenceNeed>(async () =>
        {
            var before = need.History.Count;
            need.AnswerBy(answer!.Kind, answer.Id, answer.Label, user.Id, Now);
            db.AddRange(need.History.Skip(before));
            log.Add(AccessAction.Update, "CompetenceNeed", need.Id);
            await db.SaveChangesAsync(ct);
            return need;
        });
    }

    /// <summary>What may answer the need: the running job tracks of its collaboration and the placements at its employer.</summary>
    public Task<List<NeedAnswer>> AnswerChoicesAsync(CompetenceNeed need, CancellationToken ct) =>
        uses.ChoicesAsync(need.CollaborationId, need.EmployerId, need.MunicipalityCode, ct);

    /// <summary>The job tracks and placements that answer these needs, by id.</summary>
    public async Task<Dictionary<Guid, NeedAnswer>> AnswersOfAsync(IEnumerable<CompetenceNeed> needs, CancellationToken ct)
    {
        var ids = needs.SelectMany(n => new[] { n.AnsweredByJobTrackId, n.AnsweredByPlacementId }).OfType<Guid>().Distinct().ToList();
        return (await uses.FindAsync(ids, ct)).ToDictionary(a => a.Id);
    }

    /// <summary>The job track or placement <paramref name="id"/>, when it can answer the need; otherwise a message at <paramref name="field"/>.</summary>
    private async Task<NeedAnswer?> AnswerAsync(CompetenceNeed need, NeedAnswerKind kind, Guid id, string field, Dictionary<string, string[]> errors,
        CancellationToken ct)
    {
        var answer = (await uses.FindAsync([id], ct)).FirstOrDefault(a => a.Kind == kind && a.CollaborationId == need.CollaborationId);
        var what = kind == NeedAnswerKind.JobTrack ? "jobbspår" : "praktikplats";
        if (answer is null)
        {
            errors[field] = [$"Välj ett {what} i behovets samverkan."];
        }
        else if (!answer.Active)
        {
            errors[field] = [kind == NeedAnswerKind.JobTrack
                ? $"Jobbspåret {answer.Label} är avslutat eller inställt och kan inte besvara behovet."
                : $"Praktikplatsen {answer.Label} är avslutad och kan inte besvara behovet."];
        }

        return errors.ContainsKey(field) ? null : answer;
    }

    /// <summary>A need of the user's collaboration (and of <paramref name="employerId"/> when given) that the user's role may change.</summary>
    private async Task<Outcome<CompetenceNeed>> NeedToChangeAsync(Guid? employerId, Guid needId, CancellationToken ct)
    {
        var need = await db.CompetenceNeeds.Include(n => n.History).FirstOrDefaultAsync(n => n.Id == needId, ct);
        var mine = await CollaborationsAsync(ct);
        if (need is null || !mine.Contains(need.CollaborationId) || (employerId is not null && need.EmployerId != employerId))
        {
            if (need is not null)
            {
                await log.RecordAsync(AccessAction.Denied, "CompetenceNeed", needId, ct: ct);
            }

            return Outcome.NotFound();
        }

        return MayChange ? need : Outcome.Forbidden("Din roll ändrar inte arbetsgivarregistret.");
    }

    /// <summary>One need of the user's collaboration; a web-form need's sender is personal data, so reading it is logged.</summary>
    public async Task<Outcome<CompetenceNeed>> ReadNeedAsync(Guid needId, CancellationToken ct, bool logRead = true)
    {
        var need = await db.CompetenceNeeds.AsNoTracking().Include(n => n.History).FirstOrDefaultAsync(n => n.Id == needId, ct);
        if (need is null || !(await CollaborationsAsync(ct)).Contains(need.CollaborationId))
        {
            if (need is not null)
            {
                await log.RecordAsync(AccessAction.Denied, "CompetenceNeed", needId, ct: ct);
            }

            return Outcome.NotFound();
        }

        if (logRead && need.SenderContactName is not null && MaySeeContacts)
        {
            await log.RecordAsync(AccessAction.Read, "CompetenceNeed", needId, purpose: "avsändarens kontaktuppgifter", ct: ct);
        }

        return need;
    }

    /// <summary>The open needs of the user's collaborations, newest first (the coordinators' intake).</summary>
    public async Task<List<CompetenceNeed>> OpenNeedsAsync(CancellationToken ct)
    {
        var mine = await CollaborationsAsync(ct);
        return await db.CompetenceNeeds.AsNoTracking()
            .Where(n => mine.Contains(n.CollaborationId) && (n.Status == NeedStatus.Received || n.Status == NeedStatus.InProgress))
            .OrderByDescending(n => n.CreatedAt).Take(200).ToListAsync(ct);
    }

    // ------------------------------------------------------------------ the work list

    /// <summary>
    /// What waits on the user's work list: follow-ups of contacts, due within a week or late, for employers the
    /// user's unit owns or contacts the user logged; and needs not yet taken on — all of the collaboration's for a
    /// coordinator, those of the unit's own employers for the others.
    /// </summary>
    public async Task<EmployerAgenda> AgendaAsync(CancellationToken ct)
    {
        if (!MaySeeContacts)
        {
            return new EmployerAgenda([], []);
        }

        var today = SwedishTime.Today(Now);
        var limit = today.AddDays(FollowUpWindowDays);
        var mine = await CollaborationsAsync(ct);
        var organisation = user.OrganisationId;
        var me = user.Id;
        var followUps = await (from c in db.Set<ContactLogEntry>()
                               join e in db.Set<Employer>() on c.EmployerId equals e.Id
                               where c.FollowUpOn != null && c.FollowUpOn <= limit && c.FollowUpDoneAt == null && mine.Contains(e.OwnerCollaborationId)
                                   && (e.OwnerOrganisationId == organisation || c.ByUserId == me)
                               orderby c.FollowUpOn
                               select new { e.Id, e.Name, EntryId = c.Id, c.Kind, Due = c.FollowUpOn!.Value })
            .Take(MaxAgendaItems).ToListAsync(ct);

        var coordinator = user.IsInRole(Roles.Coordinator);
        var incoming = await (from n in db.Set<CompetenceNeed>()
                              join e in db.Set<Employer>() on n.EmployerId equals e.Id into employers
                              from e in employers.DefaultIfEmpty()
                              where n.Status == NeedStatus.Received && mine.Contains(n.CollaborationId)
                                  && (coordinator || (e != null && e.OwnerOrganisationId == organisation))
                              orderby n.CreatedAt
                              select new { n.Id, n.EmployerId, Name = e != null ? e.Name : n.SenderName, n.Kind, n.OccupationConceptId, n.OccupationText, n.NumberOfPeople, n.Source, n.CreatedAt })
            .Take(MaxAgendaItems).ToListAsync(ct);

        return new EmployerAgenda(
            followUps.Select(f => new EmployerFollowUp(f.Id, f.Name, f.EntryId, f.Kind, f.Due, f.Due < today)).ToList(),
            incoming.Select(n => new IncomingNeed(n.Id, n.EmployerId, n.Name ?? "", n.Kind, OccupationName(n.OccupationConceptId, n.OccupationText),
                n.NumberOfPeople, n.Source, n.CreatedAt)).ToList());
    }

    public static string OccupationName(string? conceptId, string? text) =>
        conceptId is not null && ReferenceData.Instance.Occupations.TryGetValue(conceptId, out var o) ? o.Name : text ?? "";

    /// <summary>The organisations of the user's collaborations and their units: who may own an employer relationship.</summary>
    public async Task<List<(Guid Id, string Name)>> OwnerChoicesAsync(CancellationToken ct)
    {
        var mine = await CollaborationsAsync(ct);
        var members = db.Set<CollaborationMember>().Where(m => mine.Contains(m.CollaborationId)).Select(m => m.OrganisationId);
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => members.Contains(o.Id) || (o.ParentId != null && members.Contains(o.ParentId.Value)))
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return organisations.OrderBy(o => o.Name, SwedishCollation.Comparer).Select(o => (o.Id, o.Name)).ToList();
    }

    // ------------------------------------------------------------------ shared steps

    private sealed record EmployerFields(string Name, string SniGroup, EmployerSize Size, Guid CollaborationId, Guid OwnerOrganisationId);



    private async Task<EmployerFields> EmployerFieldsAsync(EmployerInput input, Dictionary<string, string[]> errors, CancellationToken ct,
        Guid? collaborationId = null)
    {
        var name = Input.Text(errors, "name", input.Name, "arbetsgivarens namn", Employer.MaxName);
        var sni = input.SniGroup?.Trim();
        if (Sni.Group(sni) is null)
        {
            errors["sniGroup"] = [string.IsNullOrEmpty(sni)
                ? "Ange bransch som SNI-grupp (tre siffror), till exempel 493 för buss- och taxitrafik."
                : $"Branschkoden ska vara en SNI 2007-grupp med tre siffror, till exempel 493 (nu \"{sni}\")."];
        }

        var size = string.IsNullOrWhiteSpace(input.Size) ? EmployerSize.Unknown : Input.Enum<EmployerSize>(errors, "size", input.Size, "Okänd storleksklass");
        var collaboration = collaborationId ?? await ChosenCollaborationAsync(input.CollaborationId, errors, ct);
        var owner = input.OwnerOrganisationId ?? user.OrganisationId;
        // The owning unit must be a member of the collaboration, or a unit of one.
        var ownerOk = await db.Organisations.Where(o => o.Id == owner)
            .AnyAsync(o => db.Set<CollaborationMember>().Any(m => m.CollaborationId == collaboration && (m.OrganisationId == o.Id || m.OrganisationId == o.ParentId)), ct);
        if (!ownerOk && !errors.ContainsKey("collaborationId"))
        {
            errors["ownerOrganisationId"] = ["Välj en organisation i samverkan som ansvarar för kontakten."];
        }

        return new EmployerFields(name ?? "", sni ?? "", size, collaboration, owner);
    }

    /// <summary>The collaboration a new employer belongs to: the one chosen, which must be one of the user's, or the only one.</summary>
    private async Task<Guid> ChosenCollaborationAsync(Guid? chosen, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var mine = await CollaborationsAsync(ct);
        if (chosen is { } id && !mine.Contains(id))
        {
            errors["collaborationId"] = ["Välj en samverkan som er organisation ingår i."];
        }
        else if (chosen is null && mine.Count > 1)
        {
            errors["collaborationId"] = ["Välj vilken samverkan arbetsgivaren hör till: er organisation ingår i flera."];
        }

        return chosen ?? (mine.Count == 1 ? mine[0] : Guid.Empty);
    }

    /// <summary>The collaborations the user's organisation is in, by name, for the create form's choice.</summary>
    public async Task<List<(Guid Id, string Name)>> CollaborationChoicesAsync(CancellationToken ct)
    {
        var mine = await CollaborationsAsync(ct);
        var found = await db.Collaborations.AsNoTracking().Where(c => mine.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return found.OrderBy(c => c.Name, SwedishCollation.Comparer).Select(c => (c.Id, c.Name)).ToList();
    }


    /// <summary>Whether the employer exists in the user's collaborations; one outside them is refused like one that does not exist, and logged.</summary>
    private async Task<bool> VisibleAsync(Employer? employer, Guid id, CancellationToken ct)
    {
        if (employer is not null && (await CollaborationsAsync(ct)).Contains(employer.OwnerCollaborationId))
        {
            return true;
        }

        if (employer is not null)
        {
            await log.RecordAsync(AccessAction.Denied, "Employer", id, ct: ct);
        }

        return false;
    }

    private async Task LogReadAsync(Employer employer, bool withContacts, CancellationToken ct)
    {
        if (employer.IsSoleTrader)
        {
            await log.RecordAsync(AccessAction.Read, "Employer", employer.Id, purpose: "enskild firma", ct: ct);
        }

        if (withContacts && employer.Contacts.Count > 0)
        {
            await log.RecordAsync(AccessAction.Read, "EmployerContact", employer.Id, resultIds: employer.Contacts.Select(c => c.Id), ct: ct);
        }

        if (withContacts && employer.ContactLog.Count > 0)
        {
            await log.RecordAsync(AccessAction.Read, "EmployerContactLog", employer.Id, resultIds: employer.ContactLog.Select(c => c.Id), ct: ct);
        }
    }

    /// <summary>An employer whose contacts and contact log the user may read: 404 outside the collaboration, 403 for a role without them.</summary>
    private async Task<Outcome<Employer>> PersonalDataAsync(Guid id, CancellationToken ct)
    {
        var employer = await db.Employers.AsNoTracking().AsSplitQuery().Include(e => e.Contacts).Include(e => e.ContactLog).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (!await VisibleAsync(employer, id, ct))
        {
            return Outcome.NotFound();
        }

        return MaySeeContacts ? employer! : Outcome.Forbidden("Din roll ser inte arbetsgivarnas kontaktpersoner.");
    }

    private async Task<Failure?> ChangeRefusalAsync(Employer? employer, CancellationToken ct)
    {
        if (employer is null && (await CollaborationsAsync(ct)).Count == 0)
        {
            return Outcome.Forbidden("Din organisation ingår inte i någon samverkan.");
        }

        return MayChange ? null : Outcome.Forbidden("Din roll ändrar inte arbetsgivarregistret.");
    }

    /// <summary>
    /// Runs one change on a visible employer: <paramref name="validate"/> collects the field messages and, when there
    /// are none, answers the change to make; the entity's refusals come back as the outcome; the change is logged.
    /// </summary>
    private async Task<Outcome<Employer>> ChangeAsync(Guid id, string entityType,
        Func<Employer, Dictionary<string, string[]>, Task<Action?>> validate, CancellationToken ct, string action = AccessAction.Update, Guid? entityId = null)
    {
        var employer = await db.Employers.AsSplitQuery().Include(e => e.Workplaces).Include(e => e.Contacts).Include(e => e.ContactLog)
            .FirstOrDefaultAsync(e => e.Id == id, ct);
        if (!await VisibleAsync(employer, id, ct))
        {
            return Outcome.NotFound();
        }

        if (await ChangeRefusalAsync(employer, ct) is { } refused)
        {
            return refused;
        }

        return await Outcome.Guard<Employer>(async () =>
        {
            var errors = new Dictionary<string, string[]>();
            var change = await validate(employer!, errors);
            if (errors.Count > 0 || change is null)
            {
                return Outcome.Invalid(errors);
            }

            change();
            log.Add(action, entityType, entityId ?? id);
            await db.SaveChangesAsync(ct);
            return employer!;
        });
    }
}
