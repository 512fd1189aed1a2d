using System.Text.Json.Nodes;
using FundingWeb.Core.Depth;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Aevo;
using FundingWeb.Tests.Fixtures;
using FundingWeb.Tests.Fixtures.Venues;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Aevo;

/// <summary>Aevo's <c>/orderbook</c> over real HTTP on loopback: the doc example, and the same shape with perp-like levels.</summary>
[Trait("Category", "Fast")]
public sealed class AevoDepthSourceTests : IAsyncLifetime
{
    private DepthReplay _replay = null!;

    public async Task InitializeAsync() => _replay = await DepthReplay.StartAsync();

    public async Task DisposeAsync() => await _replay.DisposeAsync();

    private Task<DepthBatch> Read(string json)
    {
        _replay.Server.MapJson("GET", "/aevo/orderbook", json);
        return new AevoDepthSource(_replay.Edge("/aevo"), TimeProvider.System)
            .ReadAsync([DepthReplay.Market(VenueIds.Aevo, "ETH-PERP", "ETH")], 2, CancellationToken.None);
    }

    [Fact]
    public async Task ReadAsync_DocExample_ReadsPriceAndAmountIgnoresIvAndTheLockedPlaceholderHasNoMid()
    {
        var book = Assert.Single((await Read(FixtureFiles.Read("aevo", "orderbook.doc.json"))).Books);

        Assert.Equal([new BookLevel(1, 100)], book.Bids);
        Assert.Equal([new BookLevel(1, 100)], book.Asks);
        Assert.Equal(1680249600000, book.TimeMs);
        // The placeholder bid equals the ask: a locked book, so no slippage is invented from it.
        Assert.Equal(BookState.Crossed, book.State);
        Assert.Equal(SlippageStatus.NoMid, Slippage.Walk(book, 50, TradeSide.Buy).Status);
    }

    [Fact]
    public async Task ReadAsync_PerpLevels_HandWalk()
    {
        var doc = JsonNode.Parse(FixtureFiles.Read("aevo", "orderbook.doc.json"))!;
        doc["instrument_name"] = "ETH-PERP";
        doc["bids"] = JsonNode.Parse("""[["2999.5","2"],["2999","5"]]""");
        doc["asks"] = JsonNode.Parse("""[["3000.5","1"],["3001","4"]]""");

        var book = Assert.Single((await Read(doc.ToJsonString())).Books);

        // Mid 3000. $6,000 sell: $5,999 at 2999.5 (2 units), $1 at 2999.
        Assert.Equal(3000, book.Mid!.Value, 9);
        var units = 2 + 1 / 2999d;
        Assert.Equal((3000 - 6_000 / units) / 3000, Slippage.Walk(book, 6_000, TradeSide.Sell).Fraction!.Value, 12);
    }

    [Theory]
    [InlineData("""{"bids":[["x","1"]],"asks":[]}""", "price is not a positive number")]
    [InlineData("""{"bids":"none","asks":[]}""", "'bids' is not an array")]
    [InlineData("""[1,2]""", "not an object")]
    public async Task ReadAsync_GarbageBody_NamesTheMarket(string json, string reason)
    {
        var batch = await Read(json);

        Assert.Empty(batch.Books);
        Assert.Contains(reason, Assert.Single(batch.Errors).Reason);
    }
}
