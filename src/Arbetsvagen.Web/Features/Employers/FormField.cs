using Microsoft.AspNetCore.Mvc.Rendering;

namespace Arbetsvagen.Features.Employers;

/// <summary>
/// One labelled field of the register's forms, drawn by <c>_Field.cshtml</c> with its message (if any) beside it.
/// <paramref name="Key"/> is the model-state key the use case's message lands under ("Contact.Name"); the field's id is
/// the key with dots as underscores, which is where the error summary links. <paramref name="Name"/> is the posted name.
/// </summary>
public sealed record FormField(string Key, string Label, string? Value, string Type = "text", string? Hint = null,
    IEnumerable<SelectListItem>? Options = null, string? Name = null, string? Autocomplete = null)
{
    public string Id => Key.Replace('.', '_');
    public string PostedName => Name ?? Key;
}
