using System.Globalization;
using System.Text.Json;
using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Features.Matching;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Statistics;

/// <summary>One source's tables and what its checks found.</summary>
public sealed record SourceTables(string Key, string Name, string Description, List<ScopeTables> Scopes, List<Contradiction> Contradictions);

public sealed record PublicationSummary(Guid Id, DateOnly Month, DateTime PublishedAt, string PublishedBy, int FailedChecks, string? OverrideReason);

/// <summary>The target-group overview of a collaboration and month: each source side by side, with its checks.</summary>
public sealed record TargetGroupOverview(Guid CollaborationId, string CollaborationName, DateOnly Month, string? MunicipalityCode,
    List<SourceTables> Sources, int Threshold, string Rule, List<PublicationSummary> Publications)
{
    public int FailedChecks => Sources.Sum(s => s.Contradictions.Count);
}

public sealed record ImportResult(Guid Id, string FileName, bool Accepted, int Lines, string Encoding, int TemplateVersion, DateTime UploadedAt,
    string UploadedBy, List<string> Report, List<Contradiction> Contradictions);

/// <summary>
/// Target-group statistics (issue 11 §1): who is counted in the register for a month, Arbetsförmedlingen's imported
/// figures beside them, the consistency checks, and publishing — the same use cases for the pages and the API.
/// Everyone in a collaboration may read its aggregates (small counts protected for every reader); importing and
/// publishing is for coordinators, analysts and administrators.
/// </summary>
public sealed record RegisterPerson(Guid ParticipantId, string Name, string Municipality, string Status, string Gender, Guid CaseId, DateOnly OpenedOn,
    DateOnly? ClosedOn);

/// <summary>The people behind one register figure of the target-group overview, as far as the reader's boundary holds them.</summary>
public sealed record RegisterPeople(Guid CollaborationId, string CollaborationName, DateOnly Month, string Selection, string Definition,
    List<RegisterPerson> People, string Note);

public sealed class TargetGroupWork(AppDbContext db, CurrentUser user, MatchingWork matching, AccessLogger log, TimeProvider clock, IConfiguration config,
    ParticipantAccess access)
{
    public const int Threshold = 5;
    public const int MaxImportBytes = 5 * 1024 * 1024;
    public const int MaxPeople = 500;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private bool MayImport => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Analyst) || user.IsAdministrator;

    public sealed record CollaborationChoice(Guid Id, string Name, List<string> MunicipalityCodes);

    /// <summary>The reader's collaborations with their municipalities (from the members' organisations), in Swedish order.</summary>
    public async Task<List<CollaborationChoice>> CollaborationsAsync(CancellationToken ct)
    {
        var mine = await matching.CollaborationsAsync(ct);
        var collaborations = await db.Collaborations.AsNoTracking().Where(c => mine.Contains(c.Id)).Include(c => c.Members).ToListAsync(ct);
        var memberIds = collaborations.SelectMany(c => c.Members.Select(m => m.OrganisationId)).Distinct().ToList();
        var codes = await db.Organisations.AsNoTracking().Where(o => memberIds.Contains(o.Id) && o.MunicipalityCode != null)
            .Select(o => new { o.Id, o.MunicipalityCode }).ToListAsync(ct);
        return collaborations.Select(c => new CollaborationChoice(c.Id, c.Name, codes.Where(o => c.Members.Any(m => m.OrganisationId == o.Id))
                .Select(o => o.MunicipalityCode!).Distinct().OrderBy(ReferenceData.Instance.MunicipalityName, SwedishCollation.Comparer).ToList()))
            .OrderBy(c => c.Name, SwedishCollation.Comparer).ToList();
    }

    public async Task<Outcome<TargetGroupOverview>> OverviewAsync(Guid? collaborationId, string? municipalityCode, string? month, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var chosenMonth = ParseMonth(month, errors);
        var collaborations = await CollaborationsAsync(ct);
        var collaboration = collaborationId is { } id ? collaborations.FirstOrDefault(c => c.Id == id) : collaborations.FirstOrDefault();
        if (collaboration is null)
        {
            return Outcome.NotFound();
        }

        var code = string.IsNullOrWhiteSpace(municipalityCode) ? null : municipalityCode.Trim();
        if (code is not null && !collaboration.MunicipalityCodes.Contains(code))
        {
            errors["municipalityCode"] = [$"Kommunen ingår inte i {collaboration.Name}. Välj en av: {string.Join(", ", collaboration.MunicipalityCodes.Select(ReferenceData.Instance.MunicipalityName))}."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var overview = await BuildAsync(collaboration, chosenMonth, code, ct);
        await log.RecordAsync(AccessAction.Search, "TargetGroupStatistics", collaboration.Id,
            purpose: $"målgruppsstatistik {MunicipalityFigures.Month(chosenMonth)} (antal, inga personer)", ct: ct);
        return overview;
    }

    private async Task<TargetGroupOverview> BuildAsync(CollaborationChoice collaboration, DateOnly month, string? code, CancellationToken ct)
    {
        var sources = new List<SourceTables>();
        var (register, countedAt) = await RegisterAsync(db, collaboration.Id, collaboration.MunicipalityCodes, month, Now, RegisterSnapshots.RunningMonthMaxAge(config), ct);
        sources.Add(Source("register", "Registret", $"Personer med ett öppet ärende under {MunicipalityFigures.Month(month)} hos en organisation i samverkan, efter folkbokföringskommun och deras uppgifter när månaden räknades ({Ui.Time(countedAt)}; en pågående månad räknas om var {RegisterSnapshots.RunningMonthMaxAge(config).TotalMinutes:0}:e minut, en avslutad när ett ärende i den ändras). En person som flera organisationer registrerat räknas en gång.",
            collaboration, register.ToDictionary(f => f.MunicipalityCode, f => ((MunicipalityFigures)f, (IReadOnlyList<ImportedLine>?)null)), "registret", code));

        var imported = await ImportedAsync(collaboration, month, ct);
        if (imported.Count > 0)
        {
            var files = string.Join(", ", imported.Values.Select(v => v.Source).Distinct());
            var stated = Enum.GetValues<Measure>().Where(m => imported.Values.Any(v => v.Figures.States(m))).ToList();
            var figures = collaboration.MunicipalityCodes.ToDictionary(c => c, c => imported.TryGetValue(c, out var v)
                ? (v.Figures, (IReadOnlyList<ImportedLine>?)v.Lines)
                : (MunicipalityFigures.Zero(c, stated), (IReadOnlyList<ImportedLine>?)[]));
            sources.Add(Source("import", "Arbetsförmedlingen", $"Importerade siffror ({files}). Kommuner utan rader i filen visas som noll.", collaboration, figures, files, code));
        }

        var publications = await db.Set<TargetGroupPublication>().AsNoTracking()
            .Where(p => p.CollaborationId == collaboration.Id && p.Month == month).OrderByDescending(p => p.PublishedAt)
            .Select(p => new PublicationSummary(p.Id, p.Month, p.PublishedAt, p.PublishedByName, p.FailedChecks, p.OverrideReason)).ToListAsync(ct);
        return new TargetGroupOverview(collaboration.Id, collaboration.Name, month, code, sources, Threshold, Shares.Rule, publications);
    }

    private static SourceTables Source(string key, string name, string description, CollaborationChoice collaboration,
        Dictionary<string, (MunicipalityFigures Figures, IReadOnlyList<ImportedLine>? Lines)> byMunicipality, string source, string? code)
    {
        var municipalities = collaboration.MunicipalityCodes.Select(c => byMunicipality.TryGetValue(c, out var f) ? f.Figures : new MunicipalityFigures(c)).ToList();
        var total = MunicipalityFigures.Total("", municipalities);
        var scopes = TargetGroupTables.Build(municipalities, total, collaboration.Name, Threshold);
        var checks = collaboration.MunicipalityCodes.SelectMany(c => byMunicipality.TryGetValue(c, out var f)
            ? TargetGroupChecks.Run(ReferenceData.Instance.MunicipalityName(c), f.Figures, f.Lines, source) : []).ToList();
        var shown = scopes.Where(s => code is null || s.Code == code || s.Name == collaboration.Name).ToList();
        return new SourceTables(key, name, description, shown, checks);
    }

    /// <summary>
    /// The register's count: participants living in the collaboration's municipalities with a case open some day of the
    /// month at one of its organisations, a person registered by several organisations counted once (by the earliest
    /// record, ties by id), grouped by municipality, status, gender and the four yes/no attributes — from the month's
    /// stored count while it holds, else counted live and stored (<see cref="RegisterCount.ReadAsync"/>, ADR 0031); a
    /// month culling has touched is read as frozen before the culling (ADR 0023). Returns when it was counted.
    /// (Static so that bench-statistics measures exactly this.)
    /// </summary>
    public static async Task<(List<MunicipalityFigures> Figures, DateTime CountedAt)> RegisterAsync(AppDbContext db, Guid collaborationId,
        IReadOnlyList<string> codes, DateOnly month, DateTime now, TimeSpan runningMonthMaxAge, CancellationToken ct)
    {
        var (rows, countedAt, _) = await RegisterCount.ReadAsync(db, collaborationId, codes, month, now, runningMonthMaxAge, ct);

        var figures = codes.ToDictionary(c => c, c => MunicipalityFigures.Zero(c, Enum.GetValues<Measure>()));
        foreach (var row in rows)
        {
            var f = figures[row.MunicipalityCode];
            var (status, gender) = (row.AfStatus, row.Gender);
            f.Add(status, gender, Measure.Registered, row.Count);
            f.Add(status, gender, Measure.ShortEducated, row.ShortEducated ? row.Count : 0);
            f.Add(status, gender, Measure.EducationDuty, row.EducationDuty && row.ShortEducated ? row.Count : 0);
            f.Add(status, gender, Measure.Disability, row.Disability ? row.Count : 0);
            f.Add(status, gender, Measure.SocialAssistance, row.SocialAssistance ? row.Count : 0);
        }

        return ([.. figures.Values], countedAt);
    }

    /// <summary>
    /// The people behind a register figure (issue 11: from any number, a role that may see people reaches the list behind
    /// it): the collaboration's cases open in the month, held in the reader's own secrecy boundary, of people living in the
    /// chosen municipality with the chosen status, gender and measure. Caseworkers only (analysts see counts: 403);
    /// registered disability only for roles that see sensitive data. Logged with the people listed.
    /// </summary>
    public async Task<Outcome<RegisterPeople>> PeopleAsync(Guid? collaborationId, string? municipalityCode, string? month, string? status, string? gender,
        string? measure, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var chosenMonth = ParseMonth(month, errors);
        var collaboration = (await CollaborationsAsync(ct)).FirstOrDefault(c => collaborationId is null || c.Id == collaborationId);
        if (collaboration is null)
        {
            return Outcome.NotFound();
        }

        if (!user.IsCaseworker)
        {
            await log.RecordAsync(AccessAction.Denied, "TargetGroupPeople", collaboration.Id, purpose: "målgruppsstatistik: personer bakom en siffra utan behörighet", ct: ct);
            return Outcome.Forbidden("Bara handläggare ser personerna bakom en siffra, och bara i sin egen sekretessgräns. Analytiker ser antal.");
        }

        var code = string.IsNullOrWhiteSpace(municipalityCode) ? null : municipalityCode.Trim();
        if (code is not null && !collaboration.MunicipalityCodes.Contains(code))
        {
            errors["municipalityCode"] = [$"Kommunen ingår inte i {collaboration.Name}."];
        }

        AfStatus? chosenStatus = string.IsNullOrWhiteSpace(status) ? null : Input.Enum<AfStatus>(errors, "status", status, "Okänd status");
        if (chosenStatus is { } st && !TargetStatuses.All.Contains(st) && !errors.ContainsKey("status"))
        {
            errors["status"] = [$"Statusen ska vara en av: {string.Join(", ", TargetStatuses.All.Select(TargetStatuses.Label))}."];
        }

        Gender? chosenGender = string.IsNullOrWhiteSpace(gender) ? null : Input.Enum<Gender>(errors, "gender", gender, "Okänt kön");
        var chosenMeasure = string.IsNullOrWhiteSpace(measure) ? Measure.Registered : Input.Enum<Measure>(errors, "measure", measure, "Okänt mått");
        if (chosenMeasure == Measure.Disability && !user.MaySeeSensitiveData)
        {
            errors["measure"] = ["Registrerad funktionsnedsättning är en känslig uppgift som din roll inte ser."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var codes = code is null ? collaboration.MunicipalityCodes : [code];
        var open = await RegisterCount.OpenCasesAsync(db, collaboration.Id, chosenMonth, ct);
        var boundary = access.Boundary;
        var own = access.VisibleParts().Own.Select(p => p.Id);
        var people = db.Participants.Where(p => codes.Contains(p.HomeMunicipalityCode) && TargetStatuses.All.Contains(p.AfStatus));
        people = chosenStatus is { } s1 ? people.Where(p => p.AfStatus == s1) : people;
        people = chosenGender is { } g1 ? people.Where(p => p.Gender == g1) : people;
        people = chosenMeasure switch
        {
            Measure.ShortEducated => people.Where(TargetStatuses.ShortEducated),
            Measure.EducationDuty => people.Where(TargetStatuses.ShortEducated).Where(p => p.EducationDuty),
            Measure.Disability => people.Where(p => p.Sensitive != null && p.Sensitive.HasRegisteredDisability),
            Measure.SocialAssistance => people.Where(p => p.IncomeSource == IncomeSource.SocialAssistance),
            _ => people,
        };
        var found = await (from c in open
                           where c.BoundaryId == boundary && own.Contains(c.ParticipantId)
                           join p in people on c.ParticipantId equals p.Id
                           select new { p.Id, p.FirstName, p.LastName, p.HomeMunicipalityCode, p.AfStatus, p.Gender, CaseId = c.Id, c.OpenedOn, c.ClosedOn })
            .Take(MaxPeople + 1).ToListAsync(ct);
        var list = found.Take(MaxPeople).Select(f => new RegisterPerson(f.Id, $"{f.FirstName} {f.LastName}", ReferenceData.Instance.MunicipalityName(f.HomeMunicipalityCode),
                TargetStatuses.Label(f.AfStatus), EnumText.Label(f.Gender), f.CaseId, f.OpenedOn, f.ClosedOn))
            .OrderBy(p => p.Name, SwedishCollation.Comparer).ThenBy(p => p.OpenedOn).ToList();
        await log.RecordAsync(AccessAction.Search, "TargetGroupPeople", collaboration.Id,
            purpose: $"målgruppsstatistik {MunicipalityFigures.Month(chosenMonth)}: personer bakom en siffra", resultIds: list.Select(p => p.ParticipantId).Distinct(), ct: ct);

        var selection = string.Join(", ", new[]
        {
            code is null ? "alla kommuner i samverkan" : ReferenceData.Instance.MunicipalityName(code),
            chosenStatus is { } s2 ? TargetStatuses.Label(s2) : "alla statusar",
            chosenGender is { } g2 ? TargetStatuses.Plural(g2).ToLowerInvariant() : "alla kön",
            EnumText.Label(chosenMeasure).ToLowerInvariant(),
        });
        var definition = $"Ärenden öppna någon dag under {MunicipalityFigures.Month(chosenMonth)} hos en organisation i {collaboration.Name}, för personer folkbokförda i kommunen med Arbetsförmedlingens status och övriga uppgifter som de är nu.";
        var note = "Listan visar bara ärenden i din egen sekretessgräns; siffran i tabellen räknar hela samverkan, en person som flera registrerat en gång, "
            + "med uppgifterna när månaden räknades." + (found.Count > MaxPeople ? $" Bara de första {MaxPeople} visas." : "");
        return new RegisterPeople(collaboration.Id, collaboration.Name, chosenMonth, selection, definition, list, note);
    }

    /// <summary>Per municipality, the newest accepted import of the collaboration that has lines for the month.</summary>
    private async Task<Dictionary<string, (MunicipalityFigures Figures, List<ImportedLine> Lines, string Source)>> ImportedAsync(
        CollaborationChoice collaboration, DateOnly month, CancellationToken ct)
    {
        var imports = await db.Set<StatisticsImport>().AsNoTracking().Where(i => i.CollaborationId == collaboration.Id && i.Accepted)
            .Select(i => new { i.Id, i.FileName, i.UploadedAt }).ToListAsync(ct);
        var ids = imports.Select(i => i.Id).ToList();
        var lines = await db.Set<ImportedFigure>().AsNoTracking().Where(f => ids.Contains(f.ImportId) && f.Month == month).ToListAsync(ct);
        var result = new Dictionary<string, (MunicipalityFigures, List<ImportedLine>, string)>();
        foreach (var group in lines.GroupBy(l => l.MunicipalityCode))
        {
            var newest = imports.Where(i => group.Any(l => l.ImportId == i.Id)).OrderByDescending(i => i.UploadedAt).First();
            var own = group.Where(l => l.ImportId == newest.Id).OrderBy(l => l.Line).Select(l => l.ToLine()).ToList();
            var f = Figures(group.Key, own);
            result[group.Key] = (f, own, $"{newest.FileName} importerad {Ui.Time(newest.UploadedAt)}");
        }

        return result;
    }

    // ------------------------------------------------------------------ import

    public async Task<Outcome<ImportResult>> ImportAsync(Guid? collaborationId, string? fileName, byte[] content, CancellationToken ct)
    {
        var collaborations = await CollaborationsAsync(ct);
        var collaboration = collaborationId is { } id ? collaborations.FirstOrDefault(c => c.Id == id) : collaborations.FirstOrDefault();
        if (collaboration is null)
        {
            return Outcome.NotFound();
        }

        if (!MayImport)
        {
            await log.RecordAsync(AccessAction.Denied, "StatisticsImport", null, purpose: "import av målgruppsstatistik utan behörighet", ct: ct);
            return Outcome.Forbidden("Bara samordnare, analytiker och administratörer importerar statistik.");
        }

        if (content.Length == 0)
        {
            return Outcome.Invalid("file", "Välj en fil att importera.");
        }

        if (content.Length > MaxImportBytes)
        {
            return Outcome.Invalid("file", $"Filen är större än {MaxImportBytes / 1024 / 1024} MB.");
        }

        var name = string.IsNullOrWhiteSpace(fileName) ? "statistik.csv" : Path.GetFileName(fileName.Trim());
        var read = TargetGroupImportFile.Read(content, collaboration.MunicipalityCodes.ToHashSet());
        var import = StatisticsImport.From(collaboration.Id, name, read, user.Id, await DisplayNameAsync(ct), Now);
        db.Add(import);
        if (read.Accepted)
        {
            db.AddRange(read.Lines.Select(l => ImportedFigure.From(import.Id, l)));
        }

        await db.SaveChangesAsync(ct);
        return Result(import, read.Lines);
    }

    public async Task<Outcome<ImportResult>> ReadImportAsync(Guid id, CancellationToken ct)
    {
        var mine = await matching.CollaborationsAsync(ct);
        var import = await db.Set<StatisticsImport>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && mine.Contains(i.CollaborationId), ct);
        if (import is null)
        {
            return Outcome.NotFound();
        }

        var lines = (await db.Set<ImportedFigure>().AsNoTracking().Where(f => f.ImportId == id).OrderBy(f => f.Line).ToListAsync(ct)).Select(f => f.ToLine()).ToList();
        return Result(import, lines);
    }

    public async Task<List<ImportResult>> ImportsAsync(Guid collaborationId, CancellationToken ct)
    {
        var mine = await matching.CollaborationsAsync(ct);
        var imports = await db.Set<StatisticsImport>().AsNoTracking().Where(i => i.CollaborationId == collaborationId && mine.Contains(i.CollaborationId))
            .OrderByDescending(i => i.UploadedAt).Take(50).ToListAsync(ct);
        return imports.Select(i => Result(i, null)).ToList();
    }

    /// <summary>A municipality's figures from its imported lines: status × gender lines as counts, lines for all statuses as
    /// population and social assistance per gender.</summary>
    private static MunicipalityFigures Figures(string municipalityCode, IEnumerable<ImportedLine> lines)
    {
        var f = new MunicipalityFigures(municipalityCode);
        foreach (var line in lines)
        {
            if (line.Gender is not { } gender)
            {
                continue;
            }

            if (line.Status is { } status)
            {
                foreach (var measure in Enum.GetValues<Measure>())
                {
                    if (line.Of(measure) is { } v)
                    {
                        f.Add(status, gender, measure, v);
                    }
                }
            }
            else
            {
                if (line.Population is { } population)
                {
                    f.Population[gender] = population;
                }

                if (line.SocialAssistance is { } assistance)
                {
                    f.SocialAssistanceAll[gender] = assistance;
                }
            }
        }

        return f;
    }

    /// <summary>The import and the contradictions in its own figures, per municipality and month it covers.</summary>
    private static ImportResult Result(StatisticsImport import, List<ImportedLine>? lines)
    {
        var contradictions = lines is null ? [] : lines.GroupBy(l => (l.MunicipalityCode, l.Month)).SelectMany(g =>
        {
            var f = Figures(g.Key.MunicipalityCode, g);
            return TargetGroupChecks.Run($"{ReferenceData.Instance.MunicipalityName(g.Key.MunicipalityCode)} {MunicipalityFigures.Month(g.Key.Month)}", f, g.ToList(), import.FileName);
        }).ToList();
        return new ImportResult(import.Id, import.FileName, import.Accepted, import.LineCount, import.Encoding, import.TemplateVersion, import.UploadedAt,
            import.UploadedByName, import.Report.Length == 0 ? [] : [.. import.Report.Split('\n')], contradictions);
    }

    // ------------------------------------------------------------------ publishing

    /// <summary>
    /// Freezes the overview as shown now. When a check has failed, publishing needs <paramref name="overrideReason"/>: the
    /// reason is stored with the publisher's name, logged, and shown on the published figure.
    /// </summary>
    public async Task<Outcome<PublicationSummary>> PublishAsync(Guid? collaborationId, string? month, string? overrideReason, CancellationToken ct)
    {
        var outcome = await OverviewAsync(collaborationId, null, month, ct);
        if (outcome.Value is not { } overview)
        {
            return outcome.Failure!;
        }

        if (!MayImport)
        {
            return Outcome.Forbidden("Bara samordnare, analytiker och administratörer publicerar statistik.");
        }

        var reason = string.IsNullOrWhiteSpace(overrideReason) ? null : overrideReason.Trim();
        if (overview.FailedChecks > 0 && reason is null)
        {
            return Outcome.Invalid("overrideReason",
                $"{overview.FailedChecks} kontroller har inte gått igenom. Rätta siffrorna, eller skriv varför de ska publiceras ändå.");
        }

        if (reason is { Length: > TargetGroupPublication.MaxReason })
        {
            return Outcome.Invalid("overrideReason", $"Motiveringen får vara högst {TargetGroupPublication.MaxReason} tecken.");
        }

        var publication = TargetGroupPublication.Of(overview.CollaborationId, overview.Month, overview.FailedChecks, overview.FailedChecks > 0 ? reason : null,
            JsonSerializer.Serialize(overview), user.Id, await DisplayNameAsync(ct), Now);
        db.Add(publication);
        log.Add(AccessAction.Create, "TargetGroupPublication", publication.Id, null,
            overview.FailedChecks > 0 ? $"publicerad trots {overview.FailedChecks} avvikelser: {publication.OverrideReason}" : "publicerad");
        await db.SaveChangesAsync(ct);
        return new PublicationSummary(publication.Id, publication.Month, publication.PublishedAt, publication.PublishedByName, publication.FailedChecks,
            publication.OverrideReason);
    }

    /// <summary>A published overview, frozen as it was.</summary>
    public async Task<Outcome<(PublicationSummary Summary, TargetGroupOverview Content)>> PublicationAsync(Guid id, CancellationToken ct)
    {
        var mine = await matching.CollaborationsAsync(ct);
        var p = await db.Set<TargetGroupPublication>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && mine.Contains(p.CollaborationId), ct);
        if (p is null)
        {
            return Outcome.NotFound();
        }

        return (new PublicationSummary(p.Id, p.Month, p.PublishedAt, p.PublishedByName, p.FailedChecks, p.OverrideReason),
            JsonSerializer.Deserialize<TargetGroupOverview>(p.Content)!);
    }

    private async Task<string> DisplayNameAsync(CancellationToken ct) =>
        await db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) is { Length: > 0 } name ? name : user.UserName;

    private DateOnly ParseMonth(string? text, Dictionary<string, string[]> errors)
    {
        var today = SwedishTime.Today(Now);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new DateOnly(today.Year, today.Month, 1);
        }

        if (DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            && month.Year is >= 2000 and <= 2100)
        {
            return month;
        }

        errors["month"] = ["Månad ska skrivas ÅÅÅÅ-MM, till exempel 2026-10."];
        return default;
    }
}
