using System.Globalization;
using System.Text;
using Arbetsvagen.Matching;
using Npgsql;
using NpgsqlTypes;

namespace Arbetsvagen.Matching.Bench;

/// <summary>
/// The same scoring as one SQL query on PostgreSQL over the same generated people: the baseline the in-memory scan
/// is measured against. Written from the formula (README.md), not from the C# code, so agreement also checks the core.
/// </summary>
internal sealed class SqlBaseline(string connectionString, Generator generator)
{
    private const string Database = "matching_bench";

    public string Connection => new NpgsqlConnectionStringBuilder(connectionString) { Database = Database }.ConnectionString;

    public async Task LoadAsync(IReadOnlyList<CandidateProfile> candidates)
    {
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await Exec(admin, $"drop database if exists {Database} with (force)");
            await Exec(admin, $"create database {Database}");
        }

        await using var db = new NpgsqlConnection(Connection);
        await db.OpenAsync();
        await Exec(db, """
            create table candidate(id int primary key, key text collate "C" not null, home smallint not null, birth int not null,
              available int not null, licences int not null, swedish smallint not null, education smallint not null,
              field smallint not null, af boolean not null, readiness smallint not null, direction smallint not null, physical smallint not null);
            create table experience(id int not null, ssyk int not null);
            create table interest(id int not null, ssyk int not null);
            create table skill(id int not null, skill int not null, grp int not null);
            create table language(id int not null, lang int not null);
            create table commute(home smallint not null, work smallint not null, minutes int not null, primary key (work, home));
            """);

        await using (var copy = await db.BeginBinaryImportAsync("copy candidate from stdin (format binary)"))
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                var c = candidates[i];
                await copy.StartRowAsync();
                await copy.WriteAsync(i, NpgsqlDbType.Integer);
                await copy.WriteAsync(c.Key, NpgsqlDbType.Text);
                await copy.WriteAsync(generator.Commuting.NumberOf(c.HomeMunicipalityCode), NpgsqlDbType.Smallint);
                await copy.WriteAsync(c.DateOfBirth?.DayNumber ?? int.MaxValue, NpgsqlDbType.Integer);
                await copy.WriteAsync(c.AvailableFrom?.DayNumber ?? int.MinValue, NpgsqlDbType.Integer);
                await copy.WriteAsync((int)c.Licences, NpgsqlDbType.Integer);
                await copy.WriteAsync((short)c.SwedishLevel, NpgsqlDbType.Smallint);
                await copy.WriteAsync((short)c.EducationLevel, NpgsqlDbType.Smallint);
                await copy.WriteAsync(c.EducationField is { } f ? short.Parse(f, CultureInfo.InvariantCulture) : (short)-1, NpgsqlDbType.Smallint);
                await copy.WriteAsync(c.AfRegistered, NpgsqlDbType.Boolean);
                await copy.WriteAsync(c.Readiness is { } r ? (short)r : (short)255, NpgsqlDbType.Smallint);
                await copy.WriteAsync(c.Direction is { } d ? (short)d : (short)255, NpgsqlDbType.Smallint);
                await copy.WriteAsync(c.PhysicalCapacity is { } p ? (short)p : (short)255, NpgsqlDbType.Smallint);
            }

            await copy.CompleteAsync();
        }

        await CopyPairs(db, "experience", candidates, c => c.ExperienceSsyk.Distinct());
        await CopyPairs(db, "interest", candidates, c => c.InterestSsyk.Distinct());
        await CopyPairs(db, "language", candidates, c => c.Languages.Distinct().Select(l => int.Parse(l[1..], CultureInfo.InvariantCulture)));
        await using (var copy = await db.BeginBinaryImportAsync("copy skill from stdin (format binary)"))
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                foreach (var s in candidates[i].Skills.Distinct().Select(s => int.Parse(s[1..], CultureInfo.InvariantCulture)))
                {
                    await copy.WriteRowAsync(default, i, s, generator.SkillGroupOf[s]);
                }
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await db.BeginBinaryImportAsync("copy commute from stdin (format binary)"))
        {
            for (short home = 0; home < generator.Commuting.Count; home++)
            {
                for (short work = 0; work < generator.Commuting.Count; work++)
                {
                    var minutes = generator.Commuting.Minutes(home, work);
                    if (minutes != CommutingMatrix.Unreachable)
                    {
                        await copy.WriteRowAsync(default, home, work, (int)minutes);
                    }
                }
            }

            await copy.CompleteAsync();
        }

        await Exec(db, """
            create index on candidate(home);
            create index on experience(id); create index on interest(id); create index on skill(id); create index on language(id);
            """);
        await Exec(db, "vacuum analyze"); // alone: VACUUM refuses to run inside a multi-statement batch
    }

    private static async Task CopyPairs(NpgsqlConnection db, string table, IReadOnlyList<CandidateProfile> candidates, Func<CandidateProfile, IEnumerable<int>> values)
    {
        await using var copy = await db.BeginBinaryImportAsync($"copy {table} from stdin (format binary)");
        for (var i = 0; i < candidates.Count; i++)
        {
            foreach (var v in values(candidates[i]))
            {
                await copy.WriteRowAsync(default, i, v);
            }
        }

        await copy.CompleteAsync();
    }

    private static async Task Exec(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    public async Task<List<(string Key, int Profile, int Person)>> TopAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 600 };
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, int, int)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        }

        return rows;
    }

    /// <summary>One SELECT: hard filter in WHERE, each criterion's similarity as a column, the weighted integer sums, ORDER BY, LIMIT.</summary>
    public string Query(OpportunityProfile o, MatchingWeights w, int top)
    {
        var work = generator.Commuting.NumberOf(o.MunicipalityCode);
        var max = o.MaxCommuteMinutes;
        var where = new List<string>();
        var columns = new List<string>();
        var byCategory = new Dictionary<string, (int Weight, List<string> Columns)>();
        void Merit(string category, int weight, string expression)
        {
            var name = $"m{columns.Count}";
            columns.Add($"{expression} as {name}");
            if (!byCategory.TryGetValue(category, out var entry))
            {
                byCategory[category] = entry = (weight, []);
            }

            entry.Columns.Add(name);
        }

        static string Ssyk(string column, int g) =>
            $"case when {column} = {g} then 1000 when {column}/10 = {g / 10} then 750 when {column}/100 = {g / 100} then 500 when {column}/1000 = {g / 1000} then 250 else 0 end";
        string BestSsyk(string table, int g) => $"coalesce((select max({Ssyk("x.ssyk", g)}) from {table} x where x.id = c.id), 0)";
        string SkillSim(int s) => $"coalesce((select max(case when x.skill = {s} then 1000 when x.grp = {generator.SkillGroupOf[s]} then 500 else 0 end) from skill x where x.id = c.id), 0)";

        foreach (var c in o.Criteria.OrderByDescending(c => c.MustHave).DistinctBy(c => (c.Kind, c.Value)))
        {
            var v = c.Value;
            var (category, weight, expression) = c.Kind switch
            {
                CriterionKind.OccupationExperience => ("exp", w.OccupationExperience, BestSsyk("experience", int.Parse(v, CultureInfo.InvariantCulture))),
                CriterionKind.Skill => ("skill", w.Skills, SkillSim(int.Parse(v[1..], CultureInfo.InvariantCulture))),
                CriterionKind.SwedishLevel => ("swedish", w.SwedishLevel, $"case when c.swedish >= {(int)Enum.Parse<SwedishLevel>(v)} then 1000 else 0 end"),
                CriterionKind.DrivingLicence => ("licence", w.DrivingLicence, $"case when c.licences & {Licence(v)} = {Licence(v)} then 1000 else 0 end"),
                CriterionKind.EducationLevel => ("education", w.EducationLevel, $"case when c.education >= {(int)Enum.Parse<EducationLevel>(v)} then 1000 else 0 end"),
                CriterionKind.MinimumAge => ("other", w.OtherMerits, $"case when c.birth <= {o.StartsOn.AddYears(-int.Parse(v, CultureInfo.InvariantCulture)).DayNumber} then 1000 else 0 end"),
                CriterionKind.AfRegistration => ("other", w.OtherMerits, "case when c.af then 1000 else 0 end"),
                CriterionKind.PhysicalDemands => ("other", w.OtherMerits, $"case when c.physical <> 255 and c.physical >= {(int)Enum.Parse<PhysicalDemands>(v)} then 1000 else 0 end"),
                CriterionKind.EducationField => ("field", w.EducationField, Field(v)),
                _ => ("language", w.Languages, $"case when exists (select 1 from language x where x.id = c.id and x.lang = {int.Parse(v[1..], CultureInfo.InvariantCulture)}) then 1000 else 0 end"),
            };
            if (c.MustHave)
            {
                where.Add($"({expression}) = 1000");
            }
            else
            {
                Merit(category, weight, expression);
            }
        }

        var commute = max == 0 ? "1000" : $"({max} - m.minutes) * 1000 / {max}";
        var direction = $"case c.direction when 0 then {Dir(0)} when 1 then {Dir(1)} when 2 then {Dir(2)} when 3 then {Dir(3)} when 4 then {Dir(4)} else 0 end";
        int Dir(int d) => d switch
        {
            0 => new[] { 1000, 500, 500 }[(int)o.Kind],
            1 => new[] { 750, 250, 1000 }[(int)o.Kind],
            2 => new[] { 500, 250, 0 }[(int)o.Kind],
            3 => new[] { 250, 1000, 0 }[(int)o.Kind],
            _ => 250,
        };
        Merit("readiness", w.Readiness, "case c.readiness when 0 then 1000 when 1 then 500 else 0 end");
        Merit("direction", w.Direction, direction);
        Merit("commuting", w.Commuting, commute);
        var personTerms = new List<string> { $"{w.PersonDirection} * ({direction})", $"{w.PersonCommuting} * ({commute})" };
        var personWeight = w.PersonDirection + w.PersonCommuting;
        if (o.OccupationSsyk is { } ssyk)
        {
            Merit("interest", w.OccupationInterest, BestSsyk("interest", ssyk));
            personTerms.Add($"{w.PersonInterest} * ({BestSsyk("interest", ssyk)})");
            personWeight += w.PersonInterest;
        }

        var profileWeight = byCategory.Values.Sum(e => e.Weight);
        var raw = string.Join(" + ", byCategory.Values.Select(e => $"{e.Weight}::bigint * (({string.Join(" + ", e.Columns)}) / {e.Columns.Count})"));
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"""
            select key, profile, person from (
              select key, (({raw}) / {profileWeight})::int as profile, person from (
                select c.key, {string.Join(", ", columns)}, ({string.Join(" + ", personTerms)}) / {personWeight} as person
                from candidate c join commute m on m.home = c.home and m.work = {work} and m.minutes <= {max}
                where c.available <= {o.StartsOn.DayNumber} {string.Concat(where.Select(x => $" and {x}"))}
              ) s
            ) t
            order by {w.ProfileSide}::bigint * profile + {w.PersonSide}::bigint * person desc, key collate "C"
            limit {top}
            """);
        return sql.ToString();
    }

    private static int Licence(string v) => DrivingLicenceText.TryParseOne(v, out var l) ? (int)l : 0;

    private static string Field(string v)
    {
        var f = int.Parse(v, CultureInfo.InvariantCulture);
        return $"case when c.field < 0 then 0 when c.field = {f} then 1000 when c.field/10 = {f / 10} then 600 when c.field/100 = {f / 100} then 300 else 0 end";
    }
}
