using FundingWeb.Core.Depth;
using FundingWeb.Core.Venues;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Depth;

[Trait("Category", "Fast")]
public sealed class DepthWatchListTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Of_LargestByOiThenMostLookedAt_HotOnesReadFirst()
    {
        // A is the largest, J the smallest.
        var venue = DepthWorld.Venue("dydx", Enumerable.Range(0, 10).Select(i => (((char)('A' + i)).ToString(), 1e9 - i * 1e8, 100d)).ToArray());
        var interest = new DepthInterest(_time);
        for (var i = 0; i < 3; i++) interest.Touch("dydx", "H");
        interest.Touch("dydx", "I");
        interest.Touch("dydx", "NOT-LISTED");
        var options = new DepthOptions { WatchedMarketsPerVenue = 4, LargestByOpenInterest = 2, HotMarketsPerRound = 1 };

        var pick = DepthWatchList.Of(venue, interest, options);

        Assert.Equal(["H"], pick.Hot.Select(m => m.Symbol));
        Assert.Equal(["A", "B", "I"], pick.Rotating.Select(m => m.Symbol));
    }

    [Fact]
    public void Of_NobodyLooking_FillsWithLargestAndLeavesPausedOut()
    {
        var venue = DepthWorld.Venue("dydx", ("BTC", 5e9, 90_000), ("ETH", 3e9, 3_000), ("SOL", 1e9, 150), ("DOGE", 1e8, 0.2));
        venue = venue with
        {
            Markets = venue.Markets.SetItem("ETH", venue.Markets["ETH"] with { Market = venue.Markets["ETH"].Market with { Status = MarketStatus.Paused } }),
        };

        var pick = DepthWatchList.Of(venue, new DepthInterest(_time), new DepthOptions { WatchedMarketsPerVenue = 2, LargestByOpenInterest = 1 });

        Assert.Empty(pick.Hot);
        Assert.Equal(["BTC", "SOL"], pick.Rotating.Select(m => m.Symbol));
    }
}
