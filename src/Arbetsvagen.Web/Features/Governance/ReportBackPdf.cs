using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Governance;

/// <summary>
/// The yearly report-back as a PDF through the plain-text writer (ADR 0008): the sender first, as seed 003 asked
/// ("vem kommer materialet ifrån?"), then each focus area with goal, status and report-back, the year's decisions and
/// the action items' status. Tables wait for the table-capable renderer (ADR 0018).
/// </summary>
public static class ReportBackPdf
{
    public static string Title(ReportBack report) => $"Återrapportering {report.Year} – {report.Collaboration.Name}";

    public static byte[] Write(ReportBack report)
    {
        var pdf = new TextPdf { Title = Title(report) };
        pdf.Text(Title(report), 20, bold: true).Space(4)
            .Text($"Avsändare: {report.Sender}", 12, bold: true)
            .Text($"Parter: {string.Join(", ", report.Parties)}", 11)
            .Text($"Upprättad {Ui.Date(report.Today)}", 11).Space(10);

        pdf.Text("Fokusområden", 16, bold: true).Space(2);
        if (report.FocusAreas.Count == 0)
        {
            pdf.Text("Inga fokusområden för året.", 11);
        }

        foreach (var shown in report.FocusAreas)
        {
            var area = shown.Area;
            pdf.Text(area.Title, 13, bold: true)
                .Text($"Status: {EnumText.Label(area.Status)}" + (shown.ResponsibleGroup is { } g ? $". Ansvarig grupp: {g}." : "."), 11)
                .Text("Målsättning: " + area.Goal, 11);
            if (area.Activities.Length > 0)
            {
                pdf.Text("Aktiviteter: " + area.Activities, 11);
            }

            pdf.Text("Återrapport: " + (area.ReportBack ?? "Ännu inte återrapporterat."), 11).Space(6);
        }

        pdf.Space(4).Text("Beslut", 16, bold: true).Space(2);
        if (report.Decisions.Count == 0)
        {
            pdf.Text("Inga beslut under året.", 11);
        }

        foreach (var d in report.Decisions)
        {
            pdf.Text($"{Ui.Date(d.Decision.DecidedOn)} {d.Decision.Reference}: {d.Decision.Text}" + (d.SubjectName is { } s ? $" (gäller {s})" : ""), 11);
        }

        pdf.Space(8).Text("Aktivitetslistan", 16, bold: true).Space(2)
            .Text(string.Join(", ", report.ActionItemsByStatus.Select(s => $"{EnumText.Label(s.Key)}: {s.Value}")) + $". Försenade: {report.OverdueActionItems}.", 11);
        return pdf.ToBytes();
    }
}
