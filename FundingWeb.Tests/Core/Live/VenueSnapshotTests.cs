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

    /// <summary>
    /// The per-snapshot index answers what a scan ordered by open interest (then symbol) answers, over the family of
    /// venues real data makes: none, one or many markets per asset, base assets in any case, open interest missing,
    /// zero, negative, NaN, infinite or tied.
    /// </summary>
    [Fact]
    public void ForAsset_AnyMarkets_AnswersAsTheOrderedScan()
    {
        var random = new Random(20261202);
        double?[] depths = [null, 0, -3, double.NaN, double.PositiveInfinity, 1, 5, 5, 2e9];
        string[] assets = ["ETH", "eth", "BTC", "Sol"];
        for (var round = 0; round < 500; round++)
        {
            var markets = Enumerable.Range(0, random.Next(0, 7))
                .Select(i => Quote($"M{random.Next(0, 5)}-{i}", depths[random.Next(depths.Length)], assets[random.Next(assets.Length)]))
                .ToImmutableDictionary(m => m.Market.Symbol);
            var venue = VenueSnapshot.Empty(new VenueInfo(VenueIds.Gmx, "GMX v2", "", TimeSpan.Zero, 0, false)) with { Markets = markets };
            foreach (var asset in new[] { "ETH", "btc", "SOL", "DOGE", "" })
            {
                var scanned = markets.Values
                    .Where(m => string.Equals(m.Market.BaseAsset, asset, StringComparison.OrdinalIgnoreCase))
                    .OrderByDescending(m => m.OpenInterestUsd ?? 0)
                    .ThenBy(m => m.Market.Symbol, StringComparer.Ordinal)
                    .FirstOrDefault();
                Assert.Same(scanned, venue.ForAsset(asset));
            }
        }
    }

    private static MarketQuote Quote(string symbol, double? openInterestUsd, string baseAsset = "ETH") =>
        new(new Market(VenueIds.Gmx, symbol, baseAsset, 8760, 100, 0.01), [], null, 2376.28, null, openInterestUsd, null, null, 0);
}
