using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Core.Participants;

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

    public const int MaxValidityYears = 3;
    public const int MaxPurposeLength = 1000;

    /// <summary>
    /// Records a consent as the person gave it. Adds its rule violations to <paramref name="errors"/> (which may already
    /// hold the caller's parse errors) and throws if there are any, so nothing is stored from bad input. Identity is always
    /// shared: without it the recipient could not tell whom the data is about.
    /// </summary>
    public static Consent Give(Guid participantId, Guid ownerOrganisationId, IReadOnlyCollection<Guid> recipients,
        DataCategories categories, string purpose, DateTime givenAt, ConsentForm form, Guid documentedBy, DateOnly validUntil, DateTime now,
        Dictionary<string, string[]>? errors = null)
    {
        errors ??= [];
        var today = SwedishTime.Today(now);
        if (recipients.Count == 0)
        {
            errors.TryAdd("recipientOrganisationIds", ["Välj minst en mottagande organisation."]);
        }

        var text = purpose.Trim();
        if (text.Length == 0)
        {
            errors.TryAdd("purpose", ["Ange syftet med samtycket."]);
        }
        else if (text.Length > MaxPurposeLength)
        {
            errors.TryAdd("purpose", [$"Syftet är för långt: högst {MaxPurposeLength} tecken, nu {text.Length}."]);
        }

        // A few minutes' grace: the clock of the device the date was read from may run ahead.
        if (givenAt > now.AddMinutes(5))
        {
            errors.TryAdd("givenAt", ["Ett samtycke kan inte vara givet i framtiden."]);
        }

        if (validUntil < today)
        {
            errors.TryAdd("validUntil", ["Sista giltighetsdag kan inte ligga före i dag."]);
        }
        else if (validUntil > SwedishTime.Today(givenAt).AddYears(MaxValidityYears))
        {
            errors.TryAdd("validUntil", [$"Ett samtycke kan gälla högst {MaxValidityYears} år. Be om ett nytt samtycke därefter."]);
        }

        if (errors.Count > 0)
        {
            throw new Infrastructure.ValidationException(errors);
        }

        var id = Guid.NewGuid();
        return new Consent
        {
            Id = id,
            ParticipantId = participantId,
            OwnerOrganisationId = ownerOrganisationId,
            Categories = categories | DataCategories.Identity,
            Purpose = text,
            GivenAt = givenAt,
            Form = form,
            DocumentedByUserId = documentedBy,
            ValidUntil = validUntil,
            RecordedAt = now,
            Recipients = recipients.Distinct().Select(r => new ConsentRecipient { ConsentId = id, OrganisationId = r }).ToList(),
        };
    }

    /// <summary>
    /// "Active" written once: given, not withdrawn, and not past its last day in Sweden. <see cref="ActiveAt"/> puts it
    /// in a query, <see cref="IsActive"/> evaluates the same expression in memory.
    /// </summary>
    private static readonly Expression<Func<Consent, Moment, bool>> ActiveRule =
        (c, at) => c.WithdrawnAt == null && c.GivenAt <= at.Now && c.ValidUntil >= at.Today;

    private static readonly Func<Consent, Moment, bool> ActiveCompiled = ActiveRule.Compile();

    /// <summary>The moment a consent is judged at; a class so that EF sends its values as query parameters.</summary>
    private sealed record Moment(DateTime Now, DateOnly Today)
    {
        public static Moment At(DateTime now) => new(now, SwedishTime.Today(now));
    }

    /// <summary>Consents active at <paramref name="now"/>, for <c>Where</c> in a query.</summary>
    public static Expression<Func<Consent, bool>> ActiveAt(DateTime now)
    {
        var consent = ActiveRule.Parameters[0];
        var moment = Expression.Constant(Moment.At(now));
        return Expression.Lambda<Func<Consent, bool>>(new Replace(ActiveRule.Parameters[1], moment).Visit(ActiveRule.Body), consent);
    }

    public bool IsActive(DateTime now) => ActiveCompiled(this, Moment.At(now));

    private sealed class Replace(ParameterExpression parameter, Expression with) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? with : node;
    }

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
