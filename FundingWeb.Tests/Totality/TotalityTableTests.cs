using System.Collections.Immutable;
using FundingWeb.Core.Charts;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Live;
using FundingWeb.Core.Venues;
using FundingWeb.Model;
using FundingWeb.Model.Charts;
using Xunit;

namespace FundingWeb.Tests.Totality;

/// <summary>The families the property suite found, pinned one by one so each reads as a definition.</summary>
[Trait("Category", "Fast")]
public class TotalityTableTests
{
    [Fact]
    public void AssetConcentration_AssetWithZeroOpenInterestOnEveryVenueShown_LeftOutNoThrow()
    {
        // dYdX mainnet lists a dozen active markets with openInterest "0"; /?venues=dydx then showed none of them.
        var snapshot = Snapshot(("dydx", "BTC-USD", "BTC", 0d), ("dydx", "ETH-USD", "ETH", 5e6), ("lighter", "BTC", "BTC", 2e6));
        var state = ViewState.Default with { Venues = new HashSet<string> { "dydx" } };

        var rows = AssetConcentration.Top(snapshot, state);

        var eth = Assert.Single(rows);
        Assert.Equal(("ETH", 1d, 1d), (eth.Asset, eth.Hhi, eth.TopShare));
        Assert.Empty(AssetConcentration.Top(snapshot, ViewState.Default with { Venues = new HashSet<string> { "nope" } }));
    }

    [Theory]
    [InlineData(double.NaN, RateBasis.Apr, "n/a")]
    [InlineData(double.PositiveInfinity, RateBasis.Hourly, "n/a")]
    [InlineData(0.5, RateBasis.AprCompounded, "n/a")] // (1.5)^8760 overflows
    [InlineData(1e3, RateBasis.Apr, "+876000000.00")]
    [InlineData(1e4, RateBasis.Apr, "+8.76E+9")]
    [InlineData(0.0001, RateBasis.Apr, "+87.60")]
    public void FormatPercent_NonFiniteOrHuge_NeverInfinityOrNaN(double rate1h, RateBasis basis, string expected) =>
        Assert.Equal(expected, FundingBasis.FormatPercent(rate1h, basis));

    [Theory]
    [InlineData(double.NaN, "–")]
    [InlineData(double.NegativeInfinity, "–")]
    [InlineData(-2.5e6, "−$2.50 M")]
    [InlineData(1e15, "$1000.00 T")]
    [InlineData(0d, "$0.0 k")]
    public void DisplayUsd_Table(double usd, string expected) => Assert.Equal(expected, Display.Usd(usd));

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void DisplayUtc_OffTheCalendar_Dash(long ms) => Assert.Equal(Display.None, Display.Utc(ms));

    [Fact]
    public void Percentiles_HugeValuesOfOppositeSign_ExactRanksNotNaNAndOrdered()
    {
        var p = Percentiles.Of([-double.MaxValue, double.MaxValue, 3, 3, 3], [0, 0.05, 0.5, 0.95, 1]);
        Assert.Equal(-double.MaxValue, p[0]);
        Assert.Equal(double.MaxValue, p[4]);
        Assert.All(p, v => Assert.True(double.IsFinite(v!.Value)));
        Assert.True(p.Zip(p.Skip(1)).All(x => x.First <= x.Second));
    }

    [Theory]
    [InlineData(100_000, true)]
    [InlineData(0.0000052, true)]
    [InlineData(0, false)]
    [InlineData(double.Epsilon, false)]
    [InlineData(double.MaxValue, false)]
    [InlineData(double.NaN, false)]
    public void LiquidationLadder_CanBin_PriceFamilies(double price, bool expected)
    {
        var binning = LadderBinning.AroundPrice(80, 0.3);
        Assert.Equal(expected, LiquidationLadder.CanBin(price, binning));
        if (expected) Assert.Equal(40, LiquidationLadder.Build([], price, binning, LadderKind.Measured).Longs.Count);
    }

    [Theory]
    [InlineData(0, 0.012, "Max leverage must be at least 1.")]
    [InlineData(double.NaN, 0.012, "Max leverage must be at least 1.")]
    [InlineData(20, 1, "Maintenance margin is a fraction in [0, 1).")]
    [InlineData(20, 0.012, null)]
    public void ModelledLadder_Problem_ReasonInsteadOfThrow(double maxLeverage, double mmr, string? problem) =>
        Assert.Equal(problem, ModelledLadder.Problem(new ModelledLadderOptions(maxLeverage, mmr)));

    [Fact]
    public void ChartSeries_NonFiniteValues_PointsDroppedCategoryValuesGaps()
    {
        var points = new ChartSeries("s", [new double[] { 1, 2 }, new double[] { 2, double.NaN }, new double[] { double.PositiveInfinity, 1 }]);
        var categories = new ChartSeries("c", [1d, double.NegativeInfinity, null]);
        var appended = points with { Data = [.. points.Data, new double[] { 3, double.NaN }] };

        Assert.Single(points.Data);
        Assert.Equal([1d, null, null], categories.Data);
        Assert.Single(appended.Data);
    }

    [Fact]
    public void Heatmap_NaNRateAndOverflowingCompoundedApr_CellSaysNotANumber()
    {
        var snapshot = Snapshot(("dydx", "BTC-USD", "BTC", 1e6), ("lighter", "BTC", "BTC", 1e6));
        snapshot = WithRate(WithRate(snapshot, "dydx", "BTC-USD", double.NaN), "lighter", "BTC", 0.5);

        var model = HeatmapViewModel.Build(snapshot, RateBasis.AprCompounded);

        Assert.All(model.Rows[0].Cells, c => Assert.Equal(("n/a", (double?)null), (c!.Display, c.Value)));
        Assert.Equal(0, model.Rows[0].Cells[0]!.Sign);
    }

    private static MarketSnapshot Snapshot(params (string Venue, string Symbol, string Asset, double Usd)[] markets)
    {
        var venues = markets.GroupBy(m => m.Venue).ToImmutableSortedDictionary(g => g.Key, g =>
            VenueSnapshot.Empty(new VenueInfo(g.Key, g.Key, "rollup", TimeSpan.Zero, 0.0005, true)) with
            {
                Status = VenueStatus.Unknown(g.Key) with { LastSuccessMs = 1, StaleSinceMs = null, StaleReason = null },
                Markets = g.ToImmutableDictionary(m => m.Symbol, m => new MarketQuote(new Market(g.Key, m.Symbol, m.Asset, 1, 20, 0.01),
                    [new FundingQuote(FundingLeg.Net, 0.00001, 0.00001, 1, RateUnit.Fraction, 1, 1, null)], 100, 100, m.Usd / 100, m.Usd, null, null, 1)),
            });
        return new MarketSnapshot(1, 1, true, venues);
    }

    private static MarketSnapshot WithRate(MarketSnapshot snapshot, string venue, string symbol, double rate1h)
    {
        var v = snapshot.Venues[venue];
        var q = v.Markets[symbol];
        return snapshot with { Venues = snapshot.Venues.SetItem(venue, v with { Markets = v.Markets.SetItem(symbol, q with { Legs = [q.Legs[0] with { Rate1h = rate1h }] }) }) };
    }
}
