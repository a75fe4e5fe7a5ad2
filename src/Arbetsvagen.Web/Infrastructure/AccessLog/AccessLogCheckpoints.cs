using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Infrastructure;

/// <summary>Where the chain stood at a moment: its last sequence number and hash, signed with the chain key.</summary>
public sealed record AccessLogCheckpoint(long Sequence, string Hash, DateTime At, string KeyId, string Signature)
{
    public string SignedText => string.Join('\u001f', Sequence.ToString(CultureInfo.InvariantCulture), Hash,
        At.ToString("O", CultureInfo.InvariantCulture), KeyId);
}

/// <summary>The checkpoints read back: the well-signed ones, and how many lines were not; and the well-signed cuts (ADR 0027).</summary>
public sealed record CheckpointFile(List<AccessLogCheckpoint> Checkpoints, int BadLines, List<AccessLogCut> Cuts);

/// <summary>A cut of the chain as one line of the checkpoint file (ADR 0027); <see cref="Kind"/> is "cut".</summary>
public sealed record CutLine(string Kind, Guid RunId, long FirstKeptSequence, string LastDeletedHash, long Deleted, DateTime At, string KeyId, string Signature)
{
    public static CutLine From(AccessLogCut c) => new("cut", c.RunId, c.FirstKeptSequence, c.LastDeletedHash, c.Deleted, c.At, c.KeyId, c.Signature);

    public AccessLogCut ToCut() => AccessLogCut.Of(RunId, FirstKeptSequence, LastDeletedHash, Deleted, DateTime.SpecifyKind(At, DateTimeKind.Utc), KeyId, Signature);
}

/// <summary>
/// Anchors the access-log chain outside the database (ADR 0015): every so often the last sequence number and hash are
/// appended, signed, as one JSON line to a file that only grows (<c>AccessLog:CheckpointFile</c>, default
/// <c>{DataProtection:KeysPath}/access-log-checkpoints.jsonl</c>; make it append-only with <c>chattr +a</c> and keep a
/// copy elsewhere), to the application's log (journald under systemd), and where <c>AccessLog:Syslog</c> names a
/// host:port, to syslog over UDP. Whoever rewrites the database cannot rewrite what was anchored before.
/// Instances share the file; each appends whole lines.
/// </summary>
// The semaphore holds no handle and lives as long as the application (a singleton), as in AccessLogBatches.
#pragma warning disable CA1001
public sealed class AccessLogCheckpoints(DbContextOptions<AppDbContext> options, AccessLogKeyRing keys, IConfiguration config,
    TimeProvider clock, ILogger<AccessLogCheckpoints> logger)
#pragma warning restore CA1001
{
    private readonly SemaphoreSlim writing = new(1, 1);
    private long lastWritten;

    public string FilePath { get; } = config["AccessLog:CheckpointFile"]
        ?? Path.Combine(config["DataProtection:KeysPath"] ?? "data/keys", "access-log-checkpoints.jsonl");

    public TimeSpan Interval { get; } = TimeSpan.FromSeconds(config.GetValue("AccessLog:CheckpointSeconds", 60));

    /// <summary>Anchors the chain's current end, unless this instance anchored the same end before; returns what it wrote.</summary>
    public async Task<AccessLogCheckpoint?> WriteAsync(CancellationToken ct = default)
    {
        await writing.WaitAsync(ct);
        try
        {
            await using var db = new AppDbContext(options);
            var last = await db.AccessLog.AsNoTracking().Where(a => a.Sequence != null).OrderByDescending(a => a.Sequence)
                .Select(a => new { Sequence = a.Sequence!.Value, a.Hash }).FirstOrDefaultAsync(ct);
            if (last is null || last.Sequence == lastWritten)
            {
                return null;
            }

            var at = clock.GetUtcNow().UtcDateTime;
            at = new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
            var unsigned = new AccessLogCheckpoint(last.Sequence, last.Hash, at, keys.CurrentId, "");
            var checkpoint = unsigned with { Signature = Sign(unsigned, keys.CheckpointKey(keys.CurrentId)!) };
            await AppendLineAsync(JsonSerializer.Serialize(checkpoint, JsonOptions), ct);
            lastWritten = last.Sequence;
            return checkpoint;
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>Anchors a cut of the chain (ADR 0027) outside the database, as the checkpoints are; written once the cut is committed.</summary>
    public async Task AppendCutAsync(AccessLogCut cut, CancellationToken ct = default)
    {
        await writing.WaitAsync(ct);
        try
        {
            await AppendLineAsync(JsonSerializer.Serialize(CutLine.From(cut), JsonOptions), ct);
        }
        finally
        {
            writing.Release();
        }
    }

    private async Task AppendLineAsync(string line, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(FilePath))!);
        await using (var file = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
        {
            // One write of the whole line, so that lines from several instances never interleave.
            await file.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), ct);
            await file.FlushAsync(ct);
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Kontrollpunkt för loggkedjan: {Checkpoint}", line);
        }

        await SendToSyslogAsync(line);
    }

    /// <summary>Every checkpoint in the file whose signature holds; lines that are not well-signed are counted, not trusted.</summary>
    public CheckpointFile Read()
    {
        if (!File.Exists(FilePath))
        {
            return new CheckpointFile([], 0, []);
        }

        var good = new List<AccessLogCheckpoint>();
        var cuts = new List<AccessLogCut>();
        var bad = 0;
        using var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            AccessLogCheckpoint? checkpoint = null;
            try
            {
                if (line.Contains("\"kind\":\"cut\"", StringComparison.Ordinal))
                {
                    var cut = JsonSerializer.Deserialize<CutLine>(line, JsonOptions)?.ToCut();
                    if (cut is not null && cut.SignatureHolds(keys))
                    {
                        cuts.Add(cut);
                    }
                    else
                    {
                        bad++;
                    }

                    continue;
                }

                checkpoint = JsonSerializer.Deserialize<AccessLogCheckpoint>(line, JsonOptions);
            }
            catch (JsonException)
            {
            }

            var key = checkpoint is null ? null : keys.CheckpointKey(checkpoint.KeyId);
            if (checkpoint is not null && key is not null && CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(Sign(checkpoint, key)), Encoding.ASCII.GetBytes(checkpoint.Signature ?? "")))
            {
                good.Add(checkpoint with { At = DateTime.SpecifyKind(checkpoint.At, DateTimeKind.Utc) });
            }
            else
            {
                bad++;
            }
        }

        return new CheckpointFile(good, bad, cuts);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static string Sign(AccessLogCheckpoint checkpoint, byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(checkpoint.SignedText)));

    /// <summary>An RFC 5424 message (facility log audit) to the configured syslog host; a lost datagram is only logged.</summary>
    private async Task SendToSyslogAsync(string line)
    {
        var target = config["AccessLog:Syslog"];
        if (string.IsNullOrWhiteSpace(target))
        {
            return;
        }

        var separator = target.LastIndexOf(':');
        var host = separator > 0 ? target[..separator] : target;
        var port = separator > 0 && int.TryParse(target[(separator + 1)..], out var p) ? p : 514;
        try
        {
            using var udp = new UdpClient();
            var message = $"<110>1 {clock.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} {Environment.MachineName} arbetsvagen - accesslog-checkpoint - {line}";
            await udp.SendAsync(Encoding.UTF8.GetBytes(message), host, port);
        }
        catch (SocketException e)
        {
            logger.LogWarning(e, "Kontrollpunkten kunde inte skickas till syslog ({Target}).", target);
        }
    }
}

/// <summary>Writes a checkpoint every <see cref="AccessLogCheckpoints.Interval"/> and a last one when the host stops.</summary>
public sealed class AccessLogCheckpointWriter(AccessLogCheckpoints checkpoints, ILogger<AccessLogCheckpointWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(checkpoints.Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryWriteAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await TryWriteAsync(cancellationToken);
    }

    private async Task TryWriteAsync(CancellationToken ct)
    {
        try
        {
            await checkpoints.WriteAsync(ct);
        }
#pragma warning disable CA1031 // a missed checkpoint is logged and the next tick tries again; it must not stop the host
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Kontrollpunkten för loggkedjan kunde inte skrivas.");
        }
    }
}
