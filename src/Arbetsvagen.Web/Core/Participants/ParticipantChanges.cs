using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Arbetsvagen.Core.AccessLog;

namespace Arbetsvagen.Core.Participants;

/// <summary>Registering and updating participants: shared by the pages and the API.</summary>
public sealed class ParticipantChanges(AppDbContext db, CurrentUser user, TimeProvider clock, AccessLogger log, ParticipantAccess access)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The conflict's extension that names the record already registered with the same number.</summary>
    public const string ExistingIdExtension = "existingParticipantId";

    /// <summary>
    /// Registers a participant in the user's organisation. A number already registered there is a conflict that names
    /// the existing record (<see cref="ExistingIdExtension"/>), so the caller can go to it instead.
    /// </summary>
    public async Task<Outcome<Participant>> CreateAsync(ParticipantInput input, CancellationToken ct)
    {
        if (!user.IsCaseworker)
        {
            await log.RecordAsync(AccessAction.Denied, "Participant", null, purpose: "registrering utan handläggarroll", ct: ct);
            return Outcome.Forbidden();
        }

        var errors = input.Validate(SwedishTime.Today(Now), isNew: true, out var parsed);
        if (parsed is null)
        {
            return Outcome.Invalid(errors);
        }

        var (kind, identity) = parsed.Number is { } number
            ? (number.Kind == IdentityNumberKind.Samordningsnummer ? IdentityKind.Samordningsnummer : IdentityKind.Personnummer, number.Value)
            : (IdentityKind.TemporaryReference, NewTemporaryReference());
        var existing = await db.Participants.Where(p => p.OwnerOrganisationId == user.OrganisationId && p.IdentityNumber == identity)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (existing is { } existingId)
        {
            return Outcome.Conflict("Personen är redan registrerad i din organisation.", "Deltagaren finns redan",
                new Dictionary<string, object?> { [ExistingIdExtension] = existingId, ["existing"] = $"/api/v1/participants/{existingId}" });
        }

        var participant = Participant.Create(user.OrganisationId, user.SecrecyBoundaryId, kind, identity, parsed.DateOfBirth,
            input.FirstName!, input.LastName!, user.Id, Now);
        input.ApplyTo(participant, parsed, user.MaySeeSensitiveData);
        db.Participants.Add(participant);
        log.Add(AccessAction.Create, "Participant", participant.Id, participant.Id);
        await db.SaveChangesAsync(ct);
        return participant;
    }

    /// <summary>Updates a participant whose case the user's organisation holds; answers the grant it was changed under.</summary>
    public async Task<Outcome<ParticipantGrant>> UpdateAsync(Guid id, ParticipantInput input, CancellationToken ct)
    {
        var grant = await access.FindAsync(id, ct);
        if (grant is null)
        {
            return Outcome.NotFound();
        }

        // Only the organisation holding the case changes it; a consent shares data, it does not hand over the case.
        if (!grant.OwnCase)
        {
            await log.RecordAsync(AccessAction.Denied, "Participant", id, id, "ändring utan eget ärende", ct: ct);
            return Outcome.Forbidden();
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
            return Outcome.Invalid(errors);
        }

        input.ApplyTo(participant, parsed, user.MaySeeSensitiveData);
        participant.Touch(user.Id, Now);
        log.Add(AccessAction.Update, "Participant", participant.Id, participant.Id);
        await db.SaveChangesAsync(ct);
        return grant;
    }

    private static string NewTemporaryReference() =>
        "TF" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(5));
}
