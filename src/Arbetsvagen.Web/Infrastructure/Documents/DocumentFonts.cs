using PdfSharp.Fonts;
using SkiaSharp;

namespace Arbetsvagen.Infrastructure.Documents;

/// <summary>
/// The one typeface of the documents, Liberation Sans (SIL OFL 1.1, Fonts/OFL.txt), regular and bold, embedded in the
/// assembly: charts and PDFs look the same on every machine and need no system fonts (a fresh Linux server has none
/// that PDFsharp can find). Liberation Sans has Arial's metrics, so an SVG chart shown where it is missing falls back
/// to Arial or Helvetica without its text moving.
/// </summary>
internal static class DocumentFonts
{
    public const string Family = "Liberation Sans";

    /// <summary>Font stack for SVG text: the same metrics first, then the generic family.</summary>
    public const string SvgFamily = "Liberation Sans, Arial, Helvetica, sans-serif";

    private const string RegularFace = "LiberationSans-Regular", BoldFace = "LiberationSans-Bold";

    public static byte[] Regular { get; } = Load(RegularFace);
    public static byte[] Bold { get; } = Load(BoldFace);

    private static readonly Lock Gate = new();
    private static bool registered;

    /// <summary>Registers the font with ScottPlot and PDFsharp once per process (both keep global font settings).</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            ScottPlot.Fonts.FontResolvers.Insert(0, new ChartFonts(SKTypeface.FromData(SKData.CreateCopy(Regular)),
                SKTypeface.FromData(SKData.CreateCopy(Bold))));
            GlobalFontSettings.FontResolver ??= new PdfFonts();
            registered = true;
        }
    }

    private static byte[] Load(string face)
    {
        using var stream = typeof(DocumentFonts).Assembly.GetManifestResourceStream($"Arbetsvagen.Documents.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"The embedded font {face} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private sealed class ChartFonts(SKTypeface regular, SKTypeface bold) : ScottPlot.IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing spacing) =>
            fontName == Family ? weight >= ScottPlot.FontWeight.SemiBold ? bold : regular : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold1, bool italic) =>
            fontName == Family ? bold1 ? bold : regular : null;
    }

    /// <summary>Every family PDFsharp asks for is Liberation Sans: the renderer names no other.</summary>
    private sealed class PdfFonts : IFontResolver
    {
        public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
            new(isBold ? BoldFace : RegularFace);

        public byte[] GetFont(string faceName) => faceName == BoldFace ? Bold : Regular;
    }
}
