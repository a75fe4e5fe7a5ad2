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
    public const int MaxValidityYears = 3;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public abstract record Result
    {
        public sealed record Saved(Consent Consent) : Result;
        public sealed record Invalid(Dictionary<string, string[]> Errors) : Result;
        public sealed record NotFound : Result;
    }

    public async Task<Result> GiveAsync(Guid participantId, ConsentInput input, CancellationToken ct)
    {
        var grant = await access.FindAsync(participantId, ct);
        if (grant is null)
        {
            return new Result.NotFound();
        }

        if (!grant.OwnCase)
        {
            await log.RecordAsync(AccessAction.Denied, "Consent", null, participantId, "samtycke kan bara dokumenteras av ärendets ägare", ct: ct);
            throw new ForbiddenException();
        }

        var errors = new Dictionary<string, string[]>();
        var today = SwedishTime.Today(Now);
        var recipients = (input.RecipientOrganisationIds ?? []).Distinct().ToList();
        if (recipients.Count == 0)
        {
            errors["recipientOrganisationIds"] = ["Välj minst en mottagande organisation."];
        }
        else
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

        var categories = DataCategories.Identity;
        foreach (var text in input.Categories ?? [])
        {
            if (EnumText.TryParse<DataCategories>(text, out var category) && category != DataCategories.None)
            {
                categories |= category;
            }
            else
            {
                errors["categories"] = [$"Okänd uppgiftskategori: {text}."];
            }
        }

        if (string.IsNullOrWhiteSpace(input.Purpose))
        {
            errors["purpose"] = ["Ange syftet med samtycket."];
        }
        else if (input.Purpose.Trim().Length > 1000)
        {
            errors["purpose"] = ["Syftet får vara högst 1000 tecken."];
        }

        if (!EnumText.TryParse<ConsentForm>(input.Form, out var form))
        {
            errors["form"] = ["Ange om samtycket är skriftligt (written) eller muntligt (oral)."];
        }

        var givenAt = Now;
        if (!string.IsNullOrWhiteSpace(input.GivenAt))
        {
            if (DateOnly.TryParseExact(input.GivenAt.Trim(), "yyyy-MM-dd", out var givenDay))
            {
                givenAt = givenDay == today ? Now : SwedishTime.StartOfDayUtc(givenDay);
            }
            else if (DateTime.TryParse(input.GivenAt, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
            {
                givenAt = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            }
            else
            {
                errors["givenAt"] = ["Datumet då samtycket gavs ska skrivas ÅÅÅÅ-MM-DD."];
            }

            if (givenAt > Now.AddMinutes(5))
            {
                errors["givenAt"] = ["Ett samtycke kan inte vara givet i framtiden."];
            }
        }

        if (!DateOnly.TryParseExact(input.ValidUntil?.Trim(), "yyyy-MM-dd", out var validUntil))
        {
            errors["validUntil"] = ["Ange sista giltighetsdag som ÅÅÅÅ-MM-DD."];
        }
        else if (validUntil < today)
        {
            errors["validUntil"] = ["Sista giltighetsdag kan inte ligga före i dag."];
        }
        else if (validUntil > SwedishTime.Today(givenAt).AddYears(MaxValidityYears))
        {
            errors["validUntil"] = [$"Ett samtycke kan gälla högst {MaxValidityYears} år. Be om ett nytt samtycke därefter."];
        }

        if (errors.Count > 0)
        {
            return new Result.Invalid(errors);
        }

        var consent = Consent.Give(participantId, grant.Participant.OwnerOrganisationId, recipients, categories, input.Purpose!, givenAt,
            form, user.Id, validUntil, Now);
        db.Consents.Add(consent);
        log.Add(AccessAction.Create, "Consent", consent.Id, participantId);
        await db.SaveChangesAsync(ct);
        return new Result.Saved(consent);
    }

    /// <summary>Consents of a participant the user may see: all of them for the case holder, only those naming the user's organisation for a recipient.</summary>
    public async Task<List<Consent>?> ListAsync(Guid participantId, CancellationToken ct)
    {
        var grant = await access.FindAsync(participantId, ct);
        if (grant is null)
        {
            return null;
        }

        var query = db.Consents.Include(c => c.Recipients).Where(c => c.ParticipantId == participantId);
        if (!grant.OwnCase)
        {
            var mine = access.ConsentsToMe().Select(c => c.Id);
            query = query.Where(c => mine.Contains(c.Id));
        }

        var consents = await query.OrderByDescending(c => c.RecordedAt).ToListAsync(ct);
        log.Add(AccessAction.Read, "Consent", null, participantId, resultIds: consents.Select(c => c.Id));
        await db.SaveChangesAsync(ct);
        return consents;
    }

    public async Task<Consent?> WithdrawAsync(Guid consentId, CancellationToken ct)
    {
        var consent = await db.Consents.Include(c => c.Recipients).FirstOrDefaultAsync(c => c.Id == consentId, ct);
        var grant = consent is null ? null : await access.FindAsync(consent.ParticipantId, ct);
        if (consent is null || grant is not { OwnCase: true })
        {
            // When the participant is out of reach, FindAsync has already logged the refusal: one attempt, one entry.
            if (consent is null)
            {
                await log.RecordAsync(AccessAction.Denied, "Consent", consentId, ct: ct);
            }
            else if (grant is not null)
            {
                await log.RecordAsync(AccessAction.Denied, "Consent", consentId, consent.ParticipantId, "återkallelse utan eget ärende", ct: ct);
            }

            return null;
        }

        consent.Withdraw(user.Id, Now);
        log.Add(AccessAction.Update, "Consent", consent.Id, consent.ParticipantId, "återkallelse");
        await db.SaveChangesAsync(ct);
        return consent;
    }
}
