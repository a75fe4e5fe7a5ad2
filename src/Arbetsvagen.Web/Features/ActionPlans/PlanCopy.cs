using System.Globalization;
using Arbetsvagen.Features.AccessLog;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Arbetsvagen.Features.ActionPlans;

public sealed record PlanCopyActivity(string What, string Description, string Where, string When, string Hours, string Status);

/// <summary>
/// The participant's own copy of the plan ("Din plan"), in plain words: no codes, no internal terms. The same
/// content is shown as a printable page and rendered as PDF.
/// </summary>
public sealed record PlanCopy(string Name, string Goal, string? Direction, string Period, string FollowUp, List<PlanCopyActivity> Activities,
    string Contact, string ContactUnit, int Version)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>The copy for the current user to hand over, with one access-log row; null without access or without a plan.</summary>
    public static async Task<PlanCopy?> LoadAsync(ActionPlanWork work, AppDbContext db, CurrentUser user, Guid participantId, string action,
        CancellationToken ct)
    {
        if (await work.ReadAsync(participantId, ct, action) is not { Plan: { } plan } found)
        {
            return null;
        }

        var contact = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var unit = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        return new PlanCopy($"{found.Grant.Participant.FirstName} {found.Grant.Participant.LastName}", plan.Goal, DirectionText(plan.Direction),
            $"{Day(plan.StartsOn)} till {Day(plan.EndsOn)}", Day(plan.ReviewOn),
            plan.Activities.Where(a => a.Status != PlanActivityStatus.Cancelled).OrderBy(a => a.StartsOn).ThenBy(a => a.Description)
                .Select(a => new PlanCopyActivity(EnumText.Label(a.Kind), a.Description, a.Provider, $"{Day(a.StartsOn)} till {Day(a.EndsOn)}",
                    a.HoursPerWeek == 0 ? "Inga fasta tider" : $"{a.HoursPerWeek.ToString("0.#", Swedish)} timmar i veckan", Status(a.Status)))
                .ToList(),
            contact ?? user.UserName, unit ?? "", plan.Version);
    }

    public static string Day(DateOnly date) => date.ToString("d MMMM yyyy", Swedish);

    private static string? DirectionText(PlanDirection direction) => direction switch
    {
        PlanDirection.LocalJobTrack => "Du går en utbildning som leder till ett jobb hos en arbetsgivare (jobbspår).",
        PlanDirection.Employment => "Du ska få ett arbete.",
        PlanDirection.Studies => "Du ska börja studera.",
        PlanDirection.Preparatory => "Du förbereder dig först för arbete eller studier.",
        _ => null,
    };

    private static string Status(PlanActivityStatus status) => status switch
    {
        PlanActivityStatus.Planned => "Ska börja",
        PlanActivityStatus.Ongoing => "Pågår nu",
        PlanActivityStatus.Completed => "Klart",
        PlanActivityStatus.Interrupted => "Avbrutet",
        _ => EnumText.Label(status),
    };

    /// <summary>The same content as an A4 PDF, in DejaVu Sans (embedded in the application).</summary>
    public byte[] ToPdf()
    {
        PdfFonts.EnsureConfigured();
        using var document = new PdfDocument();
        document.Info.Title = "Din plan";
        document.Info.Author = ContactUnit;
        var pdf = new PdfWriter(document);
        pdf.Text("Din plan", 24, bold: true);
        pdf.Text(Name, 14);
        pdf.Space(10);
        pdf.Text("Ditt mål", 17, bold: true);
        pdf.Text(Goal, 13);
        if (Direction is not null)
        {
            pdf.Text(Direction, 13);
        }

        pdf.Text($"Planen gäller {Period}.", 13);
        pdf.Space(10);
        pdf.Text("Det här ska du göra", 17, bold: true);
        foreach (var a in Activities)
        {
            pdf.Space(4);
            pdf.Text($"{a.What}: {a.Description}", 13, bold: true);
            if (!string.IsNullOrWhiteSpace(a.Where))
            {
                pdf.Text($"Var: {a.Where}", 13);
            }

            pdf.Text($"När: {a.When}", 13);
            pdf.Text($"Hur mycket: {a.Hours}", 13);
            pdf.Text($"Läge: {a.Status}", 13);
        }

        if (Activities.Count == 0)
        {
            pdf.Text("Inga aktiviteter är inlagda ännu.", 13);
        }

        pdf.Space(10);
        pdf.Text("Så följer vi upp", 17, bold: true);
        pdf.Text($"Vi ses och går igenom planen tillsammans senast {FollowUp}.", 13);
        pdf.Space(10);
        pdf.Text("Kontakt", 17, bold: true);
        pdf.Text($"{Contact}, {ContactUnit}", 13);
        pdf.Text("Hör av dig om något i planen inte stämmer eller om du inte kan komma.", 13);
        pdf.Space(10);
        pdf.Text($"Version {Version}", 10);
        pdf.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    /// <summary>Writes wrapped lines top-down on A4 pages, starting a new page when one is full.</summary>
    private sealed class PdfWriter(PdfDocument document) : IDisposable
    {
        private const double Margin = 56; // 2 cm
        private XGraphics? gfx;
        private PdfPage? page;
        private double y;

        public void Text(string text, double size, bool bold = false)
        {
            var font = new XFont(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                foreach (var line in Wrap(paragraph, font))
                {
                    var height = font.GetHeight() * 1.15;
                    if (gfx is null || y + height > page!.Height.Point - Margin)
                    {
                        NewPage();
                    }

                    gfx!.DrawString(line, font, XBrushes.Black, new XRect(Margin, y, page!.Width.Point - 2 * Margin, height), XStringFormats.TopLeft);
                    y += height;
                }
            }
        }

        public void Space(double points) => y += points;

        public void Dispose() => gfx?.Dispose();

        private void NewPage()
        {
            gfx?.Dispose();
            page = document.AddPage();
            page.Size = PageSize.A4;
            gfx = XGraphics.FromPdfPage(page);
            y = Margin;
        }

        private IEnumerable<string> Wrap(string paragraph, XFont font)
        {
            if (gfx is null)
            {
                NewPage();
            }

            var width = page!.Width.Point - 2 * Margin;
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (line.Length > 0 && gfx!.MeasureString(candidate, font).Width > width)
                {
                    yield return line;
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            yield return line;
        }
    }
}

/// <summary>PDFsharp set-up, once per process: the AGPL licence choice and a font resolver that serves embedded DejaVu Sans.</summary>
public static class PdfFonts
{
    public const string Family = "DejaVu Sans";
    private static readonly Lazy<bool> Configured = new(() =>
    {
        // PDFsharp 6.5 requires the licence to be chosen in code; see the report on this dependency's licence.
        PdfSharpLicense.SetAgplLicense();
        GlobalFontSettings.FontResolver = new Resolver();
        return true;
    });

    public static void EnsureConfigured() => _ = Configured.Value;

    private sealed class Resolver : IFontResolver
    {
        private static readonly Lazy<byte[]> Regular = new(() =>
        {
            using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream("Fonts.DejaVuSans.ttf")
                ?? throw new InvalidOperationException("The embedded font Fonts/DejaVuSans.ttf is missing.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });

        // One face; bold is simulated, which keeps a single font file in the application.
        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new("DejaVuSans", bold, italic);

        public byte[] GetFont(string faceName) => Regular.Value;
    }
}
