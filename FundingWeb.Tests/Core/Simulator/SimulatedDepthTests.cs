using FundingWeb.Core.Depth;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Simulator;

[Trait("Category", "Fast")]
public sealed class SimulatedDepthTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    private static (SimulatedWorld World, ManualTimeProvider Time) Create(int seed = 42)
    {
        var time = new ManualTimeProvider(Start);
        return (new SimulatedWorld(new SimulatorOptions { Seed = seed, BackfillDays = 1, CongestionEveryHours = 0 }, time), time);
    }

    private static double OiUsd(SimulatedWorld world, string venue, string symbol) =>
        world.Observe(venue).OpenInterest.Single(o => o.Symbol == symbol).Usd;

    [Fact]
    public void Book_SameSeedSameTime_SameLevelsAroundTheMark()
    {
        var (a, timeA) = Create();
        var (b, timeB) = Create();
        timeA.Advance(TimeSpan.FromMinutes(7));
        timeB.Advance(TimeSpan.FromMinutes(7));

        var book = a.Book(VenueIds.Dydx, "BTC-USD")!;

        Assert.Equal(book.Bids, b.Book(VenueIds.Dydx, "BTC-USD")!.Bids);
        Assert.Equal(book.Asks, b.Book(VenueIds.Dydx, "BTC-USD")!.Asks);
        var mark = a.Observe(VenueIds.Dydx).Prices.Single(p => p.Symbol == "BTC-USD").Mark!.Value;
        Assert.Equal(mark, book.Mid!.Value, 6);
        Assert.Equal(0.0001, book.Spread!.Value, 9);
        Assert.Equal(BookState.Normal, book.State);
        Assert.Equal(40, book.Bids.Count);
    }

    [Theory]
    [InlineData("BTC", 0.04)]
    [InlineData("ETH", 0.04)]
    public void Book_DepthWithinTwoPercent_ScalesWithOpenInterestByTier(string asset, double share)
    {
        var (world, _) = Create();

        var book = world.Book(VenueIds.Hyperliquid, asset)!;
        var bands = DepthBands.Of(book)!;

        var oi = OiUsd(world, VenueIds.Hyperliquid, asset);
        Assert.Equal(share * oi, bands.BidUsd[3], 3);
        Assert.Equal(share * oi, bands.AskUsd[3], 3);
        Assert.True(bands.BidUsd[0] < bands.BidUsd[1] && bands.BidUsd[1] < bands.BidUsd[2] && bands.BidUsd[2] < bands.BidUsd[3]);
    }

    [Fact]
    public void Book_LongTailAsset_ThinnerAndWiderThanAMajor()
    {
        var (world, _) = Create();
        var tail = SimAssetCatalog.All.First(a => a.Tier == 3);

        var book = world.Book(VenueIds.Hyperliquid, tail.Symbol)!;

        Assert.Equal(0.02 * OiUsd(world, VenueIds.Hyperliquid, tail.Symbol), DepthBands.Of(book)!.AskUsd[3], 3);
        Assert.Equal(0.0008, book.Spread!.Value, 9);
    }

    [Fact]
    public void Book_CongestionEpisode_FrozenQuarterAsDeepThreeTimesAsWide()
    {
        var (world, time) = Create();
        var calm = world.Book(VenueIds.Paradex, "BTC-USD-PERP")!;

        world.Congest(VenueIds.Paradex, TimeSpan.FromMinutes(10));
        var congested = world.Book(VenueIds.Paradex, "BTC-USD-PERP")!;
        time.Advance(TimeSpan.FromMinutes(2));
        var later = world.Book(VenueIds.Paradex, "BTC-USD-PERP")!;

        Assert.Equal(DepthBands.Of(calm)!.BidUsd[3] / 4, DepthBands.Of(congested)!.BidUsd[3], 3);
        Assert.Equal(calm.Spread!.Value * 3, congested.Spread!.Value, 9);
        Assert.Equal(congested.TimeMs, later.TimeMs);
        Assert.True(later.FetchedAtMs > congested.FetchedAtMs);
    }

    [Fact]
    public void Pool_GmxMarket_NoBookAndAPoolModelWithFactors()
    {
        var (world, _) = Create();
        var symbol = world.Observe(VenueIds.Gmx).Markets.First(m => m.BaseAsset == "ETH").Symbol;

        Assert.Null(world.Book(VenueIds.Gmx, symbol));
        var pool = world.Pool(VenueIds.Gmx, symbol)!;
        var oi = OiUsd(world, VenueIds.Gmx, symbol);
        Assert.Equal(oi, pool.LongOiUsd + pool.ShortOiUsd, 3);
        Assert.Equal(1 / (20 * oi), pool.Impact!.FactorNegative, 15);
        Assert.Null(world.Pool(VenueIds.Dydx, "BTC-USD"));
        Assert.Null(world.Book(VenueIds.Dydx, "NOT-A-MARKET"));
    }

    [Fact]
    public async Task SimulatedDepthSource_FaultKnob_FailsTheRound()
    {
        var (world, _) = Create();
        var source = new SimulatedDepthSource(world, VenueIds.Lighter);
        var markets = world.Observe(VenueIds.Lighter).Markets.Take(3).ToList();

        Assert.Equal(2, (await source.ReadAsync(markets, 2, CancellationToken.None)).Books.Count);
        world.SetFailing(VenueIds.Lighter, true);
        await Assert.ThrowsAsync<VenueException>(() => source.ReadAsync(markets, 2, CancellationToken.None));
    }
}
