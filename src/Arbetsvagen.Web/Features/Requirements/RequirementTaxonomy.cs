using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Requirements;

/// <summary>One entry of a taxonomy list a requirement names: its code or concept id, and the Swedish label people read.</summary>
public sealed record TaxonomyEntry(string Id, string Label);

/// <summary>
/// The two JobTech lists a requirement profile names by id: the SSYK 2012 unit groups (four digits) for occupation
/// experience, and the skills (kompetensbegrepp) by concept id. Shipped in the assembly (ReferenceData/SOURCES.md),
/// each searchable by label the way the occupation picker searches occupation names.
/// </summary>
public sealed class RequirementTaxonomy
{
    public static readonly RequirementTaxonomy Instance = new();

    private RequirementTaxonomy()
    {
        OccupationGroups = new LabelSearch(Read("ssyk-level-4-groups.csv"));
        Skills = new LabelSearch(Read("skills.csv"));
    }

    /// <summary>SSYK-4 groups by code ("8331" → "Buss- och spårvagnsförare").</summary>
    public LabelSearch OccupationGroups { get; }

    /// <summary>JobTech skills by concept id.</summary>
    public LabelSearch Skills { get; }

    // id,label — the id never holds a comma, the label may, so the line splits at its first comma.
    private static IEnumerable<TaxonomyEntry> Read(string file) => ReferenceData.ReadLines(file).Skip(1)
        .Select(line => line.Split(',', 2)).Select(f => new TaxonomyEntry(f[0], f[1]));
}

/// <summary>
/// A list of labelled ids searched by label: case and accents aside, names that start with the text first, then
/// those where a word does, then (three characters or more) those that contain it; each group in Swedish order.
/// </summary>
public sealed class LabelSearch
{
    public const int MaxResults = 20;
    private const int MinInsideLength = 3;

    private readonly (TaxonomyEntry Entry, string Key, string[] Words)[] entries;
    private readonly Dictionary<string, TaxonomyEntry> byId;

    public LabelSearch(IEnumerable<TaxonomyEntry> list)
    {
        entries = list.OrderBy(e => e.Label, SwedishCollation.Comparer)
            .Select(e => (e, OccupationSearch.Normalize(e.Label), OccupationSearch.Normalize(e.Label).Split(' '))).ToArray();
        byId = entries.ToDictionary(e => e.Entry.Id, e => e.Entry, StringComparer.Ordinal);
    }

    public int Count => entries.Length;

    public IEnumerable<TaxonomyEntry> All => entries.Select(e => e.Entry);

    public TaxonomyEntry? ById(string? id) => id is not null && byId.TryGetValue(id.Trim(), out var e) ? e : null;

    public string LabelOf(string id) => ById(id)?.Label ?? id;

    /// <summary>Every entry the text matches, best first; none for a blank text.</summary>
    public IReadOnlyList<TaxonomyEntry> Matches(string? text)
    {
        var key = OccupationSearch.Normalize(text ?? "");
        if (key.Length == 0)
        {
            return [];
        }

        var words = key.Split(' ');
        List<TaxonomyEntry> starts = [], wordMatches = [], inside = [];
        foreach (var (entry, name, nameWords) in entries)
        {
            if (name.StartsWith(key, StringComparison.Ordinal))
            {
                starts.Add(entry);
            }
            else if (words.All(w => nameWords.Any(n => n.StartsWith(w, StringComparison.Ordinal))))
            {
                wordMatches.Add(entry);
            }
            else if (key.Length >= MinInsideLength && name.Contains(key, StringComparison.Ordinal))
            {
                inside.Add(entry);
            }
        }

        return [.. starts, .. wordMatches, .. inside];
    }

    public IReadOnlyList<TaxonomyEntry> Find(string? text) => [.. Matches(text).Take(MaxResults)];

    /// <summary>The entry a typed text names: its id, its exact label (case and accents aside), or its only match; else the matches (maybe none).</summary>
    public (TaxonomyEntry? One, IReadOnlyList<TaxonomyEntry> Matches) Resolve(string text)
    {
        if (ById(text) is { } exactId)
        {
            return (exactId, [exactId]);
        }

        var key = OccupationSearch.Normalize(text);
        if (key.Length > 0 && entries.FirstOrDefault(e => e.Key == key).Entry is { } exact)
        {
            return (exact, [exact]);
        }

        var matches = Matches(text);
        return (matches.Count == 1 ? matches[0] : null, matches);
    }
}
