using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;

namespace Arbetsvagen.Infrastructure;

/// <summary>Enum values as the API writes them (camelCase) and as the UI shows them (Swedish display names).</summary>
public static class EnumText
{
    private static readonly ConcurrentDictionary<Enum, string> Labels = new();

    public static string ApiName<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The Swedish label; for a combination of flags, the labels of each flag joined with commas.</summary>
    public static string Label(Enum value) => Labels.GetOrAdd(value, v =>
        v.GetType().IsDefined(typeof(FlagsAttribute), false) && !Enum.IsDefined(v.GetType(), v)
            ? string.Join(", ", Enum.GetValues(v.GetType()).Cast<Enum>()
                .Where(f => Convert.ToInt64(f, System.Globalization.CultureInfo.InvariantCulture) != 0 && v.HasFlag(f)).Select(Label))
            : v.GetType().GetField(v.ToString())?.GetCustomAttribute<DisplayAttribute>()?.Name ?? v.ToString());

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || int.TryParse(text, out _))
        {
            return false;
        }

        if (Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value))
        {
            return true;
        }

        // The Swedish label is accepted too, since that is what a message names.
        var label = text.Trim();
        foreach (var candidate in Values<T>())
        {
            if (string.Equals(Label(candidate), label, StringComparison.CurrentCultureIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    public static IEnumerable<T> Values<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0 || !typeof(T).IsDefined(typeof(FlagsAttribute)));

    /// <summary>Flags as a list of API names, e.g. ["youth", "newlyArrived"].</summary>
    public static List<string> FlagNames<T>(T flags) where T : struct, Enum =>
        Values<T>().Where(v => flags.HasFlag(v)).Select(ApiName).ToList();

}
