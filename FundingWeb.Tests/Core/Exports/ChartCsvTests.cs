using Xunit;
using FundingWeb.Core.Exports;
using FundingWeb.Model;
using FundingWeb.Model.Charts;

namespace FundingWeb.Tests.Core.Exports;

[Trait("Category", "Fast")]
public class ChartCsvTests
{
    private static readonly long T0 = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void Create_TwoSeries_HeaderBlockColumnsAndLongRows()
    {
        var csv = ChartCsv.Create(
            new CsvHeader("Hyperliquid; dYdX", "BTC", "apr", "percent", "7d"),
            [
                new ChartCsvSeries("Hyperliquid settled", [(T0, 10.95), (T0 + 3_600_000, -0.0000125)]),
                new ChartCsvSeries("dYdX, quoted", [(T0, null)]),
            ]);

        Assert.Equal(
            "# venue: Hyperliquid; dYdX\r\n" +
            "# market: BTC\r\n" +
            "# basis: apr\r\n" +
            "# unit: percent\r\n" +
            "# range: 7d\r\n" +
            "time_utc,series,value,basis,unit\r\n" +
            "2025-03-01T00:00:00.000Z,Hyperliquid settled,10.95,apr,percent\r\n" +
            "2025-03-01T01:00:00.000Z,Hyperliquid settled,-0.0000125,apr,percent\r\n" +
            "2025-03-01T00:00:00.000Z,\"dYdX, quoted\",,apr,percent\r\n",
            csv);
    }

    [Fact]
    public void Create_SeriesNamedLikeAFormula_Escaped()
    {
        var csv = ChartCsv.Create(new CsvHeader("=evil", "BTC", "apr", "percent"), [new ChartCsvSeries("=cmd|' /C calc'!A0", [(T0, -1d)])]);

        Assert.Contains("# venue: =evil", csv); // the header line starts with '#', so it is not a formula
        Assert.Contains(",\"'=cmd|' /C calc'!A0\",-1,apr,percent\r\n", csv);
    }

    [Fact]
    public void Points_ChartSeriesData_PairsWithGaps()
    {
        var series = ChartSeries.FromPoints("x", [(T0, -0.5), (T0 + 1000, 2.25)]);
        IReadOnlyList<object?> withGap = [.. series.Data, new object?[] { (double)(T0 + 2000), null }, null];

        var points = ChartCsv.Points(withGap);

        Assert.Equal([(T0, (double?)-0.5), (T0 + 1000, 2.25), (T0 + 2000, null)], points);
    }

    [Fact]
    public void ChartExport_FundingSeries_RowsEqualWhatTheChartShows()
    {
        var state = ViewState.Default with { Basis = FundingWeb.Core.Funding.RateBasis.Hourly };
        var series = new[]
        {
            ChartSeries.FromPoints("Hyperliquid settled", Enumerable.Range(0, 50).Select(i => (T0 + i * 3_600_000L, (i - 25) * 0.00001))),
            ChartSeries.FromPoints("Paradex quoted", [(T0, -0.0000125)]),
        };

        var csv = ChartExport.Csv(series, ChartExport.FundingHeader("BTC", ["Hyperliquid", "Paradex"], state));
        var rows = Rfc4180.Parse(csv).SkipWhile(r => r[0].StartsWith('#')).ToList();

        Assert.Equal(ChartCsv.Columns, rows[0]);
        Assert.Equal(51, rows.Count - 1);
        var data = rows.Skip(1).ToList();
        Assert.Equal("2025-03-01T00:00:00.000Z", data[0][0]);
        Assert.Equal("2025-03-03T01:00:00.000Z", data[49][0]);
        Assert.Equal(series[0].Data.Cast<double[]>().Select(p => p[1]), data.Take(50).Select(r => double.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(["2025-03-01T00:00:00.000Z", "Paradex quoted", "-0.0000125", "1h", "percent"], data[50]);
    }
}
