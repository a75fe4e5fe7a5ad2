using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Core.Consents;

[Flags]
public enum DataCategories
{
    None = 0,
    [Display(Name = "Identitet och kontaktuppgifter")] Identity = 1,
    [Display(Name = "Utbildning, språk och arbetslivserfarenhet")] Background = 2,
    [Display(Name = "Ärende, planering och insatser")] CaseAndPlan = 4,
    [Display(Name = "Närvaro")] Attendance = 8,
    [Display(Name = "Hälsa, funktionsnedsättning och arbetsförmåga (känsliga)")] Health = 16,
}

public enum ConsentForm
{
    [Display(Name = "Skriftligt")] Written,
    [Display(Name = "Muntligt")] Oral,
}

/// <summary>
/// The person's consent to share named data categories with named organisations. Immutable once given:
/// a change is a new consent; withdrawal stops sharing at once.
/// </summary>
public class Consent
{
    private Consent() { }

    public Guid Id { get; private set; }
    public Guid ParticipantId { get; private set; }
    public Guid OwnerOrganisationId { get; private set; }
    public DataCategories Categories { get; private set; }
    public string Purpose { get; private set; } = "";
    public DateTime GivenAt { get; private set; }
    public ConsentForm Form { get; private set; }
    public Guid DocumentedByUserId { get; private set; }
    public DateOnly ValidUntil { get; private set; }
    public DateTime? WithdrawnAt { get; private set; }
    public Guid? WithdrawnByUserId { get; private set; }
    public DateTime RecordedAt { get; private set; }
    public List<ConsentRecipient> Recipients { get; private set; } = [];

    public static Consent Give(Guid participantId, Guid ownerOrganisationId, IReadOnlyCollection<Guid> recipients,
        DataCategories categories, string purpose, DateTime givenAt, ConsentForm form, Guid documentedBy, DateOnly validUntil, DateTime now)
    {
        var id = Guid.NewGuid();
        return new Consent
        {
            Id = id,
            ParticipantId = participantId,
            OwnerOrganisationId = ownerOrganisationId,
            Categories = categories,
            Purpose = purpose.Trim(),
            GivenAt = givenAt,
            Form = form,
            DocumentedByUserId = documentedBy,
            ValidUntil = validUntil,
            RecordedAt = now,
            Recipients = recipients.Distinct().Select(r => new ConsentRecipient { ConsentId = id, OrganisationId = r }).ToList(),
        };
    }

    public bool IsActive(DateTime now) => WithdrawnAt is null && GivenAt <= now && ValidUntil >= SwedishTime.Today(now);

    public void Withdraw(Guid by, DateTime now)
    {
        if (WithdrawnAt is not null)
        {
            throw new ConflictException("Samtycket är redan återkallat.");
        }

        WithdrawnAt = now;
        WithdrawnByUserId = by;
    }
}

public class ConsentRecipient
{
    public Guid ConsentId { get; set; }
    public Guid OrganisationId { get; set; }
}
