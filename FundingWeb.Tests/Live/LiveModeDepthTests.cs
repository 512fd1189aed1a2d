using Dapper;
using FundingWeb.Core.Depth;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using FundingWeb.Hosting;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FundingWeb.Tests.Live;

/// <summary>
/// The app in Live mode against the loopback venues: each venue's depth on its own budget next to its
/// funding poll, books walked, GMX modelled, and a venue whose funding poll takes the whole limit left without depth, saying so.
/// </summary>
[Trait("Category", "Slow")]
public sealed class LiveModeDepthTests
{
    [Fact]
    public async Task LiveMode_Depth_BudgetsHeldBooksWalkedPoolsModelled()
    {
        await using var world = await LiveVenueWorld.StartAsync(
            "--Depth:PollInterval=00:00:00.300", "--Depth:StoreInterval=00:00:00", "--Venues:dydx:RequestsPerMinute=60");
        world.Venues.MapJson("GET", LiveVenueWorld.Prefixes[VenueIds.Dydx] + "/orderbooks/perpetualMarket/BTC-USD", FixtureFiles.Read("dydx", "orderbook-BTC-USD.json"));
        var slippage = world.App.Services.GetRequiredService<SlippageService>();

        var dydx = await Eventually.GetAsync(() => Task.FromResult(slippage.Slippage("dydx", "BTC", 40, TradeSide.Sell) is { Kind: SlippageKind.Book } q ? q : null),
            TimeSpan.FromSeconds(60), "the recorded dYdX BTC-USD book");
        var gmx = await Eventually.GetAsync(() => Task.FromResult(slippage.Slippage("gmx", "ETH", 1e6, TradeSide.Buy) is { Kind: SlippageKind.PoolModel } q ? q : null),
            TimeSpan.FromSeconds(60), "the GMX ETH pool");

        // The recorded book walked by hand (DydxDepthSourceTests): $40 sold across three bid levels.
        var units = 0.0004 + (40 - 17.9894 - 17.9892) / 89945;
        Assert.Equal((89952.5 - 40 / units) / 89952.5, dydx.Fraction!.Value, 12);
        Assert.Contains("linear", gmx.Note);
        var store = world.App.Services.GetRequiredService<DepthBookStore>();
        // The replay lets every funding poll spend 6,000 requests a minute: nothing is left of Hyperliquid's or Lighter's limit.
        var hyperliquid = store.Status(VenueIds.Hyperliquid)!;
        Assert.Equal(0, hyperliquid.RequestsPerMinute);
        Assert.Contains("no depth budget left", hyperliquid.LastError);
        Assert.Equal(30, store.Status(VenueIds.Dydx)!.RequestsPerMinute);
        await Eventually.TrueAsync(() => store.Status(VenueIds.Dydx)!.MarketErrors.Any(e => e.StartsWith("SOL-USD") && e.Contains("HTTP 404")),
            TimeSpan.FromSeconds(30), "SOL-USD's missing book named while BTC-USD reads");
        using var connection = world.App.Services.GetRequiredService<DbConnectionFactory>().Open();
        Assert.True(connection.ExecuteScalar<long>("SELECT COUNT(*) FROM depth_band WHERE venue = 'dydx' AND symbol = 'BTC-USD' AND kind = 1") > 0);
        Assert.True(connection.ExecuteScalar<long>("SELECT COUNT(*) FROM depth_band WHERE venue = 'gmx' AND kind = 2") > 0);
    }
}
