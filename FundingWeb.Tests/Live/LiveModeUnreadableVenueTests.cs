using System.Net;
using FundingWeb.Core.Venues;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Live;

/// <summary>
/// A venue that answers but gives nothing readable is not healthy: dYdX serves a body whose every market is malformed,
/// Lighter an empty market list. Both go degraded with the reason in /healthz, on the venue strip and the Venues page,
/// the other four stay fresh, and both recover on the first poll that reads a market.
/// </summary>
[Trait("Category", "Slow")]
public class LiveModeUnreadableVenueTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private const string DydxMarkets = "/dydx/perpetualMarkets";
    private const string LighterMarkets = "/lighter/api/v1/orderBookDetails";

    /// <summary>Three markets, three ways broken: a missing required field, not an object, an unknown status.</summary>
    private const string EveryMarketMalformed = """
        {"markets": {
          "BTC-USD": {"ticker": "BTC-USD", "status": "ACTIVE"},
          "ETH-USD": "not a market",
          "SOL-USD": {"ticker": "SOL-USD", "status": "HALTED", "initialMarginFraction": "0.05"}
        }}
        """;

    [Fact]
    public async Task NothingReadable_EveryMarketMalformedOrNoMarkets_DegradedWithReasonOthersHealthyBothRecover()
    {
        await using var world = await LiveVenueWorld.StartAsync();
        await Eventually.TrueAsync(world.AllFreshAsync, TimeSpan.FromSeconds(30), "all six live venues fresh");

        world.Venues.MapJson("GET", DydxMarkets, EveryMarketMalformed);
        world.Venues.MapJson("GET", LighterMarkets, """{"code": 200, "order_book_details": []}""");

        var health = await Eventually.GetAsync(async () => await world.HealthAsync() is var h
                && h.Venues[VenueIds.Dydx].State == "degraded" && h.Venues[VenueIds.Lighter].State == "degraded" ? h : null,
            Deadline, "dYdX and Lighter degraded");
        Assert.Equal("degraded", health.Status);
        var dydx = health.Venues[VenueIds.Dydx];
        Assert.StartsWith("no readable markets: 3 of 3 failed: ", dydx.Reason);
        Assert.Contains("BTC-USD: required field", dydx.Reason);
        Assert.Equal("lists no active markets", health.Venues[VenueIds.Lighter].Reason);
        // Degraded is not stale: the venue answers; existing monitors of "stale" see no poll failure.
        Assert.False(dydx.Stale);
        Assert.All(VenueIds.All.Where(v => v is not VenueIds.Dydx and not VenueIds.Lighter), v =>
            Assert.True(health.Venues[v] is { State: "fresh", Reason: null, Stale: false }, $"{v} must stay fresh: {health.Venues[v]}"));

        var overview = await GetAsync(world, "/");
        // The attribute pair, whatever follows it (the strip's items carry its scoped-CSS attribute).
        Assert.Contains("data-venue=\"dydx\" data-state=\"degraded\"", overview);
        Assert.Contains("data-venue=\"lighter\" data-state=\"degraded\"", overview);
        Assert.Contains("no readable markets: 3 of 3 failed", WebUtility.HtmlDecode(overview));
        var venues = WebUtility.HtmlDecode(await GetAsync(world, "/venues"));
        Assert.Contains("""data-venue="dydx" data-state="degraded" """.TrimEnd(), venues);
        Assert.Contains("lists no active markets", venues);

        world.Venues.MapJson("GET", DydxMarkets, FixtureFiles.Read("dydx", "perpetualMarkets.json"));
        world.Venues.MapJson("GET", LighterMarkets, FixtureFiles.Read("lighter", "orderBookDetails.derived.json"));
        await Eventually.TrueAsync(world.AllFreshAsync, Deadline, "dYdX and Lighter fresh again");
        Assert.Equal("healthy", (await world.HealthAsync()).Status);
        world.AssertPollersRunning();
    }

    private static async Task<string> GetAsync(LiveVenueWorld world, string path)
    {
        using var http = new HttpClient { BaseAddress = new Uri(world.App.BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
        return await http.GetStringAsync(path);
    }
}
