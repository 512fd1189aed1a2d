using FundingWeb.Core.Depth;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Paradex;
using FundingWeb.Tests.Fixtures;
using FundingWeb.Tests.Fixtures.Venues;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Paradex;

/// <summary>Paradex's <c>/orderbook/{market}</c> over real HTTP on loopback, from the OpenAPI example shape.</summary>
[Trait("Category", "Fast")]
public sealed class ParadexDepthSourceTests : IAsyncLifetime
{
    private DepthReplay _replay = null!;
    private string? _depth;

    public async Task InitializeAsync()
    {
        _replay = await DepthReplay.StartAsync();
        var doc = FixtureFiles.Read("paradex", "orderbook.doc.json");
        _replay.Server.Map("GET", "/paradex/orderbook/ETH-USD-PERP", context =>
        {
            _depth = context.Request.Query["depth"];
            return Task.FromResult<string?>(doc);
        });
        _replay.Server.MapJson("GET", "/paradex/orderbook/BTC-USD-PERP", """{"asks":[["100"]],"bids":[]}""");
    }

    public async Task DisposeAsync() => await _replay.DisposeAsync();

    [Fact]
    public async Task ReadAsync_DocShape_ArraysPriceFirstAndTheVenueTime()
    {
        var source = new ParadexDepthSource(_replay.Edge("/paradex"), TimeProvider.System, depth: 250);

        var book = Assert.Single((await source.ReadAsync([DepthReplay.Market(VenueIds.Paradex, "ETH-USD-PERP", "ETH")], 2, CancellationToken.None)).Books);

        Assert.Equal("100", _depth);
        Assert.Equal([new BookLevel(1681.32, 3.2)], book.Bids);
        Assert.Equal([new BookLevel(1681.52, 10.5)], book.Asks);
        Assert.Equal(1681462770114, book.TimeMs);
        Assert.Equal(1681.42, book.Mid!.Value, 9);
        // $1,000 buy fills inside the one ask level ($17,655.96): VWAP 1681.52.
        Assert.Equal((1681.52 - 1681.42) / 1681.42, Slippage.Walk(book, 1_000, TradeSide.Buy).Fraction!.Value, 12);
        Assert.Equal(SlippageStatus.Thin, Slippage.Walk(book, 10_000, TradeSide.Sell).Status);
    }

    [Fact]
    public async Task ReadAsync_LevelWithoutSize_NamesTheMarket()
    {
        var source = new ParadexDepthSource(_replay.Edge("/paradex"), TimeProvider.System, depth: 20);

        var batch = await source.ReadAsync([DepthReplay.Market(VenueIds.Paradex, "BTC-USD-PERP", "BTC")], 2, CancellationToken.None);

        Assert.Empty(batch.Books);
        Assert.Contains("not [price, size]", Assert.Single(batch.Errors).Reason);
    }
}
