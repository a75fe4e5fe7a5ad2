using System.Security.Cryptography;

namespace Arbetsvagen.Infrastructure;

/// <summary>
/// The secret keys of the access-log chain, oldest first; the last one keys new rows. They are never in the database:
/// from configuration (<c>AccessLog:ChainKeys</c>, base64 keys separated by commas) or from a file beside the
/// data-protection keys (<c>AccessLog:KeyFile</c>, default <c>{DataProtection:KeysPath}/access-log-chain.keys</c>, one
/// base64 key a line), which the first instance creates. A key is named by its id, a digest of the key that reveals
/// nothing of it. Rotation appends a key (the <c>rotate-log-key</c> command); old keys stay to verify old rows.
/// Read on first use, so that commands that never chain (migrate) need no key.
/// </summary>
public sealed class AccessLogKeyRing
{
    private readonly Lazy<List<(string Id, byte[] Key)>> keys;

    public AccessLogKeyRing(IConfiguration config) => keys = new(() => Load(config));

    /// <summary>A ring of the given keys, oldest first (tests, tools).</summary>
    public AccessLogKeyRing(params byte[][] keys) => this.keys = new(() => keys.Select(k => (IdOf(k), k)).ToList());

    public string CurrentId => keys.Value[^1].Id;
    public byte[] CurrentKey => keys.Value[^1].Key;

    public byte[]? Find(string id) => keys.Value.FirstOrDefault(k => k.Id == id).Key;

    /// <summary>True when <paramref name="id"/> is a known key older than the current one: the chain moves on to the current key.</summary>
    public bool IsOlderThanCurrent(string id)
    {
        var index = keys.Value.FindIndex(k => k.Id == id);
        return index >= 0 && index < keys.Value.Count - 1;
    }

    /// <summary>The key checkpoints are signed with: derived from a chain key, so one secret serves both.</summary>
    public byte[]? CheckpointKey(string id) => Find(id) is { } key ? HMACSHA256.HashData(key, "arbetsvagen access-log checkpoint"u8) : null;

    /// <summary>The key cuts of the chain are signed with (ADR 0027), derived like the checkpoints' key.</summary>
    public byte[]? CutKey(string id) => Find(id) is { } key ? HMACSHA256.HashData(key, "arbetsvagen access-log cut"u8) : null;

    public static string IdOf(byte[] key) =>
        Convert.ToHexStringLower(SHA256.HashData([.. "arbetsvagen access-log key id:"u8, .. key]))[..16];

    public static string KeyFile(IConfiguration config) =>
        config["AccessLog:KeyFile"] ?? Path.Combine(config["DataProtection:KeysPath"] ?? "data/keys", "access-log-chain.keys");

    /// <summary>Appends a new key to the key file and returns its id; instances use it from their next start.</summary>
    public static string Rotate(IConfiguration config)
    {
        var file = KeyFile(config);
        _ = ReadOrCreate(file);
        var key = RandomNumberGenerator.GetBytes(32);
        File.AppendAllText(file, Convert.ToBase64String(key) + "\n");
        return IdOf(key);
    }

    private static List<(string Id, byte[] Key)> Load(IConfiguration config)
    {
        var configured = config["AccessLog:ChainKeys"];
        var texts = string.IsNullOrWhiteSpace(configured)
            ? ReadOrCreate(KeyFile(config))
            : configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var loaded = texts.Select(t => Convert.FromBase64String(t)).Select(k => k.Length >= 32
            ? (IdOf(k), k)
            : throw new InvalidOperationException("Loggkedjans nyckel är för kort: den ska vara minst 32 slumpade byte, base64-kodade.")).ToList();
        return loaded.Count > 0 ? loaded : throw new InvalidOperationException("Ingen nyckel för loggkedjan finns (AccessLog:ChainKeys eller nyckelfilen).");
    }

    /// <summary>The file's keys; the first instance to start creates it, readable by its owner only.</summary>
    private static List<string> ReadOrCreate(string file)
    {
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var stream = new FileStream(file, options);
                stream.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n"));
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another instance created it at the same moment: read theirs, once it is written.
                Thread.Sleep(200);
            }
        }

        return File.ReadAllLines(file).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).ToList();
    }
}
