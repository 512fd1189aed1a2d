using FundingWeb.Core.Exports;
using FundingWeb.Model.Charts;
using Xunit;

namespace FundingWeb.Tests.Components;

[Trait("Category", "Fast")]
public class ChartExportTests
{
    private static readonly CsvHeader Header = new("Hyperliquid; dYdX v4", "BTC", "apr", "Funding, % APR (simple)");

    [Fact]
    public void Generic_CategoryAxis_WritesOneRowPerCategoryAndSeries()
    {
        var spec = new ChartSpec { XType = "category", Categories = ["1h", "8h", "24h"] };
        var series = new[] { new ChartSeries("Hyperliquid", [10.95, -2.5, null]) };

        var lines = ChartExport.Generic(spec, series, Header).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("category,series,value,basis,unit", lines);
        Assert.Contains("1h,Hyperliquid,10.95,apr,\"Funding, % APR (simple)\"", lines);
        // A negative value stays a number; a gap stays empty.
        Assert.Contains("8h,Hyperliquid,-2.5,apr,\"Funding, % APR (simple)\"", lines);
        Assert.Contains("24h,Hyperliquid,,apr,\"Funding, % APR (simple)\"", lines);
    }

    [Fact]
    public void Generic_NumericAxis_WritesTheXValueAsANumber()
    {
        var spec = new ChartSpec { XType = "numeric", XTitle = "Liquidation price (USD)" };
        var series = new[] { new ChartSeries("Longs", [new double[] { 90500, 12.5 }]) };

        var lines = ChartExport.Generic(spec, series, Header with { Unit = "USD millions" }).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("Liquidation price (USD),series,value,basis,unit", lines);
        Assert.Contains("90500,Longs,12.5,apr,USD millions", lines);
    }
}
