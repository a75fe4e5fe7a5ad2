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

        errors[field] = [$"{message}. Välj en av: {Allowed<T>()}."];
        return default;
    }

    /// <summary>
    /// A combination of flags given as a list of values (API names or Swedish labels); an unknown value is an error
    /// that names the allowed ones by their Swedish labels.
    /// </summary>
    public static T Flags<T>(Dictionary<string, string[]> errors, string field, IEnumerable<string>? texts, string message) where T : struct, System.Enum
    {
        long flags = 0;
        foreach (var text in texts ?? [])
        {
            var known = EnumText.TryParse<T>(text, out var value);
            var bits = known ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (bits == 0)
            {
                errors[field] = [$"{message}. Välj bland: {Allowed<T>()}."];
            }

            flags |= bits;
        }

        return (T)System.Enum.ToObject(typeof(T), flags);
    }

    private static string Allowed<T>() where T : struct, System.Enum => string.Join(", ", EnumText.Values<T>().Select(v => EnumText.Label(v)));

    /// <summary>
    /// A date written ÅÅÅÅ-MM-DD; blank is an error only when <paramref name="required"/>. <paramref name="label"/> is the
    /// field's Swedish name as the form shows it ("startdatum"), so that the message says which date is wrong.
    /// </summary>
    public static DateOnly? Date(Dictionary<string, string[]> errors, string field, string? text, string label, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors[field] = [$"Ange {label} (ÅÅÅÅ-MM-DD)."];
            }

            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = [$"{Capitalised(label)} ska skrivas ÅÅÅÅ-MM-DD."];
        return null;
    }

    /// <summary>
    /// A free text, trimmed; null when blank. A missing required text and a too long one get different messages, both
    /// naming the field by its Swedish <paramref name="label"/>.
    /// </summary>
    public static string? Text(Dictionary<string, string[]> errors, string field, string? text, string label, int maxLength, bool required = true)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                errors[field] = [$"Ange {label}."];
            }

            return null;
        }

        if (trimmed.Length > maxLength)
        {
            errors[field] = [$"{Capitalised(label)} är för lång: högst {maxLength} tecken, nu {trimmed.Length}."];
            return null;
        }

        return trimmed;
    }

    private static string Capitalised(string label) => label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];
}
