using FundingWeb.Core.Exports;
using FundingWeb.Core.Funding;

namespace FundingWeb.Model.Charts;

/// <summary>
/// A chart's CSV from the very series handed to the chart (already downsampled and cut to the range), so the file
/// holds exactly what is drawn. Values stay in the chart's unit (percent at the basis).
/// </summary>
public static class ChartExport
{
    public const string PercentUnit = "percent";

    public static string Csv(IEnumerable<ChartSeries> series, CsvHeader header) =>
        ChartCsv.Create(header, series.Select(s => new ChartCsvSeries(s.Name, ChartCsv.Points(s.Data))));

    /// <summary>The header of a funding chart: venues drawn, the asset, the basis token and percent.</summary>
    public static CsvHeader FundingHeader(string asset, IEnumerable<string> venueNames, ViewState state, long? generatedMs = null) =>
        new(string.Join("; ", venueNames), asset, FundingBasis.Token(state.Basis), PercentUnit, state.Range.Label, generatedMs);

    /// <summary>
    /// Any chart's CSV from its own series: on a time axis the usual long form; on a category or numeric axis the x
    /// column is the category (e.g. an averaging window) or the number (e.g. a liquidation price) as drawn.
    /// </summary>
    public static string Generic(ChartSpec spec, IReadOnlyList<ChartSeries> series, CsvHeader header)
    {
        if (spec.XType == "datetime") return Csv(series, header);
        var output = new StringWriter();
        var csv = new CsvWriter(output);
        csv.Header(header);
        csv.Row(spec.XType == "category" ? "category" : (spec.XTitle ?? "x"), "series", "value", "basis", "unit");
        foreach (var s in series)
        {
            for (var i = 0; i < s.Data.Count; i++)
            {
                switch (s.Data[i])
                {
                    case double[] { Length: >= 2 } p:
                        csv.Number(p[0]).Text(s.Name).Number(p[1]);
                        break;
                    case var y when spec.Categories is { } categories && i < categories.Count:
                        csv.Text(categories[i]).Text(s.Name).Number(y is null ? null : Convert.ToDouble(y, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    default:
                        continue;
                }
                csv.Text(header.Basis).Text(header.Unit).EndRow();
            }
        }
        return output.ToString();
    }
}
