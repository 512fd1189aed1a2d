using Xunit;
using FundingWeb.Core.Funding;
using static FundingWeb.Tests.Core.Funding.FundingRows;

namespace FundingWeb.Tests.Core.Funding;

[Trait("Category", "Fast")]
public class TermStructureTests
{
    private static readonly long End = At(0);

    private static FundingCurvePoint Window(FundingCurve curve, string label) => curve.Points.Single(p => p.Label == label);

    [Fact]
    public void Windows_AreTheProductList()
    {
        Assert.Equal(["1h", "8h", "24h", "7d", "30d"], TermStructure.Windows.Select(w => w.Label).ToArray());
        Assert.Equal([1d, 8d, 24d, 168d, 720d], TermStructure.Windows.Select(w => w.Hours).ToArray());
    }

    [Fact]
    public void Build_TwoHourlyRows_OneHourWindowTakesOnlyTheRowInsideIt()
    {
        // Rows at end − 1h (0.00001) and at end (0.00003). The 1h window is (end − 1h, end]: only the last row.
        FundingRate[] rows = [Settled(-1, 0.00001), Settled(0, 0.00003)];

        var curve = TermStructure.Build("hyperliquid", "BTC", rows, End);

        Assert.Equal(0.00003, Window(curve, "1h").AverageRate1h!.Value, 15);
        Assert.Equal(1, Window(curve, "1h").SampleCount);
        Assert.Equal(0.00002, Window(curve, "8h").AverageRate1h!.Value, 15);
        Assert.Equal(2, Window(curve, "8h").SampleCount);
    }

    [Fact]
    public void Build_EightHourlyThenHourlyHistory_WeightsEachRowByItsInterval()
    {
        // One 8h settlement at 0.00001/h (covering −16h..−8h), then eight hourly ones at 0.00004/h.
        // 24h: (0.00001 × 8 + 0.00004 × 8) ÷ 16 = 0.000025; an unweighted mean would say 0.0000367.
        var rows = new List<FundingRate> { Settled(-8, 0.00001, intervalHours: 8) };
        rows.AddRange(Enumerable.Range(0, 8).Select(i => Settled(-i, 0.00004)));

        var curve = TermStructure.Build("hyperliquid", "BTC", rows, End);

        Assert.Equal(0.000025, Window(curve, "24h").AverageRate1h!.Value, 15);
        Assert.Equal(9, Window(curve, "24h").SampleCount);
        Assert.Equal(0.00004, Window(curve, "8h").AverageRate1h!.Value, 15);
    }

    [Fact]
    public void Build_WindowWithNoRows_IsNullNotZero()
    {
        FundingRate[] rows = [Settled(-24 * 10, 0.00002, intervalHours: 8)];

        var curve = TermStructure.Build("dydx", "BTC-USD", rows, End);

        Assert.All(curve.Points.Where(p => p.Hours <= 168), p => Assert.Null(p.AverageRate1h));
        Assert.All(curve.Points.Where(p => p.Hours <= 168), p => Assert.Equal(0, p.SampleCount));
        Assert.Equal(0.00002, Window(curve, "30d").AverageRate1h!.Value, 15);
    }

    [Fact]
    public void Build_QuotedRowsAndOtherLegs_AreIgnored()
    {
        var borrow = Settled(0, 0.5) with { Leg = FundingLeg.BorrowLong };
        FundingRate[] rows = [Settled(0, 0.00001), Quoted(0, 0.9), borrow];

        var curve = TermStructure.Build("hyperliquid", "BTC", rows, End);

        Assert.Equal(0.00001, Window(curve, "1h").AverageRate1h!.Value, 15);
        Assert.Equal(1, Window(curve, "1h").SampleCount);
    }

    [Fact]
    public void Build_RowsOfTwoVenues_Throws()
    {
        FundingRate[] rows = [Settled(0, 0.00001), Settled(0, 0.00002, venue: "dydx", symbol: "BTC-USD")];

        Assert.Throws<ArgumentException>(() => TermStructure.Build("hyperliquid", "BTC", rows, End));
    }

    [Fact]
    public void PerVenue_TwoVenues_OneCurveEachOrderedByVenue()
    {
        FundingRate[] rows =
        [
            Settled(0, 0.00001),
            Settled(0, -0.00002, intervalHours: 8, venue: "dydx", symbol: "BTC-USD"),
        ];

        var curves = TermStructure.PerVenue(rows, End);

        Assert.Equal(["dydx", "hyperliquid"], curves.Select(c => c.Venue).ToArray());
        Assert.Equal(-0.00002, Window(curves[0], "8h").AverageRate1h!.Value, 15);
        Assert.Equal(0.00001, Window(curves[1], "8h").AverageRate1h!.Value, 15);
    }
}
