using FundingWeb.Core.Funding;
using FundingWeb.Core.Storage;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>
/// Implausible funding rows as markers: only the view's venues, markets and range; the real value at the page's basis;
/// one note per marker; every row counted, the ones with no number counted apart; total over empty and hostile input.
/// </summary>
[Trait("Category", "Fast")]
public sealed class FundingMarkersTests
{
    private static readonly Dictionary<string, string> Names = new() { ["dydx"] = "dYdX v4", ["gmx"] = "GMX v2" };
    private static readonly Dictionary<string, string> Primary = new() { ["dydx"] = "BTC-USD", ["gmx"] = "BTC/USD [BTC-USDC]" };
    private static readonly ViewState Apr = ViewState.Default with { Basis = RateBasis.Apr };

    private static FundingPoint Row(string venue, string symbol, long timeMs, double rate1h, string? why = "beyond the cap") =>
        new(venue, symbol, timeMs, rate1h, 1, null, why);

    [Fact]
    public void Build_NoRows_NoSeriesAndNothingToSay()
    {
        var (series, summary) = FundingMarkers.Build([], Apr, Names, Primary, 0, 1_000, 10);
        Assert.Null(series);
        Assert.Equal((0, false, 0), (summary.Rows, summary.AtLimit, summary.NotDrawn));
        Assert.Empty(summary.Markets);
    }

    [Fact]
    public void Build_MixedRows_KeepsTheViewsVenuesMarketsAndRangeInTimeOrderWithANotePerMarker()
    {
        FundingPoint[] rows =
        [
            Row("dydx", "BTC-USD", 500, 0.02),
            Row("dydx", "BTC-USD", 100, -0.03, "below the cap"),
            Row("dydx", "BTC-PERP-OLD", 200, 0.5),          // another market of the venue: not the one drawn
            Row("gmx", "BTC/USD [BTC-USDC]", 2_000, 0.9),   // outside the range
            Row("paradex", "BTC-USD-PERP", 300, 0.4),      // a venue without a line (only implausible rows): kept, under its id
        ];

        var (series, summary) = FundingMarkers.Build(rows, Apr, Names, Primary, 0, 1_000, 10);

        Assert.NotNull(series);
        Assert.True(series.Marker);
        Assert.Equal("scatter", series.Type);
        Assert.Equal([100d, 300d, 500d], series.Data.Cast<double[]>().Select(p => p[0]));
        Assert.Equal([-0.03 * 8760 * 100, 0.4 * 8760 * 100, 0.02 * 8760 * 100], series.Data.Cast<double[]>().Select(p => p[1]));
        Assert.Equal(["dYdX v4 BTC-USD: below the cap", "paradex BTC-USD-PERP: beyond the cap", "dYdX v4 BTC-USD: beyond the cap"], series.Notes);
        Assert.Equal(3, summary.Rows);
        Assert.False(summary.AtLimit);
        Assert.Equal([("dYdX v4 BTC-USD", 2), ("paradex BTC-USD-PERP", 1)], summary.Markets.Select(m => (m.Market, m.Rows)));
    }

    [Fact]
    public void Build_VenueFilteredOut_LeavesItsRowsOut()
    {
        var state = Apr with { Venues = new HashSet<string> { "gmx" } };
        var (series, summary) = FundingMarkers.Build([Row("dydx", "BTC-USD", 100, 0.02)], state, Names, Primary, 0, 1_000, 10);
        Assert.Null(series);
        Assert.Equal(0, summary.Rows);
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.NaN)]
    [InlineData(1e306)] // finite per hour, beyond a double at APR
    public void Build_RateWithNoNumberAtTheBasis_CountedButNotMarked(double rate1h)
    {
        var (series, summary) = FundingMarkers.Build([Row("dydx", "BTC-USD", 100, rate1h), Row("dydx", "BTC-USD", 200, 0.02)], Apr, Names, Primary, 0, 1_000, 10);

        Assert.Equal(2, summary.Rows);
        Assert.Equal(1, summary.NotDrawn);
        Assert.Single(series!.Data);
        Assert.Single(series.Notes!);
    }

    [Fact]
    public void Build_ReadStoppedAtItsLimit_SaysThereMayBeMore()
    {
        var rows = Enumerable.Range(0, 5).Select(i => Row("dydx", "BTC-USD", i, 0.02)).ToList();
        Assert.True(FundingMarkers.Build(rows, Apr, Names, Primary, 0, 1_000, limit: 5).Summary.AtLimit);
        Assert.False(FundingMarkers.Build(rows, Apr, Names, Primary, 0, 1_000, limit: 6).Summary.AtLimit);
    }
}
