using System.Globalization;
using System.Text;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.JobTracks;

/// <summary>A job track in recruitment as the public sees it: what, where, when and for whom — never a person, price or team.</summary>
public sealed record PublicJobTrack(Guid Id, string Title, string OccupationConceptId, string OccupationName, string Ssyk4, string MunicipalityCode,
    string MunicipalityName, string EmploymentForm, DateOnly TrainingStartsOn, int TrainingWeeks, int Places, string? Description, List<string> Employers)
{
    public static PublicJobTrack From(JobTrack t, List<string> employers) => new(t.Id, t.Title, t.OccupationConceptId,
        ReferenceData.Instance.Occupations.GetValueOrDefault(t.OccupationConceptId)?.Name ?? "", t.Ssyk4, t.WorkplaceMunicipalityCode,
        ReferenceData.Instance.MunicipalityName(t.WorkplaceMunicipalityCode), EnumText.Label(t.EmploymentForm), t.TrainingStartsOn, t.TrainingWeeks,
        t.Places, t.PublicDescription, employers);
}

/// <summary>One candidate as the results count them: no id, no name.</summary>
public sealed record ResultRow(CandidateStage Stage, DateOnly? StartedOn, EmploymentForm? HiredAs, string HomeMunicipalityCode, Gender Gender);

/// <summary>How many were proposed, started, completed and hired, for one group or for the whole track.</summary>
public sealed record ResultCounts(int Proposed, int Started, int Completed, int Hired)
{
    public static ResultCounts Of(IEnumerable<ResultRow> rows)
    {
        var list = rows.ToList();
        return new ResultCounts(list.Count, list.Count(r => r.StartedOn is not null),
            list.Count(r => r.Stage is CandidateStage.Completed or CandidateStage.Hired && r.StartedOn is not null),
            list.Count(r => r.Stage == CandidateStage.Hired));
    }

    public int[] Columns => [Proposed, Started, Completed, Hired];
}

/// <summary>The same four figures as shown to one reader: a figure is null when it is suppressed (see <see cref="JobTrackResults.Of"/>).</summary>
public sealed record ShownCounts(int? Proposed, int? Started, int? Completed, int? Hired)
{
    public bool AnySuppressed => Proposed is null || Started is null || Completed is null || Hired is null;

    public static ShownCounts From(int?[] c) => new(c[0], c[1], c[2], c[3]);
}

public sealed record ResultGroup(string HomeMunicipalityCode, string HomeMunicipality, Gender Gender, ShownCounts Counts);

public sealed record HiredAs(EmploymentForm Form, int Count);

/// <summary>
/// A job track's results: counts only, per home municipality and gender. <see cref="SuppressedBelow"/> is null when the
/// reader sees exact figures, else the threshold under which a group's count is suppressed. <see cref="HiredByForm"/> is
/// null when the hired total is suppressed (the split would add up to it).
/// </summary>
public sealed record JobTrackResults(int Places, int ExpectedHires, ShownCounts Total, List<HiredAs>? HiredByForm, List<ResultGroup> Groups,
    int? SuppressedBelow)
{
    /// <summary>
    /// The results as one reader may see them. With <paramref name="suppressBelow"/> (a reader outside the owning
    /// organisation who is not a coordinator) a group's count from 1 up to the threshold is suppressed, so that a small
    /// count cannot point at a few persons in a municipality; and since a column's total minus the shown counts would
    /// give a suppressed one back, the total of every column with a suppressed count is suppressed too (no second cell
    /// is suppressed instead: it would have to be shown as small when it is not).
    /// </summary>
    public static JobTrackResults Of(JobTrack track, List<ResultRow> rows, int? suppressBelow)
    {
        var groups = rows.GroupBy(r => (r.HomeMunicipalityCode, r.Gender))
            .Select(g => (g.Key.HomeMunicipalityCode, Name: ReferenceData.Instance.MunicipalityName(g.Key.HomeMunicipalityCode), g.Key.Gender,
                Cells: ResultCounts.Of(g).Columns.Select(c => (int?)c).ToArray()))
            .OrderBy(g => g.Name, SwedishCollation.Comparer).ThenBy(g => g.Gender).ToList();
        var total = ResultCounts.Of(rows).Columns.Select(c => (int?)c).ToArray();
        if (suppressBelow is { } limit)
        {
            for (var column = 0; column < total.Length; column++)
            {
                foreach (var g in groups.Where(g => g.Cells[column] > 0 && g.Cells[column] < limit))
                {
                    g.Cells[column] = null;
                    total[column] = null;
                }
            }
        }

        var shownTotal = ShownCounts.From(total);
        var hiredByForm = shownTotal.Hired is null ? null
            : rows.Where(r => r.HiredAs is not null).GroupBy(r => r.HiredAs!.Value).OrderBy(g => g.Key).Select(g => new HiredAs(g.Key, g.Count())).ToList();
        return new JobTrackResults(track.Places, track.ExpectedHires, shownTotal, hiredByForm,
            groups.Select(g => new ResultGroup(g.HomeMunicipalityCode, g.Name, g.Gender, ShownCounts.From(g.Cells))).ToList(), suppressBelow);
    }

    /// <summary>A figure as the page writes it: the number, or "&lt;5" for a suppressed group count.</summary>
    public string Text(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? $"<{SuppressedBelow}";
}

/// <summary>What one municipality owes another for the period: the home municipality pays the provider's.</summary>
public sealed record CompensationLine(string PayerMunicipalityCode, string Payer, string ReceiverMunicipalityCode, string Receiver, int Participants,
    int Weeks, decimal Amount);

/// <summary>The interkommunal ersättning per municipality pair for a period, as a page, JSON and CSV.</summary>
public sealed record CompensationReport(DateOnly From, DateOnly To, List<CompensationLine> Lines)
{
    public decimal Total => Lines.Sum(l => l.Amount);

    public static CompensationReport Of(DateOnly from, DateOnly to, List<InterMunicipalCompensation> records)
    {
        var names = ReferenceData.Instance;
        var lines = records.GroupBy(r => (r.PayerMunicipalityCode, r.ReceiverMunicipalityCode))
            .Select(g => new CompensationLine(g.Key.PayerMunicipalityCode, names.MunicipalityName(g.Key.PayerMunicipalityCode), g.Key.ReceiverMunicipalityCode,
                names.MunicipalityName(g.Key.ReceiverMunicipalityCode), g.Count(), g.Sum(r => r.Weeks), g.Sum(r => r.Amount)))
            .OrderBy(l => l.Payer, SwedishCollation.Comparer).ThenBy(l => l.Receiver, SwedishCollation.Comparer).ToList();
        return new CompensationReport(from, to, lines);
    }

    /// <summary>For Excel: UTF-8 with a byte-order mark, semicolons, Swedish headers and decimal commas.</summary>
    public byte[] ToCsv()
    {
        var swedish = CultureInfo.GetCultureInfo("sv-SE");
        var text = new StringBuilder();
        text.Append("Betalande kommun;Kommunkod;Mottagande kommun;Kommunkod;Antal deltagare;Veckor;Belopp (kr);Period\r\n");
        var period = $"{From:yyyy-MM-dd}–{To:yyyy-MM-dd}";
        foreach (var l in Lines)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{Cell(l.Payer)};{l.PayerMunicipalityCode};{Cell(l.Receiver)};{l.ReceiverMunicipalityCode};{l.Participants};{l.Weeks};{l.Amount.ToString("0.00", swedish)};{period}\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Cell(string value) => value.Contains(';') || value.Contains('"') ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
