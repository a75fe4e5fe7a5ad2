using System.Globalization;
using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Features.Matching;
using Arbetsvagen.Features.Statistics;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.RegionalReport;

public sealed record GenerateInput(Guid? CollaborationId, string? From, string? To);

public sealed record CommentaryInput(string? Commentary);

/// <summary>A report as its reader sees it: status and progress, and the document once there is one.</summary>
public sealed record RegionalReportShown(RegionalReport Report, string CollaborationName, ReportDocument? Document, bool MayEdit)
{
    public string Period => RegionalReportBuilder.PeriodText(Report.FromMonth, Report.ToMonth);
}

public sealed record ReportFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// "Läget i länet" (issue 11 §5): ordering a report for a collaboration and period (generated in the background by
/// <see cref="RegionalReportRunner"/>), reading its progress and content, editing a draft's commentary per section,
/// publishing (frozen from then on) and the report in every format. Coordinators, analysts and administrators of the
/// collaboration order, edit and publish; everyone in it reads published reports; outside it a report does not exist.
/// </summary>
public sealed class RegionalReportWork(AppDbContext db, CurrentUser user, MatchingWork matching, TargetGroupWork targetGroups,
    RegionalReportBuilder builder, RegionalReportRunner runner, IHttpContextAccessor http, AccessLogger log, TimeProvider clock)
{
    public const int MaxMonths = 12;
    private const string Entity = "RegionalReport";

    public static readonly string[] Formats = ["html", "pdf", "xlsx", "csv", "json"];

    public bool MayEdit => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Analyst) || user.IsAdministrator;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<List<TargetGroupWork.CollaborationChoice>> CollaborationsAsync(CancellationToken ct) => targetGroups.CollaborationsAsync(ct);

    /// <summary>The reports of the reader's collaborations, newest first: all of them for those who edit, else the published ones.</summary>
    public async Task<List<RegionalReportShown>> ListAsync(CancellationToken ct)
    {
        var mine = await matching.CollaborationsAsync(ct);
        var reports = await db.Set<RegionalReport>().AsNoTracking()
            .Where(r => mine.Contains(r.CollaborationId) && (MayEdit || r.Status == RegionalReportStatus.Published))
            .OrderByDescending(r => r.CreatedAt).Take(100).ToListAsync(ct);
        var names = await NamesAsync(reports.Select(r => r.CollaborationId), ct);
        return reports.Select(r => new RegionalReportShown(r, names.GetValueOrDefault(r.CollaborationId, ""), null, MayEdit)).ToList();
    }

    public async Task<Outcome<RegionalReportShown>> GenerateAsync(GenerateInput input, CancellationToken ct)
    {
        if (!MayEdit)
        {
            await log.RecordAsync(AccessAction.Denied, Entity, null, purpose: "beställning av regional rapport utan behörighet", ct: ct);
            return Outcome.Forbidden("Bara samordnare, analytiker och administratörer tar fram regionala rapporter.");
        }

        var errors = new Dictionary<string, string[]>();
        var collaborations = await targetGroups.CollaborationsAsync(ct);
        var collaboration = input.CollaborationId is { } id ? collaborations.FirstOrDefault(c => c.Id == id) : null;
        if (collaboration is null)
        {
            errors["collaborationId"] = [input.CollaborationId is null
                ? "Välj en samverkan."
                : $"Okänd samverkan. Välj en av dina: {string.Join(", ", collaborations.Select(c => c.Name))}."];
        }

        var from = Month(errors, "from", input.From, "Från och med månad");
        var to = Month(errors, "to", input.To, "Till och med månad");
        var today = SwedishTime.Today(Now);
        if (from is { } f && to is { } t)
        {
            if (t < f)
            {
                errors["to"] = ["Till och med månad kan inte ligga före från och med månad."];
            }
            else if ((t.Year - f.Year) * 12 + t.Month - f.Month + 1 > MaxMonths)
            {
                errors["to"] = [$"Perioden får vara högst {MaxMonths} månader."];
            }
            else if (t > new DateOnly(today.Year, today.Month, 1))
            {
                errors["to"] = ["Perioden kan inte sluta i en kommande månad."];
            }
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var report = RegionalReport.Queue(collaboration!.Id, from!.Value, to!.Value, user.Id, await DisplayNameAsync(ct), Now, runner.Instance,
            Now + RegionalReportRunner.Lease);
        db.Add(report);
        log.Add(AccessAction.Create, Entity, report.Id, purpose: $"regional rapport {RegionalReportBuilder.PeriodText(report.FromMonth, report.ToMonth)} (antal, inga personer)");
        await db.SaveChangesAsync(ct);
        runner.Enqueue(report.Id, http.HttpContext!.User);
        return new RegionalReportShown(report, collaboration.Name, null, true);
    }

    /// <summary>
    /// Called by the runner, as the user who ordered the report. The run first claims the report with a conditional update —
    /// queued and held by this instance (or by none, or by one whose lease ran out) → running, held by this instance — so that
    /// a report is generated once even when several instances serve the app; false when another got it or it is gone.
    /// </summary>
    public async Task<bool> RunAsync(Guid id, string instance, CancellationToken ct)
    {
        var now = Now;
        var until = now + RegionalReportRunner.Lease;
        var claimed = await db.Set<RegionalReport>()
            .Where(r => r.Id == id && r.Status == RegionalReportStatus.Queued && (r.ClaimedBy == instance || r.ClaimedBy == null || r.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegionalReportStatus.Running).SetProperty(r => r.ClaimedBy, instance)
                .SetProperty(r => r.LeaseUntil, until).SetProperty(r => r.Progress, 1).SetProperty(r => r.ProgressText, "Startar"), ct);
        if (claimed == 0)
        {
            return false;
        }

        var report = await db.Set<RegionalReport>().SingleAsync(r => r.Id == id, ct);
        var document = await builder.BuildAsync(report.CollaborationId, report.FromMonth, report.ToMonth,
            (percent, text) => ProgressAsync(id, instance, percent, text, ct), ct);
        report.Generated(document, Now);
        try
        {
            await db.SaveChangesAsync(ct); // the version guards against a sweep that failed the report meanwhile
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }

        return true;
    }

    /// <summary>Persists the progress at once (outside the report's tracked state), so that its page shows it while the rest
    /// runs, and renews this instance's lease.</summary>
    private async Task ProgressAsync(Guid id, string instance, int percent, string text, CancellationToken ct)
    {
        var until = Now + RegionalReportRunner.Lease;
        await db.Set<RegionalReport>().Where(r => r.Id == id && r.ClaimedBy == instance && r.Status == RegionalReportStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Progress, percent).SetProperty(r => r.ProgressText, text).SetProperty(r => r.LeaseUntil, until), ct);
    }

    /// <summary>Generates a draft (or a failed report) again from today's data, as the reader; the commentary is kept.</summary>
    public async Task<Outcome<RegionalReportShown>> RegenerateAsync(Guid id, CancellationToken ct)
    {
        var outcome = await ChangeAsync(id, r => r.Regenerate(Now, runner.Instance, Now + RegionalReportRunner.Lease), "tas fram igen", ct);
        if (outcome.Value is { } shown)
        {
            runner.Enqueue(shown.Report.Id, http.HttpContext!.User);
        }

        return outcome;
    }

    public async Task<Outcome<RegionalReportShown>> ReadAsync(Guid id, CancellationToken ct, bool logRead = true)
    {
        var mine = await matching.CollaborationsAsync(ct);
        var report = await db.Set<RegionalReport>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == id && mine.Contains(r.CollaborationId) && (MayEdit || r.Status == RegionalReportStatus.Published), ct);
        if (report is null)
        {
            await log.RecordAsync(AccessAction.Denied, Entity, id, ct: ct);
            return Outcome.NotFound();
        }

        if (logRead && report.Document is not null)
        {
            await log.RecordAsync(AccessAction.Read, Entity, id, purpose: "regional rapport (antal, inga personer)", ct: ct);
        }

        var names = await NamesAsync([report.CollaborationId], ct);
        return new RegionalReportShown(report, names.GetValueOrDefault(report.CollaborationId, ""), report.Read(), MayEdit);
    }

    public Task<Outcome<RegionalReportShown>> CommentAsync(Guid id, string? sectionKey, CommentaryInput input, CancellationToken ct) =>
        ChangeAsync(id, r => r.Comment(sectionKey ?? "", input.Commentary), "kommentar ändrad", ct);

    public async Task<Outcome<RegionalReportShown>> PublishAsync(Guid id, CancellationToken ct)
    {
        var name = await DisplayNameAsync(ct);
        return await ChangeAsync(id, r => r.Publish(user.Id, name, Now), "publicerad", ct);
    }

    private Task<Outcome<RegionalReportShown>> ChangeAsync(Guid id, Action<RegionalReport> change, string what, CancellationToken ct) => Outcome.Guard(async () =>
    {
        var mine = await matching.CollaborationsAsync(ct);
        var report = await db.Set<RegionalReport>().FirstOrDefaultAsync(r => r.Id == id && mine.Contains(r.CollaborationId), ct);
        if (report is null || (!MayEdit && report.Status != RegionalReportStatus.Published))
        {
            await log.RecordAsync(AccessAction.Denied, Entity, id, ct: ct);
            return Outcome.NotFound();
        }

        if (!MayEdit)
        {
            return Outcome.Forbidden("Bara samordnare, analytiker och administratörer ändrar och publicerar regionala rapporter.");
        }

        change(report);
        log.Add(AccessAction.Update, Entity, report.Id, purpose: what);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict("Rapporten ändrades av någon annan samtidigt. Läs in den igen.");
        }

        var names = await NamesAsync([report.CollaborationId], ct);
        return (Outcome<RegionalReportShown>)new RegionalReportShown(report, names.GetValueOrDefault(report.CollaborationId, ""), report.Read(), MayEdit);
    });

    /// <summary>The report in a format: pdf, xlsx (a sheet per table), csv (a zip with a file per table) or json (the stored document).</summary>
    public async Task<Outcome<ReportFile>> DocumentAsync(Guid id, string? format, CancellationToken ct)
    {
        var chosen = (format ?? "pdf").Trim().ToLowerInvariant();
        if (chosen is not ("pdf" or "xlsx" or "csv" or "json"))
        {
            return Outcome.Invalid("format", "Formatet ska vara pdf, xlsx, csv eller json.");
        }

        var outcome = await ReadAsync(id, ct, logRead: false);
        if (outcome.Value is not { } shown)
        {
            return outcome.Failure!;
        }

        if (shown.Document is not { } document)
        {
            return Outcome.Conflict("Rapporten är inte färdig ännu.");
        }

        await log.RecordAsync(AccessAction.Export, Entity, id, purpose: $"regional rapport som {chosen} (antal, inga personer)", ct: ct);
        var name = $"laget-i-lanet-{shown.Report.FromMonth:yyyy-MM}-{shown.Report.ToMonth:yyyy-MM}";
        return chosen switch
        {
            "pdf" => new ReportFile(ReportPdf.Render(document), "application/pdf", name + ".pdf"),
            "xlsx" => new ReportFile(ReportWorkbook.Render(document), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
            "csv" => new ReportFile(ReportCsv.Zip(document), "application/zip", name + "-csv.zip"),
            _ => new ReportFile(System.Text.Encoding.UTF8.GetBytes(shown.Report.Document!), "application/json", name + ".json"),
        };
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Set<Core.Organisations.Collaboration>().AsNoTracking().Where(c => list.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    private async Task<string> DisplayNameAsync(CancellationToken ct) =>
        await db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) is { Length: > 0 } name ? name : user.UserName;

    private static DateOnly? Month(Dictionary<string, string[]> errors, string field, string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = [$"{label} saknas: skriv ÅÅÅÅ-MM, till exempel 2026-06."];
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 2000 and <= 2100)
        {
            return month;
        }

        errors[field] = [$"{label} ska skrivas ÅÅÅÅ-MM, till exempel 2026-06."];
        return null;
    }
}
