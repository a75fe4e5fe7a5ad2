namespace Arbetsvagen.Matching;

/// <summary>
/// Travel minutes between municipalities (kommunkod → kommunkod), e.g. from Trafikanalys' commuting data or public
/// transport times. Municipalities are numbered once here and the index stores the number, so the commuting test of
/// the scan is one array read. A pair not given is unreachable; a municipality to itself is 0 minutes.
/// </summary>
public sealed class CommutingMatrix
{
    public const ushort Unreachable = ushort.MaxValue;

    private readonly Dictionary<string, short> numbers = new(StringComparer.Ordinal);
    private readonly string[] codes;
    private readonly ushort[] minutes;

    public CommutingMatrix(IEnumerable<string> municipalityCodes, IEnumerable<(string From, string To, int Minutes)> travel)
    {
        codes = municipalityCodes.Distinct(StringComparer.Ordinal).ToArray();
        if (codes.Length >= short.MaxValue)
        {
            throw new ArgumentException("För många kommuner.", nameof(municipalityCodes));
        }

        for (short i = 0; i < codes.Length; i++)
        {
            numbers[codes[i]] = i;
        }

        minutes = new ushort[codes.Length * codes.Length];
        Array.Fill(minutes, Unreachable);
        for (var i = 0; i < codes.Length; i++)
        {
            minutes[(i * codes.Length) + i] = 0;
        }

        foreach (var (from, to, m) in travel)
        {
            if (numbers.TryGetValue(from, out var f) && numbers.TryGetValue(to, out var t))
            {
                minutes[(f * codes.Length) + t] = (ushort)Math.Clamp(m, 0, Unreachable - 1);
            }
        }
    }

    public int Count => codes.Length;

    /// <summary>The municipality's number, or -1 for a code the matrix does not know.</summary>
    public short NumberOf(string code) => numbers.TryGetValue(code, out var n) ? n : (short)-1;

    public string CodeOf(short number) => number >= 0 && number < codes.Length ? codes[number] : "";

    /// <summary>Minutes from a home municipality to a workplace municipality (by number), or <see cref="Unreachable"/>.</summary>
    public ushort Minutes(short from, short to) =>
        from < 0 || to < 0 ? Unreachable : minutes[(from * codes.Length) + to];

    /// <summary>Minutes from every municipality (by number) to <paramref name="to"/>: the per-query lookup column of the scan.</summary>
    internal ushort[] MinutesTo(short to)
    {
        var column = new ushort[codes.Length];
        for (short from = 0; from < codes.Length; from++)
        {
            column[from] = Minutes(from, to);
        }

        return column;
    }
}
