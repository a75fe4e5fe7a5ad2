using System.Globalization;
using System.Text;
using Arbetsvagen.Core.Participants;

namespace Arbetsvagen.Features.Kaa;

/// <summary>One valid line of a school-situation file.</summary>
public sealed record SchoolRow(int Line, string IdentityNumber, DateOnly Born, Gender Gender, string FirstName, string LastName, string? School,
    string? Programme, SchoolStatus Status, DateOnly StatusOn, string? Phone, string? Email, string? StreetAddress, string? PostalCode, string? City);

public sealed record FileProblem(int Line, string Reason);

/// <summary>A parsed file: its valid rows, its bad lines, and whether the file as a whole is refused (its header).</summary>
public sealed record SchoolFile(List<SchoolRow> Rows, List<FileProblem> Problems, bool Rejected)
{
    public int DataLines => Rows.Count + Problems.Count(p => p.Line > 1);
}

/// <summary>
/// Reads the regional pupil database's CSV of the school situation: <c>;</c>-separated, a header naming the columns
/// (any order), UTF-8 with or without BOM or Windows-1252 — decided per line, since files pasted together from two
/// sources mix them. Every bad line is reported by number and reason; an unknown or missing column refuses the file.
/// </summary>
public static class KaaSchoolFile
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    public const int MaxBytes = 32 * 1024 * 1024;

    /// <summary>The columns: the first seven are required. Their names as the pupil database writes them.</summary>
    public static readonly string[] Columns = ["personnummer", "förnamn", "efternamn", "skola", "program", "status", "datum", "telefon", "e-post", "adress", "postnummer", "ort"];
    private const int RequiredColumns = 7;

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fornamn"] = "förnamn", ["epost"] = "e-post", ["email"] = "e-post", ["gatuadress"] = "adress", ["statusdatum"] = "datum",
    };

    private static readonly Dictionary<string, SchoolStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["studerar"] = SchoolStatus.Studying, ["avbrott"] = SchoolStatus.Dropout, ["avslutat utan examen"] = SchoolStatus.LeftWithoutDiploma,
        ["examen"] = SchoolStatus.Graduated, ["okänd"] = SchoolStatus.Unknown, ["okand"] = SchoolStatus.Unknown,
    };

    public static string AllowedStatuses => "studerar, avbrott, avslutat utan examen, examen, okänd";

    public static SchoolFile Parse(byte[] bytes, DateOnly today)
    {
        var rows = new List<SchoolRow>();
        var problems = new List<FileProblem>();
        var lines = SplitLines(bytes);
        if (lines.Count == 0 || lines[0].Trim().Length == 0)
        {
            return new SchoolFile(rows, [new FileProblem(1, "Filen är tom: första raden ska vara en rubrikrad med kolumnerna " + string.Join(";", Columns[..RequiredColumns]) + ".")], true);
        }

        var header = Fields(lines[0]);
        var index = new Dictionary<string, int>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().ToLowerInvariant();
            name = Aliases.GetValueOrDefault(name, name);
            if (!Columns.Contains(name))
            {
                problems.Add(new FileProblem(1, $"Okänd kolumn \"{header[i].Trim()}\". Tillåtna kolumner: {string.Join(", ", Columns)}."));
            }
            else if (!index.TryAdd(name, i))
            {
                problems.Add(new FileProblem(1, $"Kolumnen \"{name}\" finns två gånger."));
            }
        }

        foreach (var missing in Columns[..RequiredColumns].Where(c => !index.ContainsKey(c)))
        {
            problems.Add(new FileProblem(1, $"Kolumnen \"{missing}\" saknas."));
        }

        if (problems.Count > 0)
        {
            return new SchoolFile(rows, problems, true);
        }

        var seen = new Dictionary<string, int>();
        for (var n = 1; n < lines.Count; n++)
        {
            var lineNumber = n + 1;
            if (lines[n].Trim().Length == 0)
            {
                continue;
            }

            var fields = Fields(lines[n]);
            if (fields.Count != header.Count)
            {
                problems.Add(new FileProblem(lineNumber, $"Raden har {fields.Count} fält men rubrikraden {header.Count}. Avgränsaren är semikolon (;)."));
                continue;
            }

            string? Get(string column) => index.TryGetValue(column, out var i) && fields[i].Trim() is { Length: > 0 } v ? v : null;
            var reasons = new List<string>();
            PersonalIdentityNumber? number = null;
            if (!PersonalIdentityNumber.TryParse(Get("personnummer"), today, out number, out var numberError))
            {
                reasons.Add($"Personnummer: {numberError}");
            }
            else if (!number.IsDateOfBirthComplete)
            {
                reasons.Add("Personnummer: samordningsnumret saknar fullständigt födelsedatum, så åldern kan inte avgöras.");
                number = null;
            }
            else if (!KaaRules.InAgeWindow(number.DateOfBirth, today))
            {
                reasons.Add($"Personen är {Age(number.DateOfBirth, today)} år och utanför aktivitetsansvaret (från 16 år till och med det halvår hen fyller 20).");
                number = null;
            }
            else if (seen.TryGetValue(number.Value, out var first))
            {
                reasons.Add($"Personnumret finns redan på rad {first}.");
                number = null;
            }

            var firstName = Text(Get("förnamn"), "förnamn", KaaYouth.MaxName, required: true, reasons);
            var lastName = Text(Get("efternamn"), "efternamn", KaaYouth.MaxName, required: true, reasons);
            var school = Text(Get("skola"), "skola", KaaYouth.MaxText, required: false, reasons);
            var programme = Text(Get("program"), "program", KaaYouth.MaxText, required: false, reasons);
            var statusText = Get("status");
            SchoolStatus status = default;
            if (statusText is null || !Statuses.TryGetValue(statusText.Trim(), out status))
            {
                reasons.Add(statusText is null ? $"Status saknas. Ange en av: {AllowedStatuses}." : $"Okänd status \"{statusText}\". Ange en av: {AllowedStatuses}.");
            }

            var dateText = Get("datum");
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var statusOn))
            {
                reasons.Add(dateText is null ? "Datum saknas (ÅÅÅÅ-MM-DD)." : $"Datumet \"{dateText}\" ska skrivas ÅÅÅÅ-MM-DD.");
            }
            else if (statusOn > today)
            {
                reasons.Add($"Datumet {dateText} ligger i framtiden.");
            }

            var phone = Text(Get("telefon"), "telefon", 40, required: false, reasons);
            var email = Text(Get("e-post"), "e-post", KaaYouth.MaxName, required: false, reasons);
            if (email is not null && !email.Contains('@', StringComparison.Ordinal))
            {
                reasons.Add($"E-postadressen \"{email}\" saknar @.");
            }

            var street = Text(Get("adress"), "adress", KaaYouth.MaxText, required: false, reasons);
            var postal = Text(Get("postnummer"), "postnummer", 10, required: false, reasons);
            var city = Text(Get("ort"), "ort", KaaYouth.MaxName, required: false, reasons);
            if (reasons.Count > 0 || number is null)
            {
                problems.Add(new FileProblem(lineNumber, string.Join(" ", reasons)));
                continue;
            }

            seen[number.Value] = lineNumber;
            var gender = number.IsMale ? Gender.Man : Gender.Woman;
            rows.Add(new SchoolRow(lineNumber, number.Value, number.DateOfBirth, gender, firstName!, lastName!, school, programme, status, statusOn,
                phone, email, street, postal, city));
        }

        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new FileProblem(2, "Filen har bara en rubrikrad och inga elever."));
            return new SchoolFile(rows, problems, true);
        }

        return new SchoolFile(rows, problems, rows.Count == 0);
    }

    private static int Age(DateOnly born, DateOnly today)
    {
        var age = today.Year - born.Year;
        return born.AddYears(age) > today ? age - 1 : age;
    }

    private static string? Text(string? value, string label, int max, bool required, List<string> reasons)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            if (required)
            {
                reasons.Add($"Ange {label}.");
            }

            return null;
        }

        if (v.Length > max)
        {
            reasons.Add($"{char.ToUpperInvariant(label[0])}{label[1..]} är för lång: högst {max} tecken.");
            return null;
        }

        return v;
    }

    /// <summary>Splits on line ends and decodes each line: UTF-8 where it is valid UTF-8, otherwise Windows-1252.</summary>
    private static List<string> SplitLines(byte[] bytes)
    {
        var lines = new List<string>();
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        for (var i = start; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && bytes[i] != (byte)'\n')
            {
                continue;
            }

            var end = i > start && bytes[i - 1] == (byte)'\r' ? i - 1 : i;
            var span = bytes.AsSpan(start, Math.Max(0, end - start));
            string text;
            try
            {
                text = StrictUtf8.GetString(span);
            }
            catch (DecoderFallbackException)
            {
                text = Windows1252.Value.GetString(span);
            }

            lines.Add(text);
            start = i + 1;
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    /// <summary>The fields of one line: <c>;</c>-separated, a field in double quotes may hold <c>;</c> and doubled quotes.</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"' && current.ToString().Trim().Length == 0)
            {
                current.Clear();
                quoted = true;
            }
            else if (c == ';')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
