using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace FundingWeb.Model;

/// <summary>
/// A heatmap cell as one piece of markup: a <c>&lt;td&gt;</c> with its button, every value HTML-encoded (asset and venue
/// names come from venues). Built once per cell object and kept beside it, so every circuit that shows the same model
/// shares one string, and a tick that leaves a cell as it was re-sends nothing for it (equal markup, no diff).
/// </summary>
public static class HeatmapCellMarkup
{
    public const string EmptyCell = """<td class="fw-empty" aria-label="not listed">·</td>""";

    private static readonly ConditionalWeakTable<HeatmapCell, string> Built = [];
    private static readonly ConditionalWeakTable<HeatmapRow, string> RowHeads = [];
    private static readonly ConditionalWeakTable<HeatmapColumn, string> ColumnHeads = [];

    public static string For(HeatmapCell? cell) => cell is null ? EmptyCell : Built.GetValue(cell, Build);

    /// <summary>
    /// A row's asset heading: one frame in the grid's render tree instead of three (element, attribute, text), which keeps
    /// the whole grid within 512 frames (a render tree past 512 doubles to 1,024, twice per circuit).
    /// </summary>
    public static string RowHead(HeatmapRow row) =>
        RowHeads.GetValue(row, static r => $"<th scope=\"row\">{HtmlEncoder.Default.Encode(r.Asset)}</th>");

    /// <summary>A venue's column heading, hatched while the venue is stale.</summary>
    public static string ColumnHead(HeatmapColumn column) => ColumnHeads.GetValue(column, static c =>
        $"<th scope=\"col\"{(c.IsStale ? " class=\"fw-stale\"" : "")} data-venue=\"{HtmlEncoder.Default.Encode(c.VenueId)}\">{HtmlEncoder.Default.Encode(c.Name)}</th>");

    private static string Build(HeatmapCell cell)
    {
        var html = HtmlEncoder.Default;
        var css = "fw-cell" + (cell.IsStale ? " fw-stale" : "") + (cell.Unverified ? " fw-unverified" : "") + (cell.Implausible is null ? "" : " fw-implausible");
        var text = (cell.Implausible is null ? "" : "⚠ ") + cell.Display + (cell.Unverified ? "*" : "");
        var s = new StringBuilder(320);
        s.Append("<td class=\"").Append(css)
            .Append("\" style=\"background:").Append(html.Encode(HeatmapViewModel.Background(cell)))
            .Append("\" title=\"").Append(html.Encode(cell.Title))
            .Append("\" data-venue=\"").Append(html.Encode(cell.VenueId))
            .Append("\" data-asset=\"").Append(html.Encode(cell.Asset))
            .Append("\" data-rate1h=\"").Append(html.Encode(Display.Number(cell.Rate1h, "R"))).Append('"');
        if (cell.Implausible is not null) s.Append(" data-implausible=\"true\"");
        s.Append("><button type=\"button\" class=\"fw-cell-button\" aria-label=\"")
            .Append(html.Encode($"{cell.VenueId} {cell.Asset} {cell.Display}: show source"))
            .Append("\">").Append(html.Encode(text)).Append("</button></td>");
        return s.ToString();
    }
}
