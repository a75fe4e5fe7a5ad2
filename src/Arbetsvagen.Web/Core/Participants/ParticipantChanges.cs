using Arbetsvagen.Core.Consents;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Arbetsvagen.Core.AccessLog;

namespace Arbetsvagen.Core.Participants;

public abstract record ChangeResult
{
    public sealed record Saved(Guid Id) : ChangeResult;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : ChangeResult;
    public sealed record Duplicate(Guid ExistingId) : ChangeResult;
    public sealed record NotFound : ChangeResult;
}

/// <summary>Registering and updating participants: shared by the pages and the API.</summary>
public sealed class ParticipantChanges(AppDbContext db, CurrentUser user, TimeProvider clock, AccessLogger log, ParticipantAccess access)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<ChangeResult> CreateAsync(ParticipantInput input, CancellationToken ct)
    {
        if (!user.IsCaseworker)
        {
            await log.RecordAsync(AccessAction.Denied, "Participant", null, purpose: "registrering utan handläggarroll", ct: ct);
            throw new ForbiddenException();
        }

        var errors = input.Validate(SwedishTime.Today(Now), isNew: true, out var parsed);
        if (parsed is null)
        {
            return new ChangeResult.Invalid(errors);
        }

        var (kind, identity) = parsed.Number is { } number
            ? (number.Kind == IdentityNumberKind.Samordningsnummer ? IdentityKind.Samordningsnummer : IdentityKind.Personnummer, number.Value)
            : (IdentityKind.TemporaryReference, NewTemporaryReference());
        var existing = await db.Participants.Where(p => p.OwnerOrganisationId == user.OrganisationId && p.IdentityNumber == identity)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (existing is { } existingId)
        {
            return new ChangeResult.Duplicate(existingId);
        }

        var participant = Participant.Create(user.OrganisationId, user.SecrecyBoundaryId, kind, identity, parsed.DateOfBirth,
            input.FirstName!, input.LastName!, user.Id, Now);
        input.ApplyTo(participant, parsed, user.MaySeeSensitiveData);
        db.Participants.Add(participant);
        log.Add(AccessAction.Create, "Participant", participant.Id, participant.Id);
        await db.SaveChangesAsync(ct);
        return new ChangeResult.Saved(participant.Id);
    }

    public async Task<ChangeResult> UpdateAsync(Guid id, ParticipantInput input, CancellationToken ct)
    {
        var grant = await access.FindAsync(id, ct);
        if (grant is null)
        {
            return new ChangeResult.NotFound();
        }

        // Only the organisation holding the case changes it; a consent shares data, it does not hand over the case.
        if (!grant.OwnCase)
        {
            await log.RecordAsync(AccessAction.Denied, "Participant", id, id, "ändring utan eget ärende", ct: ct);
            throw new ForbiddenException();
        }

        var participant = grant.Participant;
        var today = SwedishTime.Today(Now);
        var errors = input.Validate(today, isNew: false, out var parsed);
        // The number may be sent back unchanged (in any written form) but never changed.
        var typed = input.PersonalIdentityNumber?.Trim();
        var sameNumber = string.IsNullOrEmpty(typed) || typed == participant.IdentityNumber
            || (PersonalIdentityNumber.TryParse(typed, today, out var number, out _) && number.Value == participant.IdentityNumber);
        if (!sameNumber)
        {
            errors["personalIdentityNumber"] = ["Identitetsnumret kan inte ändras. Registrera personen på nytt om numret var fel."];
        }

        if (parsed is null || errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new ChangeResult.Invalid(errors);
        }

        input.ApplyTo(participant, parsed, user.MaySeeSensitiveData);
        participant.Touch(user.Id, Now);
        log.Add(AccessAction.Update, "Participant", participant.Id, participant.Id);
        await db.SaveChangesAsync(ct);
        return new ChangeResult.Saved(participant.Id);
    }

    private static string NewTemporaryReference() =>
        "TF" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(5));
}
