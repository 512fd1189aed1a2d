using System.Text.Json;
using FundingWeb.Core.Depth;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Hyperliquid;
using FundingWeb.Tests.Fixtures;
using FundingWeb.Tests.Fixtures.Venues;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Hyperliquid;

/// <summary>Hyperliquid's <c>l2Book</c> over real HTTP on loopback, from the recorded DYDX book.</summary>
[Trait("Category", "Fast")]
public sealed class HyperliquidDepthSourceTests : IAsyncLifetime
{
    private DepthReplay _replay = null!;
    private readonly List<string> _coins = [];

    public async Task InitializeAsync()
    {
        _replay = await DepthReplay.StartAsync();
        var recorded = FixtureFiles.Read("hyperliquid", "info-l2Book.json");
        _replay.Server.Map("POST", "/hl/info", async context =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var coin = body.RootElement.GetProperty("coin").GetString()!;
            lock (_coins) _coins.Add(body.RootElement.GetProperty("type").GetString() + ":" + coin);
            return coin switch
            {
                "DYDX" => recorded,
                "BAD" => """{"coin":"BAD","levels":[[{"px":"2.1","sz":"abc","n":1}],[]],"time":1}""",
                "FLAT" => """{"coin":"FLAT","levels":[[]],"time":1}""",
                _ => "null",
            };
        });
    }

    public async Task DisposeAsync() => await _replay.DisposeAsync();

    [Fact]
    public async Task ReadAsync_RecordedBook_LevelsBestFirstTimeAndAHandWalk()
    {
        var source = new HyperliquidDepthSource(_replay.Edge("/hl"), TimeProvider.System);

        var batch = await source.ReadAsync([DepthReplay.Market(VenueIds.Hyperliquid, "DYDX", "DYDX")], 5, CancellationToken.None);

        var book = Assert.Single(batch.Books);
        Assert.Equal(["l2Book:DYDX"], _coins);
        Assert.Equal([2.111, 2.1105, 2.1104], book.Bids.Select(l => l.Price));
        Assert.Equal([352.3, 364.9, 3798.0], book.Asks.Select(l => l.Size));
        Assert.Equal(1689630203930, book.TimeMs);
        Assert.Equal((2.111 + 2.1124) / 2, book.Mid!.Value, 12);
        Assert.EndsWith("/hl/info l2Book levels", book.Source);
        // $1,000 buy: 352.3 at 2.1124 ($744.19852), then $255.80148 at 2.1125.
        var baseUnits = 352.3 + (1_000 - 2.1124 * 352.3) / 2.1125;
        Assert.Equal((1_000 / baseUnits - book.Mid.Value) / book.Mid.Value, Slippage.Walk(book, 1_000, TradeSide.Buy).Fraction!.Value, 12);
    }

    [Fact]
    public async Task ReadAsync_UnreadableAnswers_NameTheirMarketAndTheRestStillRead()
    {
        var source = new HyperliquidDepthSource(_replay.Edge("/hl"), TimeProvider.System);
        Market[] markets = [DepthReplay.Market(VenueIds.Hyperliquid, "BAD", "BAD"), DepthReplay.Market(VenueIds.Hyperliquid, "FLAT", "FLAT"),
            DepthReplay.Market(VenueIds.Hyperliquid, "GONE", "GONE"), DepthReplay.Market(VenueIds.Hyperliquid, "DYDX", "DYDX")];

        var batch = await source.ReadAsync(markets, 10, CancellationToken.None);

        Assert.Equal("DYDX", Assert.Single(batch.Books).Symbol);
        Assert.Equal(["BAD", "FLAT", "GONE"], batch.Errors.Select(e => e.Symbol));
        Assert.Contains("size is not a non-negative number", batch.Errors[0].Reason);
        Assert.Contains("not [bids, asks]", batch.Errors[1].Reason);
        Assert.Contains("not an object", batch.Errors[2].Reason);
    }

    [Fact]
    public async Task ReadAsync_BudgetOfTwo_AsksForTwoBooksOnly()
    {
        var source = new HyperliquidDepthSource(_replay.Edge("/hl"), TimeProvider.System);
        var markets = Enumerable.Range(0, 5).Select(_ => DepthReplay.Market(VenueIds.Hyperliquid, "DYDX", "DYDX")).ToList();

        var batch = await source.ReadAsync(markets, 2, CancellationToken.None);

        Assert.Equal(2, batch.Attempted.Count);
        Assert.Equal(2, _replay.Server.Hits("POST", "/hl/info"));
    }
}
