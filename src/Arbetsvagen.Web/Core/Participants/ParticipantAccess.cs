using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Arbetsvagen.Core.AccessLog;

namespace Arbetsvagen.Core.Participants;

/// <summary>What the current user may see of one participant, and on what basis.</summary>
public sealed record ParticipantGrant(Participant Participant, DataCategories Categories, bool OwnCase, Guid? ConsentId)
{
    public bool Covers(DataCategories category) => (Categories & category) == category;
}

/// <summary>
/// The secrecy rule in one place: a participant belongs to the secrecy boundary that holds the case; anyone
/// else sees them only through an active consent that names their organisation (or its boundary), evaluated
/// now, at the moment of sharing. Analysts and administrators never see a person.
/// </summary>
public sealed class ParticipantAccess(AppDbContext db, CurrentUser user, TimeProvider clock, AccessLogger log)
{
    private const DataCategories AllCategories = DataCategories.Identity | DataCategories.Background
        | DataCategories.CaseAndPlan | DataCategories.Attendance | DataCategories.Health;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private readonly Dictionary<Guid, ParticipantGrant?> decided = [];

    public Guid Boundary => user.SecrecyBoundaryId;

    /// <summary>Active consents that name the current user's organisation or boundary.</summary>
    public IQueryable<Consent> ConsentsToMe() => ActiveConsentsNaming(user.OrganisationId, user.SecrecyBoundaryId);

    /// <summary>Consents given, not withdrawn and not expired now, that name the organisation or its boundary.</summary>
    public IQueryable<Consent> ActiveConsentsNaming(Guid organisationId, Guid boundaryId) =>
        db.Consents.Where(Consent.ActiveAt(Now))
            .Where(c => c.Recipients.Any(r => r.OrganisationId == organisationId || r.OrganisationId == boundaryId));

    /// <summary>The participants the user may see; with <paramref name="covering"/>, others' only where the consent covers that too (e.g. case and plan).</summary>
    public IQueryable<Participant> Visible(DataCategories covering = DataCategories.Identity)
    {
        var (own, shared) = VisibleParts(covering);
        // UNION ALL of two indexable halves (boundary index, primary key): an OR here made PostgreSQL scan every
        // participant. The halves cannot overlap, since a consent never names the owner's own boundary.
        return own.Concat(shared);
    }

    /// <summary>The two halves of <see cref="Visible"/>: the own boundary's participants, and others' shared by consent.</summary>
    public (IQueryable<Participant> Own, IQueryable<Participant> Shared) VisibleParts(DataCategories covering = DataCategories.Identity)
    {
        if (!user.IsCaseworker)
        {
            return (db.Participants.Where(_ => false), db.Participants.Where(_ => false));
        }

        var boundary = user.SecrecyBoundaryId;
        var needed = covering | DataCategories.Identity;
        var shared = ConsentsToMe().Where(c => (c.Categories & needed) == needed).Select(c => c.ParticipantId);
        return (db.Participants.Where(p => p.OwnerBoundaryId == boundary),
            db.Participants.Where(p => p.OwnerBoundaryId != boundary && shared.Contains(p.Id)));
    }

    /// <summary>
    /// Finds a participant the user may see, or null — whether it does not exist or is behind a boundary, so
    /// the caller answers the same 404 either way. A refusal is logged as denied.
    /// </summary>
    public async Task<ParticipantGrant?> FindAsync(Guid id, CancellationToken ct)
    {
        // One decision (and at most one denied row) per participant and request: a page asks for the same
        // person several times (details, consents, cases, referrals).
        if (decided.TryGetValue(id, out var earlier))
        {
            return earlier;
        }

        var found = await DecideAsync(id, ct);
        decided[id] = found;
        return found;
    }

    /// <summary>
    /// Like <see cref="FindAsync"/>, but the grant must also cover <paramref name="needed"/> (e.g. a consent that
    /// shares identity but not attendance); otherwise null, with one denied row for <paramref name="entityType"/>.
    /// </summary>
    public async Task<ParticipantGrant?> FindCoveringAsync(Guid id, DataCategories needed, string entityType, CancellationToken ct)
    {
        var grant = await FindAsync(id, ct);
        if (grant is null || grant.Covers(needed))
        {
            return grant; // A refusal of the participant itself is already logged.
        }

        await log.RecordAsync(AccessAction.Denied, entityType, null, id, $"samtycket omfattar inte {EnumText.Label(needed).ToLowerInvariant()}", ct: ct);
        return null;
    }

    private async Task<ParticipantGrant?> DecideAsync(Guid id, CancellationToken ct)
    {
        var participant = user.IsCaseworker
            ? await db.Participants.Include(p => p.Occupations).FirstOrDefaultAsync(p => p.Id == id, ct)
            : null;
        var grant = participant is null ? null : await GrantFor(participant, ct);
        if (grant is null)
        {
            await log.RecordAsync(AccessAction.Denied, "Participant", id, participantId: id, ct: ct);
            return null;
        }

        if (grant.Covers(DataCategories.Health) && user.MaySeeSensitiveData)
        {
            await db.Entry(grant.Participant).Reference(p => p.Sensitive).LoadAsync(ct);
        }

        return grant;
    }

    private async Task<ParticipantGrant?> GrantFor(Participant participant, CancellationToken ct)
    {
        if (participant.OwnerBoundaryId == user.SecrecyBoundaryId)
        {
            return new ParticipantGrant(participant, AllCategories, OwnCase: true, ConsentId: null);
        }

        var consents = await ConsentsToMe().Where(c => c.ParticipantId == participant.Id)
            .Select(c => new { c.Id, c.Categories }).ToListAsync(ct);
        var categories = consents.Aggregate(DataCategories.None, (all, c) => all | c.Categories);
        if ((categories & DataCategories.Identity) == 0)
        {
            return null;
        }

        return new ParticipantGrant(participant, categories, OwnCase: false, consents[0].Id);
    }
}
