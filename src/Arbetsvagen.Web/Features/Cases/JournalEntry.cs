using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Infrastructure;
using ValidationException = Arbetsvagen.Infrastructure.ValidationException;

namespace Arbetsvagen.Features.Cases;

public enum JournalEntryType
{
    [Display(Name = "Kontakt")] Contact,
    [Display(Name = "Samtal")] Conversation,
    [Display(Name = "Händelse")] Event,
    [Display(Name = "Beslutsunderlag")] DecisionBasis,
    [Display(Name = "Automatisk")] Automatic,
}

/// <summary>
/// A journal entry (journalanteckning) in a case. Author and time are set by the server. Once signed it never
/// changes: a correction is a new signed-later entry that points at the original, which stays readable.
/// </summary>
public class JournalEntry
{
    public const int MaxTextLength = 8000;

    private JournalEntry() { }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public JournalEntryType Type { get; private set; }
    public string Text { get; private set; } = "";
    public Guid AuthorUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? SignedAt { get; private set; }
    public Guid? CorrectsEntryId { get; private set; }
    public DateTime? UpdatedAt { get; private set; }

    public bool IsSigned => SignedAt is not null;

    public static JournalEntry Write(Guid caseId, JournalEntryType type, string text, Guid author, DateTime now)
    {
        if (type == JournalEntryType.Automatic)
        {
            throw new ValidationException("type", "Automatiska anteckningar skapas bara av systemet.");
        }

        return new JournalEntry { Id = Guid.NewGuid(), CaseId = caseId, Type = type, Text = CheckText(text), AuthorUserId = author, CreatedAt = now };
    }

    /// <summary>Written by the system when something happens elsewhere in the case; signed at once.</summary>
    public static JournalEntry Automatic(Guid caseId, string text, Guid by, DateTime now) => new()
    {
        Id = Guid.NewGuid(), CaseId = caseId, Type = JournalEntryType.Automatic, Text = text, AuthorUserId = by, CreatedAt = now, SignedAt = now,
    };

    public void Edit(string text, Guid by, DateTime now)
    {
        if (IsSigned)
        {
            throw new ConflictException("En signerad anteckning kan inte ändras. Skriv en rättelse i stället.");
        }

        RequireAuthor(by);
        Text = CheckText(text);
        UpdatedAt = now;
    }

    public void Sign(Guid by, DateTime now)
    {
        if (IsSigned)
        {
            throw new ConflictException("Anteckningen är redan signerad.");
        }

        RequireAuthor(by);
        SignedAt = now;
    }

    public JournalEntry Correct(string text, Guid by, DateTime now)
    {
        if (!IsSigned)
        {
            throw new ConflictException("En osignerad anteckning ändras direkt; rättelser görs av signerade anteckningar.");
        }

        return new JournalEntry
        {
            Id = Guid.NewGuid(), CaseId = CaseId, Type = Type == JournalEntryType.Automatic ? JournalEntryType.Event : Type,
            Text = CheckText(text), AuthorUserId = by, CreatedAt = now, SignedAt = now, CorrectsEntryId = Id,
        };
    }

    private void RequireAuthor(Guid by)
    {
        if (by != AuthorUserId)
        {
            throw new ConflictException("Bara den som skrev anteckningen kan ändra eller signera den.");
        }
    }

    /// <summary>
    /// Reads an entry's text into <paramref name="errors"/> the way every write of an entry does, so a form can name
    /// all its bad fields in one answer and the entity still refuses a bad text on its own.
    /// </summary>
    public static string? ReadText(Dictionary<string, string[]> errors, string? text) =>
        Input.Text(errors, "text", text, "anteckningens text", MaxTextLength);

    private static string CheckText(string? text)
    {
        var errors = new Dictionary<string, string[]>();
        return ReadText(errors, text) ?? throw new ValidationException(errors);
    }
}
