using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Arbetsvagen.Features.JobAds;

/// <summary>One line of a JSON Lines file: the ad it holds, or why it was skipped; null both for a blank line.</summary>
public readonly record struct JobAdLine(JobAdRecord? Record, string? Problem, long EndOffset);

/// <summary>
/// Reads JobSearch's two file shapes: JSON Lines (one ad per line, the historical archives) streamed line by line in
/// constant memory, and a search result (<c>hits[]</c>, or Elasticsearch's <c>hits.hits[]._source</c>) read whole.
/// The archives write taxonomy fields as lists and the current API as objects; both are read.
/// </summary>
public static class JobAdFile
{
    /// <summary>A line longer than this is reported and skipped without being held in memory.</summary>
    public const int MaxLineBytes = 2 * 1024 * 1024;

    /// <summary>A search result is read whole; the archives, which are large, come as JSON Lines.</summary>
    public const long MaxSearchResultBytes = 100L * 1024 * 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    /// <summary>JSON Lines when the first line is a whole JSON object that is not a search result; else a search result.</summary>
    public static async Task<JobAdFileFormat?> DetectAsync(Stream stream, CancellationToken ct)
    {
        stream.Position = 0;
        await foreach (var (line, _, tooLong) in LinesAsync(stream, 0, ct))
        {
            if (tooLong)
            {
                return JobAdFileFormat.SearchResult; // one long line: a search result written without line breaks
            }

            if (line.IsEmpty)
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line, Options);
                return doc.RootElement.ValueKind == JsonValueKind.Object && !doc.RootElement.TryGetProperty("hits", out _)
                    ? JobAdFileFormat.JsonLines
                    : JobAdFileFormat.SearchResult;
            }
            catch (JsonException)
            {
                return JobAdFileFormat.SearchResult; // a pretty-printed document: its first line alone is not JSON
            }
        }

        return null;
    }

    /// <summary>The ads of a JSON Lines file from <paramref name="offset"/> on, each parsed as soon as it is read.</summary>
    public static async IAsyncEnumerable<JobAdLine> ReadLinesAsync(Stream stream, long offset, [EnumeratorCancellation] CancellationToken ct)
    {
        if (stream.CanSeek)
        {
            stream.Position = offset;
        }
        else if (offset != 0)
        {
            throw new ArgumentException("Only a seekable stream can be read from an offset.", nameof(offset));
        }

        await foreach (var (line, end, tooLong) in LinesAsync(stream, offset, ct))
        {
            if (tooLong || line.Length > MaxLineBytes)
            {
                yield return new JobAdLine(null, $"Raden är längre än {MaxLineBytes / (1024 * 1024)} MB och hoppades över.", end);
                continue;
            }

            if (line.IsEmpty)
            {
                yield return new JobAdLine(null, null, end);
                continue;
            }

            JobAdLine parsed;
            try
            {
                using var doc = JsonDocument.Parse(line, Options);
                var record = Parse(doc.RootElement, out var problem);
                parsed = new JobAdLine(record, problem, end);
            }
            catch (JsonException)
            {
                parsed = new JobAdLine(null, "Raden är inte giltig JSON (trasig eller avkortad).", end);
            }

            yield return parsed;
        }
    }

    /// <summary>The hits of a search result, or null with the reason when the file is not one (nothing is imported then).</summary>
    public static async Task<(List<JsonElement>? Hits, JsonDocument? Document, string? Problem)> ReadSearchResultAsync(Stream stream, CancellationToken ct)
    {
        if (stream.Length > MaxSearchResultBytes)
        {
            return (null, null, $"Filen är varken JSON Lines eller ett sökresultat på högst {MaxSearchResultBytes / (1024 * 1024)} MB. Stora arkiv ska vara JSON Lines, en annons per rad.");
        }

        stream.Position = 0;
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(stream, Options, ct);
        }
        catch (JsonException e)
        {
            return (null, null, $"Filen är inte giltig JSON (trasig eller avkortad nära rad {(e.LineNumber ?? 0) + 1}). Inget importerades.");
        }

        var root = doc.RootElement;
        var hits = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("hits", out var h) ? h : default;
        if (hits.ValueKind == JsonValueKind.Object && hits.TryGetProperty("hits", out var inner))
        {
            hits = inner;
        }

        if (hits.ValueKind != JsonValueKind.Array)
        {
            doc.Dispose();
            return (null, null, "Filen är varken JSON Lines (en annons per rad) eller ett sökresultat med hits. Inget importerades.");
        }

        return (hits.EnumerateArray().Select(hit => hit.ValueKind == JsonValueKind.Object && hit.TryGetProperty("_source", out var source) ? source : hit).ToList(), doc, null);
    }

    /// <summary>Splits a stream into lines without holding more than one line (up to the cap) and a read buffer.</summary>
    private static async IAsyncEnumerable<(ReadOnlySequence<byte> Line, long End, bool TooLong)> LinesAsync(Stream stream, long offset, [EnumeratorCancellation] CancellationToken ct)
    {
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 128 * 1024, leaveOpen: true));
        var position = offset;
        var skipping = false; // inside a line longer than the cap: its bytes are dropped as they come
        var first = offset == 0;
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(ct);
                var buffer = read.Buffer;
                if (first && buffer.Length >= 3)
                {
                    first = false;
                    if (buffer.FirstSpan.Length >= 3 && buffer.FirstSpan[0] == 0xEF && buffer.FirstSpan[1] == 0xBB && buffer.FirstSpan[2] == 0xBF)
                    {
                        buffer = buffer.Slice(3); // a UTF-8 byte order mark
                        position += 3;
                    }
                }

                while (buffer.PositionOf((byte)'\n') is { } newline)
                {
                    var line = buffer.Slice(0, newline);
                    var length = line.Length + 1;
                    buffer = buffer.Slice(buffer.GetPosition(1, newline));
                    position += length;
                    if (skipping)
                    {
                        skipping = false;
                        yield return (default, position, true);
                        continue;
                    }

                    yield return (Trim(line), position, false);
                }

                if (!skipping && buffer.Length > MaxLineBytes)
                {
                    skipping = true;
                }

                if (skipping)
                {
                    position += buffer.Length;
                    buffer = buffer.Slice(buffer.End);
                }

                if (read.IsCompleted)
                {
                    if (skipping)
                    {
                        yield return (default, position, true);
                    }
                    else if (!buffer.IsEmpty)
                    {
                        position += buffer.Length;
                        yield return (Trim(buffer), position, false);
                    }

                    reader.AdvanceTo(buffer.End);
                    yield break;
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    private static ReadOnlySequence<byte> Trim(ReadOnlySequence<byte> line)
    {
        while (line.Length > 0 && line.Slice(line.Length - 1).FirstSpan[0] is (byte)'\r' or (byte)' ' or (byte)'\t')
        {
            line = line.Slice(0, line.Length - 1);
        }

        while (line.Length > 0 && line.FirstSpan[0] is (byte)' ' or (byte)'\t')
        {
            line = line.Slice(1);
        }

        return line;
    }

    // ------------------------------------------------------------------ one ad

    /// <summary>An ad's fields, or null and a Swedish reason naming the field that is missing or of the wrong type.</summary>
    public static JobAdRecord? Parse(JsonElement ad, out string? problem)
    {
        problem = null;
        try
        {
            return ParseOrThrow(ad);
        }
        catch (BadField bad)
        {
            problem = bad.Message;
            return null;
        }
    }

    private static JobAdRecord ParseOrThrow(JsonElement ad)
    {
        if (ad.ValueKind != JsonValueKind.Object)
        {
            throw new BadField("Raden är inte ett JSON-objekt med en annons.");
        }

        var key = Id(ad, "original_id") ?? Id(ad, "id") ?? throw new BadField("Fältet id saknas.");
        var removed = Bool(ad, "removed");
        var removedOn = Date(ad, "removed_date");
        if (removed && !ad.TryGetProperty("headline", out _))
        {
            return JobAdRecord.Removal(key, removedOn);
        }

        var headline = Text(ad, "headline", JobAd.MaxHeadline);
        if (string.IsNullOrWhiteSpace(headline))
        {
            throw new BadField("Fältet headline saknas eller är tomt.");
        }

        var published = Date(ad, "publication_date") ?? throw new BadField("Fältet publication_date saknas eller är inget datum (ÅÅÅÅ-MM-DD).");
        var vacancies = 1;
        if (ad.TryGetProperty("number_of_vacancies", out var v) && v.ValueKind != JsonValueKind.Null)
        {
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out vacancies) || vacancies is < 0 or > 10_000)
            {
                throw new BadField("Fältet number_of_vacancies ska vara ett heltal mellan 0 och 10 000.");
            }
        }

        var employer = Object(ad, "employer");
        var occupation = Concept(ad, "occupation");
        var group = Concept(ad, "occupation_group");
        var field = Concept(ad, "occupation_field");
        var employment = Concept(ad, "employment_type");
        var address = Object(ad, "workplace_address");
        var municipality = address is { } a ? Text(a, "municipality_code", 4) : null;
        var ssyk = group is { } g ? Id(g, "legacy_ams_taxonomy_id") : null;
        return new JobAdRecord(
            key, false, headline.Trim(),
            employer is { } e ? Text(e, "name", JobAd.MaxName) : null,
            employer is { } e2 ? Text(e2, "organization_number", 20) : null,
            occupation is { } o ? Text(o, "concept_id", 20) : null,
            occupation is { } o2 ? Text(o2, "label", JobAd.MaxName) : null,
            ssyk is { Length: 4 } && ssyk.All(char.IsAsciiDigit) ? ssyk : null,
            field is { } f ? Text(f, "concept_id", 20) : null,
            municipality is { Length: 4 } && municipality.All(char.IsAsciiDigit) ? municipality : null,
            vacancies,
            employment is { } t ? Text(t, "concept_id", 20) : null,
            employment is { } t2 ? Text(t2, "label", 100) : null,
            Bool(ad, "driving_license_required"),
            Licences(ad),
            Bool(ad, "experience_required"),
            published,
            Date(ad, "application_deadline"),
            Date(ad, "last_publication_date"),
            removed,
            removedOn);
    }

    private static string? Id(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ValueKind switch
    {
        JsonValueKind.String when v.GetString() is { Length: > 0 and <= 100 } s => s.Trim(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.Null or JsonValueKind.String => null,
        _ => throw new BadField($"Fältet {name} ska vara en text eller ett tal."),
    } : null;

    private static string? Text(JsonElement e, string name, int max) => e.TryGetProperty(name, out var v) ? v.ValueKind switch
    {
        JsonValueKind.String => v.GetString()! is var s && s.Length > max ? s[..max] : s,
        JsonValueKind.Null => null,
        _ => throw new BadField($"Fältet {name} ska vara en text."),
    } : null;

    private static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False or JsonValueKind.Null => false,
        _ => throw new BadField($"Fältet {name} ska vara true eller false."),
    };

    private static DateOnly? Date(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.String && v.GetString() is { Length: >= 10 } s
            && DateOnly.TryParseExact(s.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        throw new BadField($"Fältet {name} ska vara ett datum (ÅÅÅÅ-MM-DD).");
    }

    private static JsonElement? Object(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ValueKind switch
    {
        JsonValueKind.Object => v,
        JsonValueKind.Null => null,
        _ => throw new BadField($"Fältet {name} ska vara ett objekt."),
    } : null;

    /// <summary>A taxonomy field: an object in the current API, a list of objects in the archives (the first is taken).</summary>
    private static JsonElement? Concept(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Array)
        {
            v = v.GetArrayLength() > 0 ? v[0] : default;
        }

        return v.ValueKind switch
        {
            JsonValueKind.Object => v,
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => throw new BadField($"Fältet {name} ska vara ett objekt eller en lista av objekt."),
        };
    }

    private static string? Licences(JsonElement ad)
    {
        if (!ad.TryGetProperty("driving_license", out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            throw new BadField("Fältet driving_license ska vara en lista.");
        }

        var labels = v.EnumerateArray().Select(l => l.ValueKind == JsonValueKind.Object ? Text(l, "label", 10) : null).OfType<string>().ToList();
        return labels.Count == 0 ? null : string.Join(',', labels);
    }

    private sealed class BadField(string message) : Exception(message);
}
