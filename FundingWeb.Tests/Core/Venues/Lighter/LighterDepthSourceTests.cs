using FundingWeb.Core.Depth;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Lighter;
using FundingWeb.Tests.Fixtures;
using FundingWeb.Tests.Fixtures.Venues;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Lighter;

/// <summary>Lighter's L3 <c>orderBookOrders</c> over real HTTP on loopback, aggregated into levels; ids from <c>orderBookDetails</c>.</summary>
[Trait("Category", "Fast")]
public sealed class LighterDepthSourceTests : IAsyncLifetime
{
    private DepthReplay _replay = null!;
    private readonly List<string> _queries = [];

    public async Task InitializeAsync()
    {
        _replay = await DepthReplay.StartAsync();
        _replay.Server.MapJson("GET", "/lighter/api/v1/orderBookDetails", FixtureFiles.Read("lighter", "orderBookDetails.derived.json"));
        var orders = FixtureFiles.Read("lighter", "orderBookOrders.derived.json");
        _replay.Server.Map("GET", "/lighter/api/v1/orderBookOrders", context =>
        {
            lock (_queries) _queries.Add(context.Request.QueryString.Value ?? "");
            return Task.FromResult<string?>(context.Request.Query["market_id"] == "0" ? orders : """{"code":21100,"message":"market not found"}""");
        });
    }

    public async Task DisposeAsync() => await _replay.DisposeAsync();

    [Fact]
    public async Task ReadAsync_Orders_SummedIntoLevelsByPriceFilledOrdersLeftOut()
    {
        var source = new LighterDepthSource(_replay.Edge("/lighter"), TimeProvider.System, limit: 500);

        var batch = await source.ReadAsync([DepthReplay.Market(VenueIds.Lighter, "ETH", "ETH")], 3, CancellationToken.None);

        var book = Assert.Single(batch.Books);
        Assert.Equal(["?market_id=0&limit=100"], _queries);
        // Asks: 1.2 + 0.8 at 2361.50, 5 at 2362.00; the 2362.50 order has nothing left. Bids: 3 at 2361, 1 + 2.5 at 2360.
        Assert.Equal([new BookLevel(2361.5, 2.0), new BookLevel(2362, 5)], book.Asks);
        Assert.Equal([new BookLevel(2361, 3), new BookLevel(2360, 3.5)], book.Bids);
        Assert.Equal(2361.25, book.Mid!.Value, 9);
        // $10,000 buy: 2 units at 2361.5 ($4,723), then $5,277 at 2362.
        var units = 2 + (10_000 - 4_723) / 2362d;
        Assert.Equal((10_000 / units - 2361.25) / 2361.25, Slippage.Walk(book, 10_000, TradeSide.Buy).Fraction!.Value, 12);
    }

    [Fact]
    public async Task ReadAsync_IdsReadOnceWithinTheBudget_UnknownAndErrorMarketsNamed()
    {
        var source = new LighterDepthSource(_replay.Edge("/lighter"), TimeProvider.System, limit: 50);
        Market[] markets = [DepthReplay.Market(VenueIds.Lighter, "BTC", "BTC"), DepthReplay.Market(VenueIds.Lighter, "NOPE", "NOPE"),
            DepthReplay.Market(VenueIds.Lighter, "ETH", "ETH")];

        var first = await source.ReadAsync(markets, 4, CancellationToken.None);
        var second = await source.ReadAsync([DepthReplay.Market(VenueIds.Lighter, "ETH", "ETH")], 4, CancellationToken.None);

        // Round one: orderBookDetails + three books = the budget of four.
        Assert.Equal(3, first.Attempted.Count);
        Assert.Equal(1, _replay.Server.Hits("GET", "/lighter/api/v1/orderBookDetails"));
        Assert.Equal("ETH", Assert.Single(first.Books).Symbol);
        Assert.Contains("code 21100: market not found", first.Errors.Single(e => e.Symbol == "BTC").Reason);
        Assert.Contains("no market_id known for NOPE", first.Errors.Single(e => e.Symbol == "NOPE").Reason);
        Assert.Single(second.Books);
    }
}
