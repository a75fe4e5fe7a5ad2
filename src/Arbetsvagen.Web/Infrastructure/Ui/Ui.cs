using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Arbetsvagen.Infrastructure;

/// <summary>Small formatting and form helpers shared by the pages.</summary>
public static class Ui
{
    private static readonly CultureInfo Swedish = SwedishCollation.Culture;

    public static List<SelectListItem> Options<T>(string? selected, bool includeEmpty = false) where T : struct, Enum
    {
        var items = EnumText.Values<T>().Select(v => new SelectListItem(EnumText.Label(v), EnumText.ApiName(v), EnumText.ApiName(v) == selected)).ToList();
        if (includeEmpty)
        {
            items.Insert(0, new SelectListItem("Välj …", ""));
        }

        return items;
    }

    /// <summary>Puts API-style field errors (camelCase) on the form fields of <paramref name="prefix"/>.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IDictionary<string, string[]> errors, string prefix)
    {
        foreach (var (field, messages) in errors)
        {
            var key = FieldKey(field, prefix);
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }
    }

    /// <summary>The form field's model-state key for an API field name: "enrolledOn" with prefix "Enrolment" is "Enrolment.EnrolledOn".</summary>
    public static string FieldKey(string field, string prefix)
    {
        var name = $"{char.ToUpperInvariant(field[0])}{field[1..]}";
        return prefix.Length == 0 ? name : $"{prefix}.{name}";
    }

    public static string IdentityNumber(string value) =>
        value.Length == 12 && value.All(char.IsAsciiDigit) ? $"{value[..8]}-{value[8..]}" : value;

    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), SwedishTime.Zone).ToString("yyyy-MM-dd HH:mm", Swedish);

    /// <summary>A change between two periods as people read it: "+25 %", "−10 %", or "ny" when the period before had none.</summary>
    public static string Change(int now, int before) => before == 0
        ? (now == 0 ? "–" : "ny")
        : ((now - before) * 100.0 / before).ToString("+0;−0;0", System.Globalization.CultureInfo.GetCultureInfo("sv-SE")) + " %";

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", Swedish) ?? "–";

    public static string YesNo(bool value) => value ? "Ja" : "Nej";
}
