using FundingWeb.Core.Depth;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Dydx;
using FundingWeb.Tests.Fixtures;
using FundingWeb.Tests.Fixtures.Venues;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Dydx;

/// <summary>dYdX's indexer book over real HTTP on loopback, from the recorded BTC-USD book.</summary>
[Trait("Category", "Fast")]
public sealed class DydxDepthSourceTests : IAsyncLifetime
{
    private DepthReplay _replay = null!;

    public async Task InitializeAsync()
    {
        _replay = await DepthReplay.StartAsync();
        _replay.Server.MapJson("GET", "/dydx/orderbooks/perpetualMarket/BTC-USD", FixtureFiles.Read("dydx", "orderbook-BTC-USD.json"));
        _replay.Server.MapJson("GET", "/dydx/orderbooks/perpetualMarket/ETH-USD", """{"bids":[{"price":"3000","size":"1"}]}""");
        _replay.Server.MapJson("GET", "/dydx/orderbooks/perpetualMarket/SOL-USD", """{"bids":[{"price":"-1","size":"1"}],"asks":[]}""");
    }

    public async Task DisposeAsync() => await _replay.DisposeAsync();

    private DydxDepthSource Source() => new(_replay.Edge("/dydx"), TimeProvider.System);

    [Fact]
    public async Task ReadAsync_RecordedBook_ObjectsOfPriceAndSizeAndAHandWalk()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var book = Assert.Single((await Source().ReadAsync([DepthReplay.Market(VenueIds.Dydx, "BTC-USD", "BTC")], 3, CancellationToken.None)).Books);

        Assert.Equal([89947d, 89946, 89945], book.Bids.Select(l => l.Price));
        Assert.Equal([0.1177, 0.1829, 0.2299], book.Asks.Select(l => l.Size));
        Assert.Equal(89952.5, book.Mid!.Value, 9);
        Assert.InRange(book.TimeMs, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        // $40 sell: 0.0002 at 89947 ($17.9894), 0.0002 at 89946 ($17.9892), then $2.0214 at 89945.
        var units = 0.0004 + (40 - 17.9894 - 17.9892) / 89945;
        Assert.Equal((89952.5 - 40 / units) / 89952.5, Slippage.Walk(book, 40, TradeSide.Sell).Fraction!.Value, 12);
        Assert.Equal(89945, Slippage.Walk(book, 40, TradeSide.Sell).WorstPrice);
    }

    [Fact]
    public async Task ReadAsync_MissingSideOrNegativePrice_NamesTheMarket()
    {
        var batch = await Source().ReadAsync(
            [DepthReplay.Market(VenueIds.Dydx, "ETH-USD", "ETH"), DepthReplay.Market(VenueIds.Dydx, "SOL-USD", "SOL"), DepthReplay.Market(VenueIds.Dydx, "BTC-USD", "BTC")],
            10, CancellationToken.None);

        Assert.Equal(["BTC-USD"], batch.Books.Select(b => b.Symbol));
        Assert.Contains("'asks' is missing", batch.Errors.Single(e => e.Symbol == "ETH-USD").Reason);
        Assert.Contains("price is not a positive number", batch.Errors.Single(e => e.Symbol == "SOL-USD").Reason);
    }

    [Fact]
    public async Task ReadAsync_RateLimited_ThrowsForTheWholeRound()
    {
        _replay.Server.SetFault("/dydx", VenueFault.RateLimited);

        await Assert.ThrowsAsync<VenueRateLimitedException>(() => Source().ReadAsync([DepthReplay.Market(VenueIds.Dydx, "BTC-USD", "BTC")], 3, CancellationToken.None));
    }

    [Theory]
    [InlineData(VenueFault.ServerError, "HTTP 500")]
    [InlineData(VenueFault.MalformedJson, "malformed JSON")]
    public async Task ReadAsync_VenueDown_StopsAfterTwoFailuresInARowAndSaysWhy(VenueFault fault, string reason)
    {
        _replay.Server.SetFault("/dydx", fault);
        var markets = new[] { "BTC-USD", "ETH-USD", "SOL-USD" }.Select(s => DepthReplay.Market(VenueIds.Dydx, s, s[..3])).ToList();

        var batch = await Source().ReadAsync(markets, 10, CancellationToken.None);

        Assert.Equal(["BTC-USD", "ETH-USD"], batch.Attempted);
        Assert.Contains(reason, batch.VenueError);
        Assert.Empty(batch.Books);
    }

    [Fact]
    public async Task ReadAsync_OneMarketUnknownToTheVenue_TheOthersStillRead()
    {
        var batch = await Source().ReadAsync(
            [DepthReplay.Market(VenueIds.Dydx, "GONE-USD", "GONE"), DepthReplay.Market(VenueIds.Dydx, "BTC-USD", "BTC")], 10, CancellationToken.None);

        Assert.Equal("BTC-USD", Assert.Single(batch.Books).Symbol);
        Assert.Contains("HTTP 404", Assert.Single(batch.Errors).Reason);
        Assert.Null(batch.VenueError);
    }
}
