using System.Globalization;
using System.Text;
using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Core.Consents;
using Arbetsvagen.Features.Retention;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.AccessLog;

/// <summary>The review filter as typed on the page or given to the API; every part optional.</summary>
public sealed record AccessLogQuery(string? ParticipantId = null, string? UserName = null, string? Action = null, string? From = null,
    string? To = null);

public sealed record AccessLogFilter(Guid? ParticipantId, string? UserName, string? Action, DateOnly? From, DateOnly? To);

/// <summary>
/// The log and the consents checked against the chain's keys and the checkpoints outside the database (ADR 0015):
/// <see cref="Messages"/> says in Swedish what is wrong, each kind of damage on its own (truncation, gaps, edits,
/// missing guards, consents); <see cref="Chain"/> and <see cref="Consents"/> give the details.
/// </summary>
/// <see cref="UnapprovedCuts"/>: well-signed cuts of the log that claim more than their culling run approved (ADR 0027).
public sealed record ChainVerification(bool Intact, int EntriesChecked, long? FirstBrokenId, ChainReport? Chain = null,
    ConsentReport? Consents = null, List<string>? Messages = null, List<LogCutProblem>? UnapprovedCuts = null);

public sealed record CsvFile(byte[] Content, string FileName)
{
    public const string ContentType = "text/csv; charset=utf-8";
}

/// <summary>
/// Loggkontroll: an administrator reviews who accessed what within their organisation. The page and the API
/// (<see cref="AccessLogApi"/>) call these same methods.
/// </summary>
public sealed class AccessLogReview(AppDbContext db, CurrentUser user, AccessLogger log, TimeProvider clock, AccessLogVerifier verifier)
{
    public const int MaxRows = 500;
    private const int MaxExportRows = 100_000;

    /// <summary>The Swedish name of a logged action: the log stores stable English values for the CSV and the API.</summary>
    public static string ActionLabel(string action) => action switch
    {
        AccessAction.Read => "Läsning",
        AccessAction.Search => "Sökning",
        AccessAction.Export => "Export",
        AccessAction.Create => "Registrering",
        AccessAction.Update => "Ändring",
        AccessAction.Delete => "Borttagning",
        AccessAction.Denied => "Nekad åtkomst",
        AccessAction.Chain => "Loggkedjan",
        _ => action,
    };

    /// <summary>The latest entries (at most <see cref="MaxRows"/>) the filter finds, or the filter's errors.</summary>
    public async Task<Outcome<List<AccessLogEntry>>> ReviewAsync(AccessLogQuery query, CancellationToken ct)
    {
        var parsed = Parse(query);
        if (parsed.Failure is { } failure)
        {
            return failure;
        }

        return await Query(parsed.Value!).Take(MaxRows).ToListAsync(ct);
    }

    /// <summary>All entries the filter finds as a CSV file for a spreadsheet; the export is itself logged.</summary>
    public async Task<Outcome<CsvFile>> ExportCsvAsync(AccessLogQuery query, CancellationToken ct)
    {
        var parsed = Parse(query);
        if (parsed.Failure is { } failure)
        {
            return failure;
        }

        var filter = parsed.Value!;
        var rows = await Query(filter).Take(MaxExportRows).ToListAsync(ct);
        var csv = new StringBuilder("id;tidpunkt_utc;anvandare;organisation;roller;handelse;posttyp;post_id;deltagare_id;traffar;syfte;hash\n");
        foreach (var a in rows)
        {
            csv.AppendJoin(';', a.Id.ToString(CultureInfo.InvariantCulture), DateTime.SpecifyKind(a.At, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
                Cell(a.UserName), a.OrganisationId?.ToString() ?? "", Cell(a.Roles), a.Action, a.EntityType, Cell(a.EntityId),
                a.ParticipantId?.ToString() ?? "", Cell(a.ResultIds), Cell(a.Purpose), a.Hash).Append('\n');
        }

        await log.RecordAsync(AccessAction.Export, "AccessLog", null, filter.ParticipantId, "loggkontroll", ct: ct);
        // With a byte order mark, so that a spreadsheet reads å, ä and ö right.
        return new CsvFile(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(),
            $"loggkontroll-{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmm}.csv");
    }

    /// <summary>Verifies the whole log and every consent against the keyed chain and its checkpoints.</summary>
    public async Task<ChainVerification> VerifyChainAsync(CancellationToken ct)
    {
        var chain = await verifier.VerifyAsync(db, ct);
        var consents = await ConsentSeal.VerifyAsync(db, ct);
        var messages = new List<string>();
        if (chain.Truncation is { } truncation)
        {
            messages.Add(truncation.Message);
        }

        messages.AddRange(chain.Gaps.Select(g => g.Message));
        messages.AddRange(chain.Edits.Select(e => e.Message));
        messages.AddRange(chain.CutProblems.Select(c => c.Message));
        var unapproved = await UnapprovedCutsAsync(chain.Cuts, ct);
        messages.AddRange(unapproved.Select(c => c.Message));
        messages.AddRange(chain.MissingGuards.Concat(consents.MissingGuards).Select(g =>
            $"Databasens skydd mot ändringar saknas eller är avstängt: {g}. Någon med ägarrättigheter har ändrat databasen."));
        if (chain.BadCheckpointLines > 0)
        {
            messages.Add($"{chain.BadCheckpointLines} rader i kontrollpunktsfilen har fel signatur och har inte använts.");
        }

        messages.AddRange(consents.Problems.Select(p => p.Message));
        return new ChainVerification(chain.Intact && consents.Intact && unapproved.Count == 0, chain.EntriesChecked, chain.FirstBrokenId, chain, consents,
            messages, unapproved);
    }

    /// <summary>
    /// Each cut against the culling run it names: the run must have been approved by an administrator other than the one who
    /// previewed it, and the cut may end no later and remove no more rows than the preview listed and the approval covered.
    /// </summary>
    private async Task<List<LogCutProblem>> UnapprovedCutsAsync(List<AccessLogCut> cuts, CancellationToken ct)
    {
        var ids = cuts.Select(c => c.RunId).Distinct().ToList();
        var runs = await db.Set<RetentionRun>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var problems = new List<LogCutProblem>();
        foreach (var cut in cuts)
        {
            var what = $"Gallringen av loggen till post {cut.FirstKeptSequence} ({cut.Deleted} poster, körning {cut.RunId})";
            var problem = !runs.TryGetValue(cut.RunId, out var run) ? $"{what} hör inte till någon gallringskörning."
                : run.ApprovedAt is null || run.ApprovedByUserId == run.PreviewedByUserId ? $"{what} har inte godkänts av en andra administratör."
                : run.LogKeepFrom is not { } approved || cut.FirstKeptSequence > approved || cut.Deleted > run.LogRows
                    ? $"{what} tar bort mer än som godkändes: körningen godkände loggen före post {run.LogKeepFrom?.ToString(CultureInfo.InvariantCulture) ?? "–"}, {run.LogRows} poster."
                : null;
            if (problem is not null)
            {
                problems.Add(new LogCutProblem(cut.RunId, cut.FirstKeptSequence, "unapproved", problem));
            }
        }

        return problems;
    }

    /// <summary>Reads the filter, with a Swedish message naming each field that cannot be read.</summary>
    public static Outcome<AccessLogFilter> Parse(AccessLogQuery query)
    {
        var errors = new Dictionary<string, string[]>();
        Guid? participant = null;
        if (!string.IsNullOrWhiteSpace(query.ParticipantId))
        {
            if (Guid.TryParse(query.ParticipantId.Trim(), out var id))
            {
                participant = id;
            }
            else
            {
                errors["participantId"] = ["Deltagar-id ska vara ett id (GUID) från loggen eller deltagarsidan."];
            }
        }

        var from = Input.Date(errors, "from", query.From, "från och med-datumet", required: false);
        var to = Input.Date(errors, "to", query.To, "till och med-datumet", required: false);
        if (from > to)
        {
            errors["to"] = ["Till och med-datumet kan inte ligga före från och med-datumet."];
        }

        // The stored value or its Swedish label, as the page's list shows it.
        var action = string.IsNullOrWhiteSpace(query.Action) ? null : query.Action.Trim();
        var known = action is null ? null : AccessAction.All.FirstOrDefault(a =>
            string.Equals(a, action, StringComparison.OrdinalIgnoreCase) || string.Equals(ActionLabel(a), action, StringComparison.CurrentCultureIgnoreCase));
        if (action is not null && known is null)
        {
            errors["action"] = [$"Okänd händelse. Välj en av: {string.Join(", ", AccessAction.All.Select(ActionLabel))}."];
        }

        return errors.Count > 0
            ? Outcome.Invalid(errors)
            : new AccessLogFilter(participant, string.IsNullOrWhiteSpace(query.UserName) ? null : query.UserName.Trim(), known, from, to);
    }

    /// <summary>
    /// Entries an administrator may review: those made by users of their organisation (and its units) and
    /// those about participants whose case their organisation holds.
    /// </summary>
    private IQueryable<AccessLogEntry> Query(AccessLogFilter filter)
    {
        var admin = user.OrganisationId;
        var scope = db.Organisations.Where(o => o.Id == admin || o.ParentId == admin).Select(o => o.Id);
        var participants = db.Participants.Where(p => scope.Contains(p.OwnerOrganisationId)).Select(p => p.Id);
        var query = db.AccessLog.AsNoTracking().Where(a =>
            (a.OrganisationId != null && scope.Contains(a.OrganisationId.Value))
            || (a.ParticipantId != null && participants.Contains(a.ParticipantId.Value)));

        if (filter.ParticipantId is { } participantId)
        {
            var id = participantId.ToString();
            query = query.Where(a => a.ParticipantId == participantId || (a.ResultIds != null && a.ResultIds.Contains(id)));
        }

        if (filter.UserName is { } userName)
        {
            query = query.Where(a => a.UserName == userName);
        }

        if (filter.Action is { } action)
        {
            query = query.Where(a => a.Action == action);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At < end);
        }

        return query.OrderByDescending(a => a.Id);
    }

    // Quotes a cell that needs it and defuses spreadsheet formulas.
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([';', '"', '\n', ',']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
