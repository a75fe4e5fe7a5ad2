using System.Runtime.InteropServices;

namespace Arbetsvagen.Matching;

/// <summary>
/// One candidate's scalar facts packed into 28 bytes (the scan reads one per candidate that passes the commuting
/// test). The candidate's lists (SSYK groups, skills, languages) lie in the index's shared int pool from
/// <see cref="ListStart"/>: experience, then interests, then skills, then languages, each as small interned ints.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CandidateRow
{
    public const int NoBirthDay = int.MaxValue;
    public const byte NoValue = byte.MaxValue;
    public const byte AfRegisteredFlag = 1;

    public int BirthDay;          // DateOnly.DayNumber; NoBirthDay when unknown (fails a minimum-age test)
    public int AvailableDay;      // DateOnly.DayNumber; int.MinValue when available now
    public int ListStart;
    public short EducationField;  // SUN 2020 three digits; -1 when unknown
    public ushort Licences;
    public byte ExperienceCount, InterestCount, SkillCount, LanguageCount;
    public byte Swedish, Education, Readiness, Direction, Physical, Flags; // Readiness/Direction/Physical: NoValue = unknown

    public readonly int InterestStart => ListStart + ExperienceCount;
    public readonly int SkillStart => InterestStart + InterestCount;
    public readonly int LanguageStart => SkillStart + SkillCount;
    public readonly int ListLength => ExperienceCount + InterestCount + SkillCount + LanguageCount;
}

/// <summary>
/// All candidates, built once and kept current one candidate at a time. Struct of arrays: a slot list per home
/// municipality serves the first and most selective test, the commuting set (the scan never reads a candidate who
/// lives outside it); the packed <see cref="CandidateRow"/> the rest of the hard filter and the scoring; the lists a
/// shared int pool; the original profile (for explanation texts only) a cold column read for the top N.
/// Add, update and remove cost one row write, a dictionary lookup and an O(1) move between municipality lists.
/// Removed slots are reused; a candidate whose lists grow moves them to the end of the pool, which is compacted when
/// half of it is garbage. <see cref="UpsertMany"/> loads municipality by municipality so their rows lie together.
/// Thread safety: any number of rankings at once, changes one at a time, through a reader-writer lock.
/// </summary>
public sealed class CandidateIndex : IDisposable
{
    private const short Removed = -2; // a removed slot's municipality: in no municipality's list, so never scanned

    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, int> slotByKey = new(StringComparer.Ordinal);
    private readonly Stack<int> freeSlots = new();
    private readonly Dictionary<string, int> skillIds = new(StringComparer.Ordinal);
    private readonly List<int> skillGroupOf = []; // interned skill id → interned group id, or -1
    private readonly Dictionary<string, int> skillGroupIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> languageIds = new(StringComparer.OrdinalIgnoreCase);

    private short[] municipality = [];
    // The slots of each home municipality (by number): the scan visits only the municipalities in the commuting set.
    private readonly List<int>[] slotsByHome;
    private int[] positionInHome = []; // where a slot sits in its municipality's list, for an O(1) swap-remove
    private CandidateRow[] rows = [];
    private CandidateProfile?[] profiles = [];
    private int[] listCapacity = [];
    private int[] pool = new int[1024];
    private int poolUsed;
    private int poolGarbage;
    private int slotCount;

    public CandidateIndex(CommutingMatrix commuting, MatchingTaxonomy? taxonomy = null)
    {
        Commuting = commuting;
        Taxonomy = taxonomy ?? MatchingTaxonomy.Empty;
        slotsByHome = [.. Enumerable.Range(0, commuting.Count).Select(_ => new List<int>())];
    }

    public CommutingMatrix Commuting { get; }

    public void Dispose() => gate.Dispose();
    public MatchingTaxonomy Taxonomy { get; }

    public int Count
    {
        get
        {
            gate.EnterReadLock();
            try
            {
                return slotByKey.Count;
            }
            finally
            {
                gate.ExitReadLock();
            }
        }
    }

    /// <summary>Bytes the scan's arrays hold (columns, rows and pool), for the benchmark's bandwidth figure.</summary>
    internal long HotBytes => (municipality.LongLength * sizeof(short)) + (rows.LongLength * Marshal.SizeOf<CandidateRow>()) + ((long)poolUsed * sizeof(int));

    /// <summary>Adds the candidate, or replaces the one with the same key.</summary>
    public void Upsert(CandidateProfile candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        gate.EnterWriteLock();
        try
        {
            var lists = ListsOf(candidate);
            if (!slotByKey.TryGetValue(candidate.Key, out var slot))
            {
                slot = freeSlots.Count > 0 ? freeSlots.Pop() : NewSlot();
                slotByKey[candidate.Key] = slot;
                listCapacity[slot] = 0;
            }

            var row = Pack(candidate, lists);
            var length = row.ListLength;
            if (length > listCapacity[slot])
            {
                poolGarbage += listCapacity[slot];
                row.ListStart = Allocate(length);
                listCapacity[slot] = length;
            }
            else
            {
                row.ListStart = rows[slot].ListStart;
            }

            WriteLists(row.ListStart, lists);
            rows[slot] = row;
            var home = Commuting.NumberOf(candidate.HomeMunicipalityCode);
            if (municipality[slot] != home)
            {
                LeaveHome(slot);
                municipality[slot] = home;
                JoinHome(slot);
            }

            profiles[slot] = candidate;
            CompactIfWasteful();
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>
    /// Adds many candidates, e.g. the whole register at start. Sorted by home municipality first, so each
    /// municipality's rows lie together in memory and the scan reads them in order.
    /// </summary>
    public void UpsertMany(IEnumerable<CandidateProfile> candidates)
    {
        foreach (var candidate in candidates.OrderBy(c => c.HomeMunicipalityCode, StringComparer.Ordinal).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            Upsert(candidate);
        }
    }

    /// <summary>Removes the candidate; false when the key is not in the index.</summary>
    public bool Remove(string key)
    {
        gate.EnterWriteLock();
        try
        {
            if (!slotByKey.Remove(key, out var slot))
            {
                return false;
            }

            LeaveHome(slot);
            municipality[slot] = Removed;
            profiles[slot] = null;
            poolGarbage += listCapacity[slot];
            listCapacity[slot] = 0;
            rows[slot] = default;
            freeSlots.Push(slot);
            return true;
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    public CandidateProfile? Get(string key)
    {
        gate.EnterReadLock();
        try
        {
            return slotByKey.TryGetValue(key, out var slot) ? profiles[slot] : null;
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>Every candidate now in the index (a copy of the list; the profiles themselves are immutable), for aggregates.</summary>
    public IReadOnlyList<CandidateProfile> All()
    {
        gate.EnterReadLock();
        try
        {
            return [.. slotByKey.Values.Select(slot => profiles[slot]!)];
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>Runs <paramref name="read"/> with the index's arrays under the read lock; the scan's way in.</summary>
    internal T Read<T>(Func<Snapshot, T> read)
    {
        gate.EnterReadLock();
        try
        {
            return read(new Snapshot(this));
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>The arrays as they are under the read lock.</summary>
    internal readonly struct Snapshot(CandidateIndex index)
    {
        public int SlotCount => index.slotCount;
        public short[] Municipality => index.municipality;
        public CandidateRow[] Rows => index.rows;
        public int[] Pool => index.pool;
        public CandidateProfile?[] Profiles => index.profiles;
        public List<int> SkillGroupOf => index.skillGroupOf;
        public List<int>[] SlotsByHome => index.slotsByHome;
        public CandidateIndex Index => index;
    }

    /// <summary>The candidate count for a caller that already holds the lock.</summary>
    internal int CountUnlocked => slotByKey.Count;

    internal int? SlotOf(string key) => slotByKey.TryGetValue(key, out var slot) ? slot : null;

    /// <summary>The interned id of a skill, or -1 if no candidate has had it.</summary>
    internal int SkillId(string conceptId) => skillIds.TryGetValue(conceptId, out var id) ? id : -1;

    /// <summary>The interned id of a skill's group (from the taxonomy), or -1.</summary>
    internal int SkillGroupIdOf(string conceptId) =>
        Taxonomy.SkillGroups.TryGetValue(conceptId, out var group) && skillGroupIds.TryGetValue(group, out var id) ? id : -1;

    internal int LanguageId(string code) => languageIds.TryGetValue(code.Trim(), out var id) ? id : -1;

    private (int[] Experience, int[] Interest, int[] Skills, int[] Languages) ListsOf(CandidateProfile c)
    {
        var experience = c.ExperienceSsyk.Distinct().Order().ToArray();
        var interest = c.InterestSsyk.Distinct().Order().ToArray();
        string[] skills = [.. c.Skills.Distinct(StringComparer.Ordinal)];
        string[] languages = [.. c.Languages.Select(l => l.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
        foreach (var (name, count) in new[] { ("ExperienceSsyk", experience.Length), ("InterestSsyk", interest.Length), ("Skills", skills.Length), ("Languages", languages.Length) })
        {
            if (count > byte.MaxValue)
            {
                throw new ArgumentException($"Högst {byte.MaxValue} värden i {name}.", nameof(c));
            }
        }

        // Interning changes shared dictionaries: the caller holds the write lock.
        return (experience, interest, [.. skills.Select(InternSkill)], [.. languages.Select(InternLanguage)]);
    }

    private int InternSkill(string conceptId)
    {
        if (skillIds.TryGetValue(conceptId, out var id))
        {
            return id;
        }

        id = skillIds.Count;
        skillIds[conceptId] = id;
        var group = -1;
        if (Taxonomy.SkillGroups.TryGetValue(conceptId, out var groupName))
        {
            if (!skillGroupIds.TryGetValue(groupName, out group))
            {
                group = skillGroupIds.Count;
                skillGroupIds[groupName] = group;
            }
        }

        skillGroupOf.Add(group);
        return id;
    }

    private int InternLanguage(string code)
    {
        if (!languageIds.TryGetValue(code, out var id))
        {
            id = languageIds.Count;
            languageIds[code] = id;
        }

        return id;
    }

    private static CandidateRow Pack(CandidateProfile c, (int[] Experience, int[] Interest, int[] Skills, int[] Languages) lists) => new()
    {
        BirthDay = c.DateOfBirth?.DayNumber ?? CandidateRow.NoBirthDay,
        AvailableDay = c.AvailableFrom?.DayNumber ?? int.MinValue,
        EducationField = ParseField(c.EducationField),
        Licences = (ushort)c.Licences,
        ExperienceCount = (byte)lists.Experience.Length,
        InterestCount = (byte)lists.Interest.Length,
        SkillCount = (byte)lists.Skills.Length,
        LanguageCount = (byte)lists.Languages.Length,
        Swedish = (byte)c.SwedishLevel,
        Education = (byte)c.EducationLevel,
        Readiness = c.Readiness is { } r ? (byte)r : CandidateRow.NoValue,
        Direction = c.Direction is { } d ? (byte)d : CandidateRow.NoValue,
        Physical = c.PhysicalCapacity is { } p ? (byte)p : CandidateRow.NoValue,
        Flags = c.AfRegistered ? CandidateRow.AfRegisteredFlag : (byte)0,
    };

    /// <summary>A SUN 2020 field code as a number (three digits), or -1 when absent or not three digits.</summary>
    internal static short ParseField(string? code) =>
        code is { Length: 3 } && short.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (short)-1;

    private void WriteLists(int start, (int[] Experience, int[] Interest, int[] Skills, int[] Languages) lists)
    {
        var at = start;
        foreach (var list in new[] { lists.Experience, lists.Interest, lists.Skills, lists.Languages })
        {
            list.CopyTo(pool, at);
            at += list.Length;
        }
    }

    private void JoinHome(int slot)
    {
        var home = municipality[slot];
        if (home >= 0)
        {
            slotsByHome[home].Add(slot);
            positionInHome[slot] = slotsByHome[home].Count - 1;
        }
    }

    private void LeaveHome(int slot)
    {
        var home = municipality[slot];
        if (home >= 0)
        {
            var list = slotsByHome[home];
            var last = list[^1];
            list[positionInHome[slot]] = last;
            positionInHome[last] = positionInHome[slot];
            list.RemoveAt(list.Count - 1);
        }
    }

    private int NewSlot()
    {
        if (slotCount == rows.Length)
        {
            var capacity = Math.Max(1024, rows.Length * 2);
            Array.Resize(ref rows, capacity);
            Array.Resize(ref profiles, capacity);
            Array.Resize(ref listCapacity, capacity);
            Array.Resize(ref positionInHome, capacity);
            var old = municipality.Length;
            Array.Resize(ref municipality, capacity);
            Array.Fill(municipality, Removed, old, capacity - old);
        }

        return slotCount++;
    }

    private int Allocate(int length)
    {
        if (poolUsed + length > pool.Length)
        {
            Array.Resize(ref pool, Math.Max(pool.Length * 2, poolUsed + length));
        }

        var start = poolUsed;
        poolUsed += length;
        return start;
    }

    private void CompactIfWasteful()
    {
        if (poolGarbage < 4096 || poolGarbage * 2 < poolUsed)
        {
            return;
        }

        var fresh = new int[Math.Max(1024, (poolUsed - poolGarbage) * 2)];
        var at = 0;
        for (var slot = 0; slot < slotCount; slot++)
        {
            if (municipality[slot] == Removed && profiles[slot] is null)
            {
                continue;
            }

            var length = rows[slot].ListLength;
            Array.Copy(pool, rows[slot].ListStart, fresh, at, length);
            rows[slot].ListStart = at;
            listCapacity[slot] = length;
            at += length;
        }

        pool = fresh;
        poolUsed = at;
        poolGarbage = 0;
    }
}
