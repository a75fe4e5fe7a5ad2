namespace Arbetsvagen.Infrastructure;

/// <summary>
/// Reading API and form text into values, collecting a Swedish message per field instead of stopping at the first
/// error, so one answer names every bad field.
/// </summary>
public static class Input
{
    public static T Enum<T>(Dictionary<string, string[]> errors, string field, string? text, string message) where T : struct, System.Enum
    {
        if (EnumText.TryParse<T>(text, out var value))
        {
            return value;
        }

        errors[field] = [$"{message}. Välj en av: {string.Join(", ", EnumText.Values<T>().Select(v => EnumText.Label(v)))}."];
        return default;
    }

    /// <summary>A date written ÅÅÅÅ-MM-DD; blank is an error only when <paramref name="required"/>.</summary>
    public static DateOnly? Date(Dictionary<string, string[]> errors, string field, string? text, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors[field] = ["Ange ett datum (ÅÅÅÅ-MM-DD)."];
            }

            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = ["Datum skrivs ÅÅÅÅ-MM-DD."];
        return null;
    }
}
