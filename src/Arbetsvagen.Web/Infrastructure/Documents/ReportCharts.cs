using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using ScottPlot;

namespace Arbetsvagen.Infrastructure.Documents;

/// <summary>
/// Draws a <see cref="ReportChart"/> with ScottPlot (ADR 0021): SVG for the web page, PNG for the PDF. The chart's
/// title is not drawn inside the image: every format prints it as text beside the image (a caption), with the text
/// alternative and a pointer to the table with the same figures. Colours are dark enough for 3:1 against white
/// (WCAG 1.4.11) and lines also differ by marker shape, so no series is told apart by colour alone.
/// </summary>
public static class ReportCharts
{
    public const int DefaultWidth = 800, DefaultHeight = 450;

    private static readonly Color[] Palette =
        [Color.FromHex("#0B5FA5"), Color.FromHex("#C4490F"), Color.FromHex("#2E7D32"), Color.FromHex("#6A3D9A"),
         Color.FromHex("#8C5A00"), Color.FromHex("#AD1457"), Color.FromHex("#37474F"), Color.FromHex("#00796B")];

    private static readonly MarkerShape[] Markers =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
         MarkerShape.FilledTriangleDown, MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenDiamond];

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>The chart as an SVG document (UTF-8 text, with a title and description element for use on its own).</summary>
    public static string Svg(ReportChart chart, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(chart);
        // A start page draws the same chart for every reader until its figures change: drawn once, then reused.
        var key = $"{width}x{height}:{JsonSerializer.Serialize(chart, KeyJson)}";
        if (!Drawn.TryGetValue(key, out string? svg))
        {
            svg = Draw(chart, width, height);
            Drawn.Set(key, svg, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        }

        return svg!;
    }

    private static readonly JsonSerializerOptions KeyJson = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Drawn charts by their content (aggregates, titles and labels; never a person), at most a thousand kept.</summary>
    private static readonly MemoryCache Drawn = new(new MemoryCacheOptions { SizeLimit = 1_000 });

    private static string Draw(ReportChart chart, int width, int height)
    {
        var svg = Build(chart, 1).GetSvgXml(width, height);
        var open = svg.IndexOf("<svg", StringComparison.Ordinal);
        var close = open < 0 ? -1 : svg.IndexOf('>', open);
        if (close > 0)
        {
            svg = string.Concat(svg.AsSpan(0, close), $" viewBox=\"0 0 {width} {height}\" role=\"img\">",
                $"<title>{SecurityElement.Escape(chart.Title)}</title><desc>{SecurityElement.Escape(chart.TextAlternative)}</desc>",
                svg.AsSpan(close + 1));
        }

        // Shown in a browser, the SVG's text uses the viewer's fonts: the same metrics first, then the generic family.
        return svg.Replace($"font-family=\"{DocumentFonts.Family}\"", $"font-family=\"{DocumentFonts.SvgFamily}\"", StringComparison.Ordinal);
    }

    /// <summary>The SVG as a data: URI for an &lt;img&gt; (the Content-Security-Policy allows img-src data:).</summary>
    public static string SvgDataUri(ReportChart chart, int width = DefaultWidth, int height = DefaultHeight) =>
        "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(Svg(chart, width, height)));

    /// <summary>The chart as a PNG of exactly <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static byte[] Png(ReportChart chart, int width, int height) => Png(chart, width, height, 1);

    /// <summary>
    /// A PNG of <paramref name="width"/> × <paramref name="height"/> pixels laid out as a chart of
    /// width/scale × height/scale drawn at <paramref name="scale"/> (sharp in print).
    /// </summary>
    internal static byte[] Png(ReportChart chart, int width, int height, double scale)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        return Build(chart, scale).GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>
    /// The chart as a one-page PDF of <paramref name="width"/> × <paramref name="height"/> points, drawn by Skia's PDF
    /// back end: vector lines and embedded text, which the report's PDF places as a form (sharp at any zoom, and far
    /// cheaper than a large PNG that PDFsharp must decode and compress again).
    /// </summary>
    internal static byte[] Pdf(ReportChart chart, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var plot = Build(chart, 1);
        using var buffer = new MemoryStream();
        using (var document = SkiaSharp.SKDocument.CreatePdf(buffer))
        {
            var canvas = document.BeginPage(width, height);
            plot.Render(canvas, width, height);
            document.EndPage();
            document.Close();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The chart as an uncompressed 24-bit BMP of <paramref name="width"/> × <paramref name="height"/> pixels drawn at
    /// <paramref name="scale"/>, for the report's PDF: PDFsharp reads a BMP directly and compresses it with zlib,
    /// where a PNG would first be encoded by Skia and then decoded again by PDFsharp's managed PNG reader (the
    /// costliest step of a report's PDF before this).
    /// </summary>
    internal static byte[] Bmp(ReportChart chart, int width, int height, double scale)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var plot = Build(chart, scale);
        using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(width, height, SkiaSharp.SKColorType.Bgra8888, SkiaSharp.SKAlphaType.Premul));
        plot.Render(surface);
        using var pixels = new SkiaSharp.SKBitmap(width, height, SkiaSharp.SKColorType.Bgra8888, SkiaSharp.SKAlphaType.Premul);
        surface.ReadPixels(pixels.Info, pixels.GetPixels(), pixels.RowBytes, 0, 0);
        var source = pixels.GetPixelSpan();
        var stride = (width * 3 + 3) & ~3;
        var bmp = new byte[54 + stride * height];
        var header = bmp.AsSpan();
        header[0] = (byte)'B';
        header[1] = (byte)'M';
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(header[2..], bmp.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(header[10..], 54);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(header[14..], 40);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(header[18..], width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(header[22..], height);
        System.Buffers.Binary.BinaryPrimitives.WriteInt16LittleEndian(header[26..], 1);
        System.Buffers.Binary.BinaryPrimitives.WriteInt16LittleEndian(header[28..], 24);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(header[34..], stride * height);
        for (var y = 0; y < height; y++)
        {
            var from = source.Slice((height - 1 - y) * (int)pixels.RowBytes, width * 4);
            var to = bmp.AsSpan(54 + y * stride, width * 3);
            for (var x = 0; x < width; x++)
            {
                to[x * 3] = from[x * 4];
                to[x * 3 + 1] = from[x * 4 + 1];
                to[x * 3 + 2] = from[x * 4 + 2];
            }
        }

        return bmp;
    }

    private static Plot Build(ReportChart chart, double scale)
    {
        DocumentFonts.EnsureRegistered();
        var plot = new Plot { ScaleFactor = scale };
        var categories = chart.Categories.Count;
        double[] ticks;
        switch (chart.Kind)
        {
            case ReportChartKind.Line:
                ticks = Enumerable.Range(0, categories).Select(i => (double)i).ToArray();
                AddLines(plot, chart);
                break;
            default:
                var group = chart.Kind == ReportChartKind.Bar ? 1 : Math.Max(1, chart.Series.Count);
                var step = group == 1 ? 1 : group + 1;
                ticks = Enumerable.Range(0, categories).Select(i => i * step + (group - 1) / 2.0).ToArray();
                AddBars(plot, chart, group, step);
                break;
        }

        plot.Font.Set(DocumentFonts.Family);
        plot.Axes.Bottom.SetTicks(ticks, chart.Categories.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        // Labels slant when they would not fit side by side (about 6.5 px a character at 12 px, 700 px of plot).
        var longest = chart.Categories.Select(c => c.Length).DefaultIfEmpty(0).Max();
        if (categories > 0 && longest * 6.5 > 700.0 / categories * 0.9)
        {
            // Slanted, each label ending at its tick, so the last one is not cut at the right edge.
            plot.Axes.Bottom.TickLabelStyle.Rotation = -40;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = (float)(10 + 4.3 * Math.Min(40, longest));
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = value => value.ToString("#,##0.##", Swedish),
            IntegerTicksOnly = IsWholeNumbers(chart),
        };
        if (chart.ValueAxisLabel is { Length: > 0 } label)
        {
            plot.YLabel(label);
        }

        var values = chart.Series.SelectMany(s => s.Values).OfType<double>().Where(double.IsFinite).ToList();
        if (values.Count > 0 && values.Min() >= 0)
        {
            plot.Axes.SetLimitsY(0, values.Max() <= 0 ? 1 : values.Max() * 1.08);
        }

        if (chart.Series.Count > 1 && chart.Kind != ReportChartKind.Bar)
        {
            // Beside the plot, not over it: a legend in the data area can hide the bars or points it names.
            plot.ShowLegend(Edge.Right);
        }
        else
        {
            plot.HideLegend();
        }

        return plot;
    }

    private static void AddBars(Plot plot, ReportChart chart, int group, int step)
    {
        for (var s = 0; s < group && s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var color = Palette[s % Palette.Length];
            var bars = new List<Bar>();
            for (var i = 0; i < chart.Categories.Count && i < series.Values.Count; i++)
            {
                if (series.Values[i] is double value && double.IsFinite(value))
                {
                    bars.Add(new Bar { Position = i * step + s, Value = value, FillColor = color, LineWidth = 0, Size = 0.85 });
                }
            }

            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = series.Name;
        }
    }

    /// <summary>A line per series; a missing value leaves a gap, so each unbroken run is drawn on its own.</summary>
    private static void AddLines(Plot plot, ReportChart chart)
    {
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var color = Palette[s % Palette.Length];
            var labelled = false;
            var run = new List<(double X, double Y)>();
            for (var i = 0; i <= series.Values.Count && i <= chart.Categories.Count; i++)
            {
                var value = i < series.Values.Count && i < chart.Categories.Count ? series.Values[i] : null;
                if (value is double v && double.IsFinite(v))
                {
                    run.Add((i, v));
                    continue;
                }

                if (run.Count > 0)
                {
                    var line = plot.Add.Scatter(run.Select(p => p.X).ToArray(), run.Select(p => p.Y).ToArray(), color);
                    line.LineWidth = 2;
                    line.MarkerShape = Markers[s % Markers.Length];
                    line.MarkerSize = 7;
                    if (!labelled)
                    {
                        line.LegendText = series.Name;
                        labelled = true;
                    }

                    run.Clear();
                }
            }
        }
    }

    private static bool IsWholeNumbers(ReportChart chart) =>
        chart.Series.SelectMany(s => s.Values).OfType<double>().All(v => !double.IsFinite(v) || Math.Abs(v - Math.Round(v)) < 1e-9);
}
