using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Arbetsvagen.Core.AccessLog;

namespace Arbetsvagen.Core.Consents;

public sealed class ConsentInput
{
    public List<Guid>? RecipientOrganisationIds { get; set; }
    public List<string>? Categories { get; set; }
    public string? Purpose { get; set; }
    public string? Form { get; set; }
    /// <summary>Date (ÅÅÅÅ-MM-DD) or date and time the person gave the consent; defaults to now.</summary>
    public string? GivenAt { get; set; }
    public string? ValidUntil { get; set; }
}

public sealed record ConsentDto(Guid Id, Guid ParticipantId, Guid OwnerOrganisationId, List<Guid> RecipientOrganisationIds,
    List<string> Categories, string Purpose, string Form, DateTime GivenAt, Guid DocumentedByUserId, DateOnly ValidUntil,
    DateTime? WithdrawnAt, Guid? WithdrawnByUserId, bool Active)
{
    public static ConsentDto From(Consent c, DateTime now) => new(c.Id, c.ParticipantId, c.OwnerOrganisationId,
        c.Recipients.Select(r => r.OrganisationId).ToList(), EnumText.FlagNames(c.Categories), c.Purpose, EnumText.ApiName(c.Form),
        c.GivenAt, c.DocumentedByUserId, c.ValidUntil, c.WithdrawnAt, c.WithdrawnByUserId, c.IsActive(now));
}

/// <summary>Recording and withdrawing consents; only the organisation holding the case does either.</summary>
public sealed class ConsentChanges(AppDbContext db, CurrentUser user, TimeProvider clock, AccessLogger log, ParticipantAccess access)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Reads the input, then lets <see cref="Consent.Give"/> judge it: every bad field in one answer.</summary>
    public async Task<Outcome<Consent>> GiveAsync(Guid participantId, ConsentInput input, CancellationToken ct)
    {
        var grant = await access.FindAsync(participantId, ct);
        if (grant is null)
        {
            return Outcome.NotFound();
        }

        if (!grant.OwnCase)
        {
            await log.RecordAsync(AccessAction.Denied, "Consent", null, participantId, "samtycke kan bara dokumenteras av ärendets ägare", ct: ct);
            return Outcome.Forbidden("Samtycke kan bara dokumenteras av den organisation som håller ärendet.");
        }

        var errors = new Dictionary<string, string[]>();
        var recipients = (input.RecipientOrganisationIds ?? []).Distinct().ToList();
        if (recipients.Count > 0)
        {
            var known = await db.Organisations.Where(o => recipients.Contains(o.Id)).Select(o => new { o.Id, o.SecrecyBoundaryId }).ToListAsync(ct);
            if (known.Count != recipients.Count)
            {
                errors["recipientOrganisationIds"] = ["En eller flera mottagare finns inte."];
            }
            else if (known.Any(o => o.SecrecyBoundaryId == user.SecrecyBoundaryId))
            {
                errors["recipientOrganisationIds"] = ["Den egna organisationen behöver inget samtycke. Välj andra mottagare."];
            }
        }

        var categories = DataCategories.None;
        foreach (var text in input.Categories ?? [])
        {
            if (EnumText.TryParse<DataCategories>(text, out var category) && category != DataCategories.None)
            {
                categories |= category;
            }
            else
            {
                errors["categories"] = [$"Okänd uppgiftskategori: {text}. Välj en av: {string.Join(", ", EnumText.Values<DataCategories>()
                    .Where(c => c != DataCategories.None).Select(c => EnumText.Label(c)))}."];
            }
        }

        var form = Input.Enum<ConsentForm>(errors, "form", input.Form, "Ange om samtycket är skriftligt eller muntligt");
        var givenAt = GivenAt(errors, input.GivenAt);
        var validUntil = Input.Date(errors, "validUntil", input.ValidUntil, "sista giltighetsdag");
        return await Outcome.Guard<Consent>(async () =>
        {
            var consent = Consent.Give(participantId, grant.Participant.OwnerOrganisationId, recipients, categories, input.Purpose ?? "",
                givenAt, form, user.Id, validUntil ?? DateOnly.MaxValue, Now, errors);
            db.Consents.Add(consent);
            log.Add(AccessAction.Create, ConsentSeal.EntityType, consent.Id, participantId, contentHash: ConsentSeal.Digest(consent));
            await db.SaveChangesAsync(ct);
            return consent;
        });
    }

    /// <summary>A day (ÅÅÅÅ-MM-DD; today means now) or a moment in ISO 8601; blank is now.</summary>
    private DateTime GivenAt(Dictionary<string, string[]> errors, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Now;
        }

        if (text.Trim().Length == 10)
        {
            var day = Input.Date(errors, "givenAt", text, "datumet då samtycket gavs");
            return day is not { } given || given == SwedishTime.Today(Now) ? Now : SwedishTime.StartOfDayUtc(given);
        }

        if (DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
        }

        errors["givenAt"] = ["Datumet då samtycket gavs ska skrivas ÅÅÅÅ-MM-DD."];
        return Now;
    }

    /// <summary>Consents of a participant the user may see: all of them for the case holder, only those naming the user's organisation for a recipient.</summary>
    public async Task<Outcome<List<Consent>>> ListAsync(Guid participantId, CancellationToken ct)
    {
        var grant = await access.FindAsync(participantId, ct);
        if (grant is null)
        {
            return Outcome.NotFound();
        }

        var query = db.Consents.Include(c => c.Recipients).Where(c => c.ParticipantId == participantId);
        if (!grant.OwnCase)
        {
            var mine = access.ConsentsToMe().Select(c => c.Id);
            query = query.Where(c => mine.Contains(c.Id));
        }

        var consents = await query.OrderByDescending(c => c.RecordedAt).ToListAsync(ct);
        await log.RecordAsync(AccessAction.Read, "Consent", null, participantId, resultIds: consents.Select(c => c.Id), ct: ct);
        return consents;
    }

    /// <summary>
    /// Withdraws a consent of a participant whose case the user's organisation holds. With <paramref name="ofParticipant"/>
    /// (a page for one participant) a consent of anyone else is not found, and nothing is withdrawn.
    /// </summary>
    public async Task<Outcome<Consent>> WithdrawAsync(Guid consentId, Guid? ofParticipant, CancellationToken ct)
    {
        var consent = await db.Consents.Include(c => c.Recipients).FirstOrDefaultAsync(c => c.Id == consentId, ct);
        if (consent is null || (ofParticipant is { } expected && consent.ParticipantId != expected))
        {
            await log.RecordAsync(AccessAction.Denied, "Consent", consentId, ofParticipant, ct: ct);
            return Outcome.NotFound();
        }

        // When the participant is out of reach, FindAsync has already logged the refusal: one attempt, one entry.
        var grant = await access.FindAsync(consent.ParticipantId, ct);
        if (grant is not { OwnCase: true })
        {
            if (grant is not null)
            {
                await log.RecordAsync(AccessAction.Denied, "Consent", consentId, consent.ParticipantId, "återkallelse utan eget ärende", ct: ct);
            }

            return Outcome.NotFound();
        }

        return await Outcome.Guard<Consent>(async () =>
        {
            consent.Withdraw(user.Id, Now);
            log.Add(AccessAction.Update, ConsentSeal.EntityType, consent.Id, consent.ParticipantId, "återkallelse", contentHash: ConsentSeal.Digest(consent));
            await db.SaveChangesAsync(ct);
            return consent;
        });
    }
}
