using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Arbetsvagen.Features.Governance;

/// <summary>One labelled form field with its message, as _GovernanceField draws it: input, date, text area or select.</summary>
public sealed record GovernanceField(string Name, string Label, string? Value, string? Error, string Type = "text", List<SelectListItem>? Options = null,
    string? Hint = null)
{
    public string Id => Name.Replace('.', '_');

    /// <summary>The field "Prefix.Key" with the message the page's ModelState holds for it.</summary>
    public static GovernanceField For(ModelStateDictionary state, string prefix, string key, string label, string? value, string type = "text",
        List<SelectListItem>? options = null, string? hint = null)
    {
        var name = $"{prefix}.{key}";
        var error = state.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
        return new GovernanceField(name, label, value, error, type, options, hint);
    }
}
