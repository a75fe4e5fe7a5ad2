using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Arbetsvagen.Infrastructure.Documents;

/// <summary>
/// Helpers of the web form of a report, Infrastructure/Ui/_ReportDocument.cshtml (use it as
/// <c>&lt;partial name="_ReportDocument" model="document" /&gt;</c>). The title is an h1; a page with an h1 of its
/// own sets <c>ViewData[ReportHtml.HeadingLevelKey] = 2</c> and the report's headings move one level down.
/// </summary>
public static class ReportHtml
{
    public const string HeadingLevelKey = "ReportHeadingLevel";

    /// <summary>&lt;hN id="…"&gt;text&lt;/hN&gt;, N kept within 1–6.</summary>
    public static IHtmlContent Heading(int level, string text, string? id = null)
    {
        var tag = new TagBuilder("h" + Math.Clamp(level, 1, 6).ToString(CultureInfo.InvariantCulture));
        if (id is not null)
        {
            tag.Attributes["id"] = id;
        }

        tag.InnerHtml.Append(text);
        return tag;
    }

    public static string SectionId(ReportSection section) => ReportText.Anchor("rapport-", section.Key);

    public static string TableId(string tableKey) => ReportText.Anchor("tabell-", tableKey);

    public static string ChartId(ReportChart chart) => ReportText.Anchor("diagram-", chart.Key);

    /// <summary>The commentary's paragraphs (separated by a blank line).</summary>
    public static IEnumerable<string> Paragraphs(string? text) =>
        (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0);
}
