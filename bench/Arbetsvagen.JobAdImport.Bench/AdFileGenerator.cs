using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.JobAdImport.Bench;

/// <summary>What a generated file holds: its ads, removal records and bad lines.</summary>
public sealed record GeneratedFile(string Path, long Bytes, int Ads, int Removals, int BadLines)
{
    public int Lines => Ads + Removals + BadLines;
}

/// <summary>
/// Writes a year of job ads in JobSearch's archive format as JSON Lines, streamed (seeded, so the same file every time):
/// taxonomy fields as lists, real municipality codes and occupations, descriptions of 1–2 KB, some ads keyed by
/// <c>original_id</c>, removal records for ads earlier in the file (each at most once, as the archives do) and a few bad lines.
/// </summary>
public sealed class AdFileGenerator(int seed = 20261207)
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly DateTime YearStart = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private static readonly (string Id, string Label)[] EmploymentTypes =
    [
        ("PFZr_Syz_cUq", "Vanlig anställning"), ("Jh8f_q9J_pbJ", "Sommarjobb / feriejobb"), ("1paU_aCR_nGn", "Behovsanställning"),
        ("EBhX_Qm2_8eX", "Säsongsanställning"), ("gro4_cWF_6D7", "Vikariat"),
    ];

    private static readonly string[] Licences = ["B", "C", "CE", "D", "BE", "C1"];

    private static readonly string[] Sentences =
    [
        "Vi söker nu en engagerad medarbetare som vill vara med och utveckla vår verksamhet.",
        "Hos oss får du arbeta i ett team med erfarna kollegor som hjälper varandra.",
        "Du kommer att ansvara för planering, genomförande och uppföljning av det dagliga arbetet.",
        "Arbetet innebär kontakter med kunder, leverantörer och andra avdelningar inom företaget.",
        "Vi erbjuder en trygg anställning med kollektivavtal, friskvårdsbidrag och goda möjligheter till kompetensutveckling.",
        "Som person är du noggrann, ansvarstagande och har lätt för att samarbeta med andra.",
        "Du har god förmåga att uttrycka dig på svenska i tal och skrift.",
        "Erfarenhet från liknande arbete är meriterande men inte ett krav, vi lär upp rätt person.",
        "Tjänsten är på heltid med tillträde enligt överenskommelse och provanställning tillämpas.",
        "Urval och intervjuer sker löpande, så skicka gärna in din ansökan redan i dag.",
        "Vår arbetsplats ligger centralt med goda kommunikationer och parkering i närheten.",
        "Du trivs i en miljö där tempot ibland är högt och där du själv kan påverka hur arbetet läggs upp.",
        "Vi arbetar aktivt med mångfald och ser gärna sökande med olika bakgrund och erfarenheter.",
        "I rollen ingår även att delta i förbättringsarbete och att introducera nya medarbetare.",
        "Körkort behövs eftersom arbetet innebär resor inom regionen.",
        "Arbetstiderna är förlagda dagtid måndag till fredag, med viss möjlighet till flextid.",
        "Har du frågor om tjänsten är du välkommen att kontakta ansvarig chef.",
        "Företaget har funnits i över trettio år och har i dag ett sextiotal anställda på tre orter.",
        "Vi sätter säkerheten främst och du får den utbildning som krävs innan du börjar arbeta självständigt.",
        "Lön enligt överenskommelse, och vi tillämpar individuell lönesättning.",
        "Du har gymnasieutbildning eller motsvarande och gärna någon eftergymnasial utbildning inom området.",
        "I arbetet använder du moderna verktyg och system som vi hela tiden utvecklar tillsammans.",
        "Vi värdesätter din vilja att lära dig mer och ger dig stöd under hela introduktionen.",
        "Ansökan sker via länken i annonsen, och vi tar inte emot ansökningar via e-post.",
        "Inför en eventuell anställning görs en bakgrundskontroll och du behöver kunna visa utdrag ur belastningsregistret.",
        "Omfattningen är 75–100 procent beroende på dina önskemål och verksamhetens behov.",
        "Vår kundkrets består av både privata och offentliga aktörer i hela Mellansverige.",
        "Du rapporterar till platschefen och samarbetar nära med arbetsledare och kvalitetsansvarig.",
    ];

    private readonly Random random = new(seed);
    private readonly List<(string Id, string Name, string Ssyk4)> occupations = [.. ReferenceData.Instance.Occupations.Values.Select(o => (o.ConceptId, o.Name, o.Ssyk4))];
    private readonly List<(string Code, string Name, string County)> municipalities = [.. ReferenceData.Instance.Municipalities.Values.Select(m => (m.Code, m.Name, m.CountyName))];
    private readonly Dictionary<string, string> groups = ReferenceData.ReadCsv("ssyk-level-4-groups.csv").ToDictionary(r => r[0], r => r[1]);
    private readonly List<(string Id, string Label)> fields = [.. ReferenceData.ReadCsv("occupation-fields.csv").Select(r => (r[1], r[2]))];

    /// <summary>Writes <paramref name="ads"/> ads (and about 1 % removals and 20 bad lines) to <paramref name="path"/>.</summary>
    public GeneratedFile Write(string path, int ads)
    {
        var badEvery = Math.Max(1, ads / 20);
        var removable = new List<string>();
        var line = new ArrayBufferWriter<byte>(8192);
        int removals = 0, bad = 0;
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            for (var i = 0; i < ads; i++)
            {
                var published = YearStart.AddSeconds(31_536_000.0 * i / ads);
                var key = (23_000_000 + i * 3 + random.Next(3)).ToString(CultureInfo.InvariantCulture);
                line.ResetWrittenCount();
                WriteAd(line, key, published);
                Emit(file, line);
                removable.Add(key);

                // About one ad in a hundred is removed later in the year; each removal once, for an ad already written.
                if (removable.Count > 1000 && random.Next(100) == 0)
                {
                    var at = random.Next(removable.Count - 500);
                    line.ResetWrittenCount();
                    WriteRemoval(line, removable[at], published);
                    removable[at] = removable[^1];
                    removable.RemoveAt(removable.Count - 1);
                    Emit(file, line);
                    removals++;
                }

                if (i % badEvery == badEvery / 2)
                {
                    file.Write(BadLine(bad++));
                    file.WriteByte((byte)'\n');
                }
            }

            return new GeneratedFile(path, file.Length, ads, removals, bad);
        }
    }

    private static void Emit(FileStream file, ArrayBufferWriter<byte> line)
    {
        file.Write(line.WrittenSpan);
        file.WriteByte((byte)'\n');
    }

    /// <summary>Lines the importer must report and skip: broken JSON, a wrong type, a missing field, a bad date.</summary>
    private static byte[] BadLine(int n) => System.Text.Encoding.UTF8.GetBytes((n % 4) switch
    {
        0 => "{\"id\": \"99" + n + "\", \"headline\": \"Avkortad rad",
        1 => "{\"id\": \"98" + n + "\", \"headline\": \"Lagerarbetare\", \"publication_date\": \"2024-03-01T00:00:00\", \"number_of_vacancies\": -1}",
        2 => "{\"id\": \"97" + n + "\", \"publication_date\": \"2024-03-01T00:00:00\"}",
        _ => "{\"id\": \"96" + n + "\", \"headline\": \"Kock\", \"publication_date\": \"i går\"}",
    });

    private void WriteRemoval(ArrayBufferWriter<byte> buffer, string key, DateTime on)
    {
        using var json = new Utf8JsonWriter(buffer, Writer);
        json.WriteStartObject();
        json.WriteString("id", key);
        json.WriteBoolean("removed", true);
        json.WriteString("removed_date", on.AddMinutes(random.Next(600)).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }

    private void WriteAd(ArrayBufferWriter<byte> buffer, string key, DateTime published)
    {
        var occupation = occupations[random.Next(occupations.Count)];
        var field = fields[(int)((uint)occupation.Ssyk4.GetHashCode(StringComparison.Ordinal) % (uint)fields.Count)];
        var municipality = municipalities[Math.Min(random.Next(municipalities.Count), random.Next(municipalities.Count))]; // skewed towards the first
        var employer = $"{Pick(["Nordic", "Svensk", "Mälardalens", "Norrlands", "Väst", "City"])} {occupation.Name.Split(' ')[0]} {Pick(["AB", "Service AB", "Gruppen AB", "kommun", "Region"])}";
        var deadline = published.AddDays(14 + random.Next(50));
        var licences = random.Next(4) == 0 ? Licences.Take(1 + random.Next(3)).ToArray() : [];

        using var json = new Utf8JsonWriter(buffer, Writer);
        json.WriteStartObject();
        var originalId = random.Next(4) == 0; // historical ads: id derived from the content, the Platsbanken id in original_id
        json.WriteString("id", originalId ? Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())) + key : key);
        if (originalId)
        {
            json.WriteString("original_id", key);
        }

        json.WriteString("external_id", (string?)null);
        json.WriteString("headline", Pick([$"{occupation.Name} till {employer}", $"Vi söker {occupation.Name.ToLowerInvariant()}", $"{occupation.Name}, {municipality.Name}"]));
        json.WriteString("application_deadline", deadline.ToString("yyyy-MM-ddT23:59:59", CultureInfo.InvariantCulture));
        json.WriteNumber("number_of_vacancies", random.Next(10) < 8 ? 1 : 1 + random.Next(random.Next(2) == 0 ? 5 : 30));
        json.WriteStartObject("description");
        json.WriteString("text", Description());
        json.WriteString("company_information", (string?)null);
        json.WriteEndObject();
        Concepts(json, "employment_type", EmploymentTypes[random.Next(10) < 7 ? 0 : random.Next(EmploymentTypes.Length)]);
        json.WriteStartObject("employer");
        json.WriteString("name", employer);
        json.WriteString("workplace", employer);
        json.WriteString("organization_number", (5_560_000_000L + random.Next(9_999_999)).ToString(CultureInfo.InvariantCulture));
        json.WriteString("url", (string?)null);
        json.WriteEndObject();
        json.WriteBoolean("experience_required", random.Next(2) == 0);
        json.WriteBoolean("driving_license_required", licences.Length > 0);
        json.WriteStartArray("driving_license");
        foreach (var licence in licences)
        {
            json.WriteStartObject();
            json.WriteString("concept_id", null as string);
            json.WriteString("label", licence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Concepts(json, "occupation", (occupation.Id, occupation.Name), null);
        Concepts(json, "occupation_group", (null, groups.GetValueOrDefault(occupation.Ssyk4, "")), occupation.Ssyk4);
        Concepts(json, "occupation_field", field);
        json.WriteStartObject("workplace_address");
        json.WriteString("municipality_code", municipality.Code);
        json.WriteString("municipality", municipality.Name);
        json.WriteString("region_code", municipality.Code[..2]);
        json.WriteString("region", municipality.County);
        json.WriteString("country", "Sverige");
        json.WriteString("street_address", $"Storgatan {1 + random.Next(80)}");
        json.WriteEndObject();
        json.WriteString("publication_date", published.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        json.WriteString("last_publication_date", deadline.ToString("yyyy-MM-ddT23:59:59", CultureInfo.InvariantCulture));
        json.WriteBoolean("removed", false);
        json.WriteNull("removed_date");
        json.WriteString("source_type", random.Next(3) == 0 ? "VIA_AF_FORMULAR" : "VIA_ANNONSERA");
        json.WriteEndObject();
    }

    /// <summary>A taxonomy field as the archives write it: a list of one concept.</summary>
    private static void Concepts(Utf8JsonWriter json, string name, (string? Id, string Label) concept, string? legacyId = null)
    {
        json.WriteStartArray(name);
        json.WriteStartObject();
        json.WriteString("concept_id", concept.Id);
        json.WriteString("label", concept.Label);
        json.WriteString("legacy_ams_taxonomy_id", legacyId);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private string Description()
    {
        var length = 1000 + random.Next(1000);
        var text = new System.Text.StringBuilder(length + 200);
        while (text.Length < length)
        {
            text.Append(Sentences[random.Next(Sentences.Length)]).Append(random.Next(4) == 0 ? "\n\n" : " ");
        }

        return text.ToString();
    }

    private string Pick(string[] choices) => choices[random.Next(choices.Length)];
}
