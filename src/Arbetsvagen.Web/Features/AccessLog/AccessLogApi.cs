using System.Globalization;
using System.Text;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Arbetsvagen.Core.AccessLog;

namespace Arbetsvagen.Features.AccessLog;

public sealed record AccessLogFilter(Guid? ParticipantId, string? UserName, string? Action, DateOnly? From, DateOnly? To);

public sealed record AccessLogDto(long Id, DateTime At, Guid? UserId, string UserName, Guid? OrganisationId, string Roles, string Action,
    string EntityType, string? EntityId, Guid? ParticipantId, string? ResultIds, string? Purpose, string Hash);

public sealed record ChainVerification(bool Intact, int EntriesChecked, long? FirstBrokenId);

/// <summary>Loggkontroll: an administrator reviews who accessed what within their organisation.</summary>
public static class AccessLogReview
{
    public const int MaxRows = 500;

    public static void MapAccessLogApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/access-log").WithTags("Loggkontroll").RequireAuthorization(Policies.Administrator);
        group.MapGet("/", async (Guid? participantId, string? userName, string? action, string? from, string? to,
            AppDbContext db, CurrentUser user, CancellationToken ct) =>
        {
            var (filter, errors) = ParseFilter(participantId, userName, action, from, to);
            if (filter is null)
            {
                return ApiResults.Invalid(errors);
            }

            var rows = await Query(db, user, filter).Take(MaxRows).ToListAsync(ct);
            return Results.Ok(rows.Select(ToDto));
        });
        group.MapGet("/export", async (Guid? participantId, string? userName, string? action, string? from, string? to,
            AppDbContext db, CurrentUser user, AccessLogger log, CancellationToken ct) =>
        {
            var (filter, errors) = ParseFilter(participantId, userName, action, from, to);
            if (filter is null)
            {
                return ApiResults.Invalid(errors);
            }

            var csv = await ExportCsvAsync(db, user, log, filter, ct);
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8",
                $"loggkontroll-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv");
        });
        group.MapGet("/verification", async (AppDbContext db, CancellationToken ct) => Results.Ok(await VerifyChainAsync(db, ct)));
    }

    public static (AccessLogFilter?, Dictionary<string, string[]>) ParseFilter(Guid? participantId, string? userName, string? action,
        string? from, string? to)
    {
        var errors = new Dictionary<string, string[]>();
        DateOnly? Date(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", out var d))
            {
                return d;
            }

            errors[field] = ["Datum skrivs ÅÅÅÅ-MM-DD."];
            return null;
        }

        var fromDate = Date("from", from);
        var toDate = Date("to", to);
        if (fromDate > toDate)
        {
            errors["to"] = ["Slutdatum kan inte ligga före startdatum."];
        }

        if (!string.IsNullOrWhiteSpace(action) && !AccessAction.All.Contains(action.Trim()))
        {
            errors["action"] = [$"Okänd händelse. Tillåtna: {string.Join(", ", AccessAction.All)}."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new AccessLogFilter(participantId, string.IsNullOrWhiteSpace(userName) ? null : userName.Trim(),
                string.IsNullOrWhiteSpace(action) ? null : action.Trim(), fromDate, toDate), errors);
    }

    /// <summary>
    /// Entries an administrator may review: those made by users of their organisation (and its units) and
    /// those about participants whose case their organisation holds.
    /// </summary>
    public static IQueryable<AccessLogEntry> Query(AppDbContext db, CurrentUser user, AccessLogFilter filter)
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

    public static AccessLogDto ToDto(AccessLogEntry a) => new(a.Id, DateTime.SpecifyKind(a.At, DateTimeKind.Utc), a.UserId, a.UserName,
        a.OrganisationId, a.Roles, a.Action, a.EntityType, a.EntityId, a.ParticipantId, a.ResultIds, a.Purpose, a.Hash);

    public static async Task<string> ExportCsvAsync(AppDbContext db, CurrentUser user, AccessLogger log, AccessLogFilter filter, CancellationToken ct)
    {
        var rows = await Query(db, user, filter).Take(100_000).ToListAsync(ct);
        var csv = new StringBuilder("id;tidpunkt_utc;anvandare;organisation;roller;handelse;posttyp;post_id;deltagare_id;traffar;syfte;hash\n");
        foreach (var a in rows)
        {
            csv.AppendJoin(';', a.Id.ToString(CultureInfo.InvariantCulture), DateTime.SpecifyKind(a.At, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
                Cell(a.UserName), a.OrganisationId?.ToString() ?? "", Cell(a.Roles), a.Action, a.EntityType, Cell(a.EntityId),
                a.ParticipantId?.ToString() ?? "", Cell(a.ResultIds), Cell(a.Purpose), a.Hash).Append('\n');
        }

        await log.RecordAsync(AccessAction.Export, "AccessLog", null, filter.ParticipantId, "loggkontroll", ct: ct);
        return csv.ToString();
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

    /// <summary>Recomputes every hash in id order; the first row whose hash or link does not match is reported.</summary>
    public static async Task<ChainVerification> VerifyChainAsync(AppDbContext db, CancellationToken ct)
    {
        var previous = "";
        var count = 0;
        await foreach (var entry in db.AccessLog.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (entry.PreviousHash != previous || entry.ComputeHash(previous) != entry.Hash)
            {
                return new ChainVerification(false, count, entry.Id);
            }

            previous = entry.Hash;
        }

        return new ChainVerification(true, count, null);
    }
}
