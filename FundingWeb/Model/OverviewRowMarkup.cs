using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;

namespace FundingWeb.Model;

/// <summary>
/// The value cells of the Overview's table rows as one piece of markup per row, built once per row object and shared by
/// every circuit showing it (the rows themselves are shared: <see cref="OverviewTableModels"/>). One frame in a circuit's
/// render tree instead of ten or so; the heading cell, whose link carries the circuit's own view, stays in the template.
/// Every value is HTML-encoded: venue names and assets come from venues.
/// </summary>
public static class OverviewRowMarkup
{
    private static readonly ConditionalWeakTable<SpreadRow, string> Spreads = [];
    private static readonly ConditionalWeakTable<AssetConcentration, string> Concentrations = [];

    public static string Cells(SpreadRow row) => Spreads.GetValue(row, static r =>
        Td("text", $"{r.ShortVenueName} / {r.LongVenueName}") + Td(null, Display.Percent(r.SpreadApr))
        + Td(r.NetApr >= 0 ? "fw-profit" : "fw-loss", Display.Percent(r.NetApr, "+0.00;-0.00")));

    public static string Cells(AssetConcentration row) => Concentrations.GetValue(row, static r =>
        Td(null, Display.Usd(r.TotalUsd)) + Td(null, Display.Number(r.Hhi, "0.000"))
        + Td("text", $"{r.TopVenue} {Display.Percent(r.TopShare, "0")}"));

    private static string Td(string? css, string text) =>
        (css is null ? "<td>" : $"<td class=\"{css}\">") + HtmlEncoder.Default.Encode(text) + "</td>";
}
