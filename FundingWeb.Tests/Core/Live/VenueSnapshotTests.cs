using System.Collections.Immutable;
using FundingWeb.Core.Live;
using FundingWeb.Core.Venues;
using Xunit;

namespace FundingWeb.Tests.Core.Live;

[Trait("Category", "Fast")]
public class VenueSnapshotTests
{
    [Fact]
    public void ForAsset_TwoMarketsOnOneAsset_PicksTheDeeperByOpenInterestWhateverTheInsertOrder()
    {
        var shallow = Quote("ETH/USD [WETH-WETH]", 23.3e6);
        var deep = Quote("ETH/USD [WETH-USDC]", 89.7e6);
        foreach (var markets in new[] { new[] { shallow, deep }, [deep, shallow] })
        {
            var venue = VenueSnapshot.Empty(new VenueInfo(VenueIds.Gmx, "GMX v2", "", TimeSpan.Zero, 0, false)) with
            {
                Markets = markets.ToImmutableDictionary(m => m.Market.Symbol),
            };
            Assert.Equal("ETH/USD [WETH-USDC]", venue.ForAsset("eth")!.Market.Symbol);
        }
    }

    [Fact]
    public void ForAsset_EqualOpenInterest_PicksTheLowestSymbol()
    {
        var venue = VenueSnapshot.Empty(new VenueInfo(VenueIds.Gmx, "GMX v2", "", TimeSpan.Zero, 0, false)) with
        {
            Markets = new[] { Quote("ETH/USD [B]", null), Quote("ETH/USD [A]", null) }.ToImmutableDictionary(m => m.Market.Symbol),
        };
        Assert.Equal("ETH/USD [A]", venue.ForAsset("ETH")!.Market.Symbol);
    }

    private static MarketQuote Quote(string symbol, double? openInterestUsd) =>
        new(new Market(VenueIds.Gmx, symbol, "ETH", 8760, 100, 0.01), [], null, 2376.28, null, openInterestUsd, null, null, 0);
}
