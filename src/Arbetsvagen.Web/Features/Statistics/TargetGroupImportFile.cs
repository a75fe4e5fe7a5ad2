using System.Globalization;
using System.Text;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Statistics;

/// <summary>One line of an imported file: a municipality, month, status (null = the whole municipality) and gender (null = totalt).</summary>
public sealed record ImportedLine(int Line, string MunicipalityCode, DateOnly Month, AfStatus? Status, Gender? Gender,
    long? Registered, long? ShortEducated, long? EducationDuty, long? Disability, long? SocialAssistance, long? Population,
    decimal? ShortEducatedShare, decimal? DisabilityShare, decimal? SocialAssistanceShare)
{
    public long? Of(Measure measure) => measure switch
    {
        Measure.Registered => Registered,
        Measure.ShortEducated => ShortEducated,
        Measure.EducationDuty => EducationDuty,
        Measure.Disability => Disability,
        _ => SocialAssistance,
    };
}

/// <summary>
/// Arbetsförmedlingen's figures as a CSV file, template version 1 (documented in docs/statistics-import.md, example at
/// <c>GET /api/v1/statistics/imports/template</c>). Read whole or not at all: any line that cannot be understood rejects
/// the file with a line-by-line report. Accepted without asking: UTF-8 with or without BOM or Windows-1252 (Excel's
/// Swedish "CSV"), ";" or "," as separator, column names in any order and case, spaces as thousands separators, a
/// line repeated exactly (kept once, with a warning).
/// </summary>
public static class TargetGroupImportFile
{
    public const int Version = 1;

    public static readonly string[] Required = ["kommunkod", "månad", "status", "kön"];

    public static readonly string[] CountColumns = ["inskrivna", "kortutbildade", "utbildningsplikt", "funktionsnedsättning", "försörjningsstöd", "befolkning"];

    public static readonly string[] ShareColumns = ["andel kortutbildade", "andel funktionsnedsättning", "andel försörjningsstöd"];

    public const string AllStatuses = "alla";

    public const string Template =
        "kommunkod;månad;status;kön;inskrivna;kortutbildade;utbildningsplikt;funktionsnedsättning;försörjningsstöd;befolkning;andel kortutbildade\r\n" +
        "0160;2026-10;Etableringsprogrammet;Kvinnor;38;21;9;3;12;;55,3\r\n" +
        "0160;2026-10;Etableringsprogrammet;Män;31;14;6;2;8;;45,2\r\n" +
        "0160;2026-10;Etableringsprogrammet;Uppgift saknas;0;0;0;0;0;;\r\n" +
        "0160;2026-10;Etableringsprogrammet;Totalt;69;35;15;5;20;;50,7\r\n" +
        "0160;2026-10;Jobb- och utvecklingsgarantin;Kvinnor;112;40;;14;31;;\r\n" +
        "0160;2026-10;Jobb- och utvecklingsgarantin;Män;127;45;;19;28;;\r\n" +
        "0160;2026-10;Jobbgarantin för ungdomar;Kvinnor;22;6;;2;5;;\r\n" +
        "0160;2026-10;Jobbgarantin för ungdomar;Män;29;9;;4;7;;\r\n" +
        "0160;2026-10;Öppet arbetslösa;Kvinnor;140;35;;11;18;;\r\n" +
        "0160;2026-10;Öppet arbetslösa;Män;151;38;;13;16;;\r\n" +
        "0160;2026-10;Alla;Kvinnor;;;;;190;23150;\r\n" +
        "0160;2026-10;Alla;Män;;;;;176;22480;\r\n";

    public sealed record Result(List<ImportedLine> Lines, List<string> Errors, List<string> Warnings, string Encoding)
    {
        public bool Accepted => Errors.Count == 0 && Lines.Count > 0;
    }

    public static string Decode(byte[] content, out string encoding)
    {
        if (content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF)
        {
            encoding = "UTF-8 med BOM";
            return new UTF8Encoding(false, true).GetString(content, 3, content.Length - 3);
        }

        try
        {
            var text = new UTF8Encoding(false, true).GetString(content);
            encoding = "UTF-8";
            return text;
        }
        catch (DecoderFallbackException)
        {
            encoding = "Windows-1252";
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(content);
        }
    }

    public static Result Read(byte[] content, IReadOnlySet<string> allowedMunicipalities)
    {
        var text = Decode(content, out var encoding);
        var errors = new List<string>();
        var warnings = new List<string>();
        var lines = new List<ImportedLine>();
        var rows = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        while (rows.Count > 0 && rows[^1].Trim().Length == 0)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (rows.Count < 2)
        {
            errors.Add("Filen saknar rader med siffror: första raden ska vara kolumnnamnen och minst en rad ska följa.");
            return new Result(lines, errors, warnings, encoding);
        }

        var separator = rows[0].Contains(';') ? ';' : ',';
        var header = Split(rows[0], separator).Select(h => h.Trim().ToLower(SwedishCollation.Culture)).ToList();
        var known = Required.Concat(CountColumns).Concat(ShareColumns).ToHashSet();
        foreach (var name in header.Where(h => !known.Contains(h)))
        {
            errors.Add($"Rad 1: okänd kolumn ”{name}”. Tillåtna kolumner: {string.Join(", ", known)}.");
        }

        foreach (var name in Required.Where(r => !header.Contains(r)))
        {
            errors.Add($"Rad 1: kolumnen ”{name}” saknas.");
        }

        foreach (var name in header.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add($"Rad 1: kolumnen ”{name}” finns mer än en gång.");
        }

        if (errors.Count > 0)
        {
            return new Result(lines, errors, warnings, encoding);
        }

        var column = header.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i);
        var seen = new Dictionary<(string, DateOnly, AfStatus?, Gender?), (int Line, string Text)>();
        for (var i = 1; i < rows.Count; i++)
        {
            var number = i + 1;
            if (rows[i].Trim().Length == 0)
            {
                continue;
            }

            var cells = Split(rows[i], separator);
            if (cells.Count != header.Count)
            {
                errors.Add($"Rad {number}: {cells.Count} fält, men rubrikraden har {header.Count}.");
                continue;
            }

            string Cell(string name) => column.TryGetValue(name, out var c) ? cells[c].Trim() : "";
            var lineErrors = new List<string>();

            var code = Cell("kommunkod");
            if (code.Length == 3 && code.All(char.IsAsciiDigit))
            {
                code = "0" + code; // Excel drops the leading zero of "0160"
            }

            if (!ReferenceData.Instance.Municipalities.ContainsKey(code))
            {
                lineErrors.Add($"kommunkod ”{code}” är ingen kommunkod");
            }
            else if (!allowedMunicipalities.Contains(code))
            {
                lineErrors.Add($"kommunen {ReferenceData.Instance.MunicipalityName(code)} ({code}) ingår inte i samverkan");
            }

            var monthText = Cell("månad");
            if (!DateOnly.TryParseExact(monthText + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                lineErrors.Add($"månad ”{monthText}” ska skrivas ÅÅÅÅ-MM");
            }

            AfStatus? status = null;
            var statusText = Cell("status");
            if (!string.Equals(statusText, AllStatuses, StringComparison.OrdinalIgnoreCase))
            {
                status = TargetStatuses.All.Cast<AfStatus?>().FirstOrDefault(s =>
                    string.Equals(TargetStatuses.Label(s!.Value), statusText, StringComparison.CurrentCultureIgnoreCase)
                    || string.Equals(EnumText.Label(s.Value), statusText, StringComparison.CurrentCultureIgnoreCase));
                if (status is null)
                {
                    lineErrors.Add($"status ”{statusText}” är okänd (tillåtna: {string.Join(", ", TargetStatuses.All.Select(TargetStatuses.Label))}, Alla)");
                }
            }

            Gender? gender = null;
            var genderText = Cell("kön").ToLower(SwedishCollation.Culture);
            switch (genderText)
            {
                case "kvinnor" or "kvinna" or "k":
                    gender = Gender.Woman;
                    break;
                case "män" or "man" or "m":
                    gender = Gender.Man;
                    break;
                case "uppgift saknas" or "okänt" or "okänd":
                    gender = Gender.Unknown;
                    break;
                case "totalt" or "alla" or "samtliga":
                    break;
                default:
                    lineErrors.Add($"kön ”{Cell("kön")}” är okänt (tillåtna: Kvinnor, Män, Uppgift saknas, Totalt)");
                    break;
            }

            var counts = CountColumns.ToDictionary(c => c, c => Count(Cell(c), c, lineErrors));
            var shares = ShareColumns.ToDictionary(c => c, c => Share(Cell(c), c, lineErrors));
            if (status is not null && counts["inskrivna"] is null && lineErrors.Count == 0)
            {
                lineErrors.Add("inskrivna saknas (krävs på rader med en status)");
            }

            if (status is not null && counts["befolkning"] is not null)
            {
                lineErrors.Add("befolkning anges bara på rader med status Alla");
            }

            if (status is null && counts["befolkning"] is null && counts["försörjningsstöd"] is null && counts["inskrivna"] is null)
            {
                lineErrors.Add("en rad med status Alla behöver befolkning, försörjningsstöd eller inskrivna");
            }

            if (lineErrors.Count > 0)
            {
                errors.Add($"Rad {number}: {string.Join("; ", lineErrors)}.");
                continue;
            }

            var key = (code, month, status, gender);
            var normalised = string.Join(";", cells.Select(c => c.Trim()));
            if (seen.TryGetValue(key, out var earlier))
            {
                if (earlier.Text == normalised)
                {
                    warnings.Add($"Rad {number} upprepar rad {earlier.Line} exakt och räknas en gång.");
                }
                else
                {
                    errors.Add($"Rad {number}: samma kommun, månad, status och kön som rad {earlier.Line} men andra siffror.");
                }

                continue;
            }

            seen[key] = (number, normalised);
            lines.Add(new ImportedLine(number, code, month, status, gender, counts["inskrivna"], counts["kortutbildade"], counts["utbildningsplikt"],
                counts["funktionsnedsättning"], counts["försörjningsstöd"], counts["befolkning"],
                shares["andel kortutbildade"], shares["andel funktionsnedsättning"], shares["andel försörjningsstöd"]));
        }

        if (errors.Count == 0 && lines.Count == 0)
        {
            errors.Add("Filen saknar rader med siffror.");
        }

        return new Result(errors.Count == 0 ? lines : [], errors, warnings, encoding);
    }

    private static long? Count(string text, string column, List<string> errors)
    {
        var cleaned = text.Replace(" ", "").Replace("\u00a0", "");
        if (cleaned.Length == 0)
        {
            return null;
        }

        if (long.TryParse(cleaned, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (value >= 0)
            {
                return value;
            }

            errors.Add($"{column} är negativt ({text})");
            return null;
        }

        errors.Add($"{column} ”{text}” är inget heltal");
        return null;
    }

    private static decimal? Share(string text, string column, List<string> errors)
    {
        var cleaned = text.Replace("%", "").Replace(" ", "").Trim();
        if (cleaned.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(cleaned.Replace('.', ','), NumberStyles.AllowDecimalPoint, SwedishCollation.Culture, out var value) && value <= 100)
        {
            return value;
        }

        errors.Add(decimal.TryParse(cleaned.Replace('.', ','), NumberStyles.Number, SwedishCollation.Culture, out var v) && v > 100
            ? $"{column} är över 100 % ({text})"
            : $"{column} ”{text}” är ingen andel i procent mellan 0 och 100");
        return null;
    }

    /// <summary>Splits a line on the separator, honouring double quotes (RFC 4180).</summary>
    private static List<string> Split(string line, char separator)
    {
        var cells = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == separator)
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }

        cells.Add(current.ToString());
        return cells;
    }
}
