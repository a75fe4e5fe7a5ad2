namespace Arbetsvagen.Infrastructure;

/// <summary>
/// One occupation field of a form, drawn by the partial <c>_OccupationPicker</c>: a text field that takes a part of
/// the name. Without JavaScript the server resolves the text when the form is posted (see
/// <see cref="OccupationSearch.ConceptIds"/>); when the text matches several occupations the form comes back with
/// them listed as choices at the field. With JavaScript (wwwroot/js/occupation-picker.js) the field becomes a
/// combobox that asks <c>/Occupations/Search</c> while one types. The page never carries the whole list.
/// </summary>
/// <param name="Name">The posted name, e.g. <c>ExperienceNames[0]</c>.</param>
/// <param name="Id">The text field's id (the error summary links to the first field's).</param>
/// <param name="Label">The field's label, e.g. "Erfarenhet 1".</param>
/// <param name="Value">The text as typed or as stored (an occupation's name).</param>
/// <param name="ErrorId">The id of the message shown for this group of fields, when there is one.</param>
public sealed record OccupationPicker(string Name, string Id, string Label, string? Value, string? ErrorId = null)
{
    public const string SearchPath = "/Occupations/Search";

    private static OccupationSearch Search => ReferenceData.Instance.OccupationSearch;

    /// <summary>The message concerns this field: its text is filled in but is not one occupation's name.</summary>
    public bool Invalid => ErrorId is not null && !string.IsNullOrWhiteSpace(Value) && !Search.IsExactName(Value);

    /// <summary>Every occupation the text matches, when the field is <see cref="Invalid"/>; the partial shows the first ones.</summary>
    public IReadOnlyList<Occupation> Matches => !Invalid ? [] : Search.Resolve(Value) switch
    {
        OccupationResolution.One one => [one.Occupation],
        OccupationResolution.Several several => several.Matches,
        _ => [],
    };

    public IReadOnlyList<Occupation> Choices => [.. Matches.Take(OccupationSearch.MaxResults)];

    /// <summary>What the choices are, in words: how many match, and what to do when the wanted one is not among them.</summary>
    public string ChoicesText
    {
        get
        {
            var count = Matches.Count;
            var matched = count == 1 ? $"Ett yrke matchar \"{Value!.Trim()}\"" : $"{count} yrken matchar \"{Value!.Trim()}\"";
            var shown = count > OccupationSearch.MaxResults ? $", här visas de {OccupationSearch.MaxResults} första" : "";
            return $"{matched}{shown}. Välj ett, eller ändra texten i fältet {Label} och spara igen.";
        }
    }
}
