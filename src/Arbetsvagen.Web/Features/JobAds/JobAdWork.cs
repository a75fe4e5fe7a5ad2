using System.Globalization;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.JobAds;

public sealed record OccupationField(string Id, string Name);

/// <summary>The filter of the ad list; every field optional.</summary>
public sealed class JobAdFilter
{
    public string? MunicipalityCode { get; set; }
    public string? Ssyk { get; set; }
    public string? OccupationField { get; set; }

    /// <summary>Only ads open today (published, not removed, not past their last day).</summary>
    public bool? Open { get; set; }

    public int? Page { get; set; }
}

public sealed record JobAdPage(List<JobAd> Items, int Page, int PageSize, int Total);

public sealed record ImportReport(JobAdImport Import, List<JobAdImportProblem> Problems);

/// <summary>Ads and jobs (the sum of vacancies) published in a period, against the period of the same length before it.</summary>
public sealed record RecruitmentFigure(string MunicipalityCode, string? OccupationFieldId, int Ads, int Jobs, int PreviousAds, int PreviousJobs);

public sealed record MonthFigure(int Year, int Month, int Ads, int Jobs);

public sealed record RecruitmentFigures(DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, List<RecruitmentFigure> Rows, List<MonthFigure> Months);

/// <summary>
/// Job ads: imports of JobSearch files (run in the background by <see cref="JobAdImportRunner"/>), the ad list, and the
/// recruitment-need figures per municipality and occupation field that the statistics build on.
/// </summary>
public sealed class JobAdWork(AppDbContext db, CurrentUser user, JobAdFiles files, JobAdImportRunner runner, TimeProvider clock)
{
    public const int PageSize = 25;

    /// <summary>Imports change what everyone's figures say: the collaboration's coordinators, analysts and administrators start them.</summary>
    public static readonly string[] Importers = [Roles.Coordinator, Roles.Analyst, Roles.Administrator];

    private static readonly Lazy<List<OccupationField>> Fields = new(() =>
        ReferenceData.ReadCsv("occupation-fields.csv").Select(r => new OccupationField(r[1], r[2])).OrderBy(f => f.Name, SwedishCollation.Comparer).ToList());

    public static IReadOnlyList<OccupationField> OccupationFields => Fields.Value;

    public static string FieldName(string? id) => Fields.Value.FirstOrDefault(f => f.Id == id)?.Name ?? (id is null ? "Okänt yrkesområde" : id);

    public bool MayImport => Importers.Any(user.IsInRole);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Keeps the upload on disk and queues its import; the answer comes at once, the import runs in the background.</summary>
    public async Task<Outcome<JobAdImport>> StartImportAsync(Stream content, string? fileName, CancellationToken ct)
    {
        if (!MayImport)
        {
            return Outcome.Forbidden("Annonser importeras av samordnare, analytiker och administratörer.");
        }

        var name = string.IsNullOrWhiteSpace(fileName) ? "uppladdad fil" : Path.GetFileName(fileName.Trim());
        if (name.Length > JobAdImport.MaxFileName)
        {
            return Outcome.Invalid("fileName", $"Filnamnet får vara högst {JobAdImport.MaxFileName} tecken.");
        }

        var id = Guid.NewGuid();
        var size = await files.SaveAsync(id, content, ct);
        if (size == 0)
        {
            files.Delete(id);
            return Outcome.Invalid("file", "Filen är tom. Välj en fil med annonser i JobSearch-format (JSON Lines eller ett sökresultat).");
        }

        var import = JobAdImport.Create(name, size, user.Id, Now, id);
        db.Add(import);
        await db.SaveChangesAsync(ct);
        runner.Enqueue(import.Id);
        return import;
    }

    public async Task<Outcome<ImportReport>> ImportAsync(Guid id, CancellationToken ct)
    {
        var import = await db.JobAdImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null)
        {
            return Outcome.NotFound();
        }

        var problems = await db.Set<JobAdImportProblem>().AsNoTracking().Where(p => p.ImportId == id).OrderBy(p => p.Line).ToListAsync(ct);
        return new ImportReport(import, problems);
    }

    public Task<List<JobAdImport>> RecentImportsAsync(CancellationToken ct) =>
        db.JobAdImports.AsNoTracking().OrderByDescending(i => i.CreatedAt).Take(50).ToListAsync(ct);

    public async Task<Outcome<JobAdPage>> ListAsync(JobAdFilter filter, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var query = db.JobAds.AsNoTracking();
        if (Municipality(errors, "municipalityCode", filter.MunicipalityCode) is { } code)
        {
            query = query.Where(a => a.MunicipalityCode == code);
        }

        if (!string.IsNullOrWhiteSpace(filter.Ssyk))
        {
            var ssyk = filter.Ssyk.Trim();
            if (ssyk.Length != 4 || !ssyk.All(char.IsAsciiDigit))
            {
                errors["ssyk"] = ["Ange en yrkesgrupp enligt SSYK 2012 med fyra siffror, t.ex. 8331."];
            }

            query = query.Where(a => a.SsykCode == ssyk);
        }

        if (Field(errors, "occupationField", filter.OccupationField) is { } field)
        {
            query = query.Where(a => a.OccupationFieldId == field);
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        if (filter.Open == true)
        {
            var today = SwedishTime.Today(clock);
            query = query.Where(a => a.PublishedOn <= today && !a.Removed && (a.LastPublicationOn == null || a.LastPublicationOn >= today));
        }

        var page = Math.Max(1, filter.Page ?? 1);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.PublishedOn).ThenBy(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new JobAdPage(items, page, PageSize, total);
    }

    public async Task<Outcome<JobAd>> ReadAsync(Guid id, CancellationToken ct) =>
        await db.JobAds.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } ad ? ad : Outcome.NotFound();

    /// <summary>
    /// Recruitment needs: ads published in the period and jobs (their vacancies) per municipality and occupation field,
    /// beside the same figures for the period of equal length just before (the trend), and per month.
    /// </summary>
    public async Task<Outcome<RecruitmentFigures>> FiguresAsync(string? fromText, string? toText, string? municipalityCode, string? occupationField, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var today = SwedishTime.Today(clock);
        var to = Day(errors, "to", toText) ?? today;
        var from = Day(errors, "from", fromText) ?? to.AddMonths(-12).AddDays(1);
        var code = Municipality(errors, "municipalityCode", municipalityCode);
        var field = Field(errors, "occupationField", occupationField);
        if (!errors.ContainsKey("from") && !errors.ContainsKey("to") && from > to)
        {
            errors["from"] = ["Från-datumet ska vara samma dag som eller före till-datumet."];
        }
        else if (to.DayNumber - from.DayNumber > 366 * 5)
        {
            errors["from"] = ["Perioden får vara högst fem år."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var length = to.DayNumber - from.DayNumber + 1;
        var previousTo = from.AddDays(-1);
        var previousFrom = previousTo.AddDays(1 - length);
        var ads = db.JobAds.AsNoTracking().Where(a => a.PublishedOn >= previousFrom && a.PublishedOn <= to && a.MunicipalityCode != null);
        if (code is not null)
        {
            ads = ads.Where(a => a.MunicipalityCode == code);
        }

        if (field is not null)
        {
            ads = ads.Where(a => a.OccupationFieldId == field);
        }

        var grouped = await ads.GroupBy(a => new { a.MunicipalityCode, a.OccupationFieldId, Current = a.PublishedOn >= from })
            .Select(g => new { g.Key.MunicipalityCode, g.Key.OccupationFieldId, g.Key.Current, Ads = g.Count(), Jobs = g.Sum(a => a.Vacancies) })
            .ToListAsync(ct);
        var rows = grouped.GroupBy(g => (g.MunicipalityCode, g.OccupationFieldId))
            .Select(g => new RecruitmentFigure(g.Key.MunicipalityCode!, g.Key.OccupationFieldId,
                g.Where(x => x.Current).Sum(x => x.Ads), g.Where(x => x.Current).Sum(x => x.Jobs),
                g.Where(x => !x.Current).Sum(x => x.Ads), g.Where(x => !x.Current).Sum(x => x.Jobs)))
            .OrderBy(r => ReferenceData.Instance.MunicipalityName(r.MunicipalityCode), SwedishCollation.Comparer)
            .ThenBy(r => FieldName(r.OccupationFieldId), SwedishCollation.Comparer)
            .ToList();
        var months = await ads.Where(a => a.PublishedOn >= from)
            .GroupBy(a => new { a.PublishedOn.Year, a.PublishedOn.Month })
            .Select(g => new MonthFigure(g.Key.Year, g.Key.Month, g.Count(), g.Sum(a => a.Vacancies)))
            .ToListAsync(ct);
        return new RecruitmentFigures(from, to, previousFrom, previousTo, rows, months.OrderBy(m => m.Year).ThenBy(m => m.Month).ToList());
    }

    private static string? Municipality(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var code = value.Trim();
        if (!ReferenceData.Instance.Municipalities.ContainsKey(code))
        {
            errors[field] = ["Kommunen finns inte. Ange en kommunkod med fyra siffror, t.ex. 0160."];
        }

        return code;
    }

    private static string? Field(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var id = value.Trim();
        if (Fields.Value.All(f => f.Id != id))
        {
            errors[field] = ["Okänt yrkesområde. Välj ett av Arbetsförmedlingens 21 yrkesområden."];
        }

        return id;
    }

    private static DateOnly? Day(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[field] = ["Ange datumet som ÅÅÅÅ-MM-DD."];
        return null;
    }
}
