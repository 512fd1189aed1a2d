using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Venues.Dydx;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Dydx;

[Trait("Category", "Fast")]
public class DydxLiquidationTrackerTests
{
    [Fact]
    public void PickTickers_HalfLargestEveryPollRestRotates()
    {
        var tracker = new DydxLiquidationTracker(4);
        string[] byOpenInterest = ["BTC-USD", "ETH-USD", "SOL-USD", "DOGE-USD", "LINK-USD"];

        Assert.Equal(["BTC-USD", "ETH-USD", "SOL-USD", "DOGE-USD"], tracker.PickTickers(byOpenInterest));
        Assert.Equal(["BTC-USD", "ETH-USD", "LINK-USD", "SOL-USD"], tracker.PickTickers(byOpenInterest));
        Assert.Equal(["BTC-USD", "ETH-USD", "DOGE-USD", "LINK-USD"], tracker.PickTickers(byOpenInterest));
    }

    [Fact]
    public void PickTickers_FewerMarketsThanAllowance_ReadsThemAll()
    {
        Assert.Equal(["BTC-USD"], new DydxLiquidationTracker(4).PickTickers(["BTC-USD"]));
        Assert.Empty(new DydxLiquidationTracker(0).PickTickers(["BTC-USD"]));
    }

    [Fact]
    public void TakeNew_SecondReadReturnsOnlyTradesNotInTheFirst()
    {
        var tracker = new DydxLiquidationTracker(1);
        var a = new LiquidationEvent("a", "BTC-USD", 1, LiquidationSide.Long, 100, 1, 100);
        var b = a with { Id = "b", TimeMs = 2 };

        Assert.Equal([a], tracker.TakeNew("BTC-USD", [a]));
        Assert.Equal([b], tracker.TakeNew("BTC-USD", [b, a]));
        Assert.Empty(tracker.TakeNew("BTC-USD", [b, a]));
        Assert.Equal([a], tracker.TakeNew("ETH-USD", [a]));
    }
}
