using System.Globalization;
using System.Text;

namespace Arbetsvagen.Features.Governance;

/// <summary>
/// A small iCalendar (RFC 5545) writer for all-day events: CRLF line ends, content lines folded at 75 octets without
/// splitting a UTF-8 character, TEXT values escaped (backslash, semicolon, comma, newline), and each event with its
/// UID and DTSTAMP. Enough for the annual cycle; no library needed for so little.
/// </summary>
public sealed class ICalendar
{
    private const int MaxOctets = 75;
    private readonly StringBuilder text = new();
    private readonly string stamp;

    public ICalendar(string productId, string name, DateTime nowUtc)
    {
        stamp = nowUtc.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:" + productId);
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(name));
    }

    public void AllDay(string uid, DateOnly date, string summary, string? description, string category, bool yearly)
    {
        Line("BEGIN:VEVENT");
        Line("UID:" + uid);
        Line("DTSTAMP:" + stamp);
        Line("DTSTART;VALUE=DATE:" + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        Line("DTEND;VALUE=DATE:" + date.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        if (yearly)
        {
            Line("RRULE:FREQ=YEARLY");
        }

        Line("SUMMARY:" + Escape(summary));
        if (!string.IsNullOrWhiteSpace(description))
        {
            Line("DESCRIPTION:" + Escape(description));
        }

        Line("CATEGORIES:" + Escape(category));
        Line("TRANSP:TRANSPARENT");
        Line("END:VEVENT");
    }

    public override string ToString() => text + "END:VCALENDAR\r\n";

    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Writes one content line, folded: at most 75 octets a line, continuation lines starting with a space.</summary>
    private void Line(string line)
    {
        var octets = 0;
        var limit = MaxOctets;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1; // the leading space counts
            }

            text.Append(rune.ToString());
            octets += size;
        }

        text.Append("\r\n");
    }
}
