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

    /// <summary>The zip of a view's charts, each file named after the chart (<see cref="ChartSpec.FileName"/>).</summary>
    public static byte[] Zip(IEnumerable<(string FileName, IEnumerable<ChartSeries> Series, CsvHeader Header)> charts) =>
        CsvZip.Create(charts.Select(c => new ExportFile(c.FileName, Csv(c.Series, c.Header))));
}
