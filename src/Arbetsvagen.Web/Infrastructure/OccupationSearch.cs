using System.Globalization;
using System.Text;

namespace Arbetsvagen.Infrastructure;

/// <summary>What a typed occupation text stands for: one occupation, several to choose from, or none.</summary>
public abstract record OccupationResolution
{
    public sealed record One(Occupation Occupation) : OccupationResolution;

    /// <summary>Every match, best first (see <see cref="OccupationSearch.Matches"/>); a form shows the first few.</summary>
    public sealed record Several(IReadOnlyList<Occupation> Matches) : OccupationResolution;

    public sealed record None : OccupationResolution;
}

/// <summary>
/// Finds JobTech occupation names (yrkesbenämningar) from what a person types, so that nobody needs the exact
/// name: case and accents do not matter ("lakare" finds Läkare), and the text matches the start of the name or of
/// its words ("terminal" finds Lagerarbetare/Terminalarbetare; "sjuksköterska grund" finds
/// Sjuksköterska, grundutbildad). Since Swedish writes compounds as one word, a text of three or more characters
/// also matches inside a word ("sköterska" finds Undersköterska), after the others. So the best matches come first:
/// the name starts with the text, then a word does, then the text is inside; each group in Swedish order.
/// The pages' picker, its JSON endpoints and the no-JavaScript form all use this one search.
/// </summary>
public sealed class OccupationSearch
{
    public const int MaxResults = 20;
    public const int MaxTextLength = 100;

    /// <summary>Shorter texts only match at the start of a word: two letters are inside far too many names.</summary>
    private const int MinInsideLength = 3;

    private readonly Entry[] entries;

    public OccupationSearch(IEnumerable<Occupation> occupations) =>
        entries = occupations.OrderBy(o => o.Name, SwedishCollation.Comparer)
            .Select(o => new Entry(o, Normalize(o.Name)))
            .ToArray();

    /// <summary>Every occupation the text matches, best first; none for a blank text.</summary>
    public IReadOnlyList<Occupation> Matches(string? text)
    {
        var key = Normalize(text ?? "");
        if (key.Length == 0)
        {
            return [];
        }

        var words = key.Split(' ');
        var starts = new List<Occupation>();
        var wordMatches = new List<Occupation>();
        var inside = new List<Occupation>();
        foreach (var entry in entries)
        {
            if (entry.Key.StartsWith(key, StringComparison.Ordinal))
            {
                starts.Add(entry.Occupation);
            }
            else if (words.All(w => entry.Words.Any(n => n.StartsWith(w, StringComparison.Ordinal))))
            {
                wordMatches.Add(entry.Occupation);
            }
            else if (key.Length >= MinInsideLength && entry.Key.Contains(key, StringComparison.Ordinal))
            {
                inside.Add(entry.Occupation);
            }
        }

        return [.. starts, .. wordMatches, .. inside];
    }

    /// <summary>The first <see cref="MaxResults"/> matches, as the picker lists them.</summary>
    public IReadOnlyList<Occupation> Find(string? text) => [.. Matches(text).Take(MaxResults)];

    /// <summary>
    /// The occupation a typed text names: its exact name (case and accents aside), or the only match. Blank text is
    /// <see cref="OccupationResolution.None"/> too; callers skip blank fields.
    /// </summary>
    public OccupationResolution Resolve(string? text)
    {
        var key = Normalize(text ?? "");
        if (entries.FirstOrDefault(e => e.Key == key && key.Length > 0) is { } exact)
        {
            return new OccupationResolution.One(exact.Occupation);
        }

        return Matches(text) switch
        {
            [] => new OccupationResolution.None(),
            [var only] => new OccupationResolution.One(only),
            var several => new OccupationResolution.Several(several),
        };
    }

    /// <summary>
    /// The concept ids for the texts typed in a form's occupation fields (blank ones skipped). A text that names no
    /// occupation, or several, gives <paramref name="error"/>: one message naming the field by <paramref name="label"/>
    /// ("Erfarenhet") and the text; the form then lists the matches as choices (Infrastructure/Ui/_OccupationPicker).
    /// </summary>
    public IReadOnlyList<string> ConceptIds(IEnumerable<string?> texts, string label, out string? error)
    {
        error = null;
        var ids = new List<string>();
        foreach (var text in texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()))
        {
            switch (Resolve(text))
            {
                case OccupationResolution.One one:
                    ids.Add(one.Occupation.ConceptId);
                    break;
                case OccupationResolution.Several several:
                    error ??= $"{label}: {several.Matches.Count} yrken matchar \"{text}\". Välj ett av förslagen.";
                    break;
                default:
                    error ??= $"{label}: yrket \"{text}\" finns inte i yrkeslistan. Skriv början av namnet och välj ett förslag.";
                    break;
            }
        }

        return ids;
    }

    /// <summary>True when the text is an occupation's name as written (case aside): nothing left to resolve.</summary>
    public bool IsExactName(string? text) =>
        Resolve(text) is OccupationResolution.One one && string.Equals(one.Occupation.Name, text?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Lower case without accents (å → a, é → e), every run of other characters than letters and digits one space:
    /// "Lagerarbetare/Terminalarbetare" becomes "lagerarbetare terminalarbetare".
    /// </summary>
    public static string Normalize(string text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && result.Length > 0)
                {
                    result.Append(' ');
                }

                result.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return result.ToString();
    }

    private sealed record Entry(Occupation Occupation, string Key)
    {
        public string[] Words { get; } = Key.Split(' ');
    }
}
