using FundingWeb.Core.Venues;
using FundingWeb.Tests.Fixtures;
using Microsoft.Playwright;
using Xunit;

namespace FundingWeb.Tests.Live;

/// <summary>
/// Issue 4 acceptance: the loopback server misbehaves for one venue while the app runs in Live mode. That venue goes
/// stale with a reason naming the fault (in /healthz and on the Overview), the other five keep polling, it recovers by
/// itself when the server does, and no exception escapes a poller.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Slow")]
public class LiveModeFaultTests(BrowserFixture browser)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public static TheoryData<string, VenueFault, string> Faults => new()
    {
        // A different venue per fault, so every adapter's HTTP edge is exercised; the reason text is what a trader reads.
        { VenueIds.Paradex, VenueFault.Timeout, "timeout after 0.5 s" },
        { VenueIds.Aevo, VenueFault.RateLimited, "rate limited (429)" },
        { VenueIds.Lighter, VenueFault.ServerError, "HTTP 500" },
        { VenueIds.Gmx, VenueFault.MalformedJson, "malformed JSON" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Fault_OneVenueFails_ItGoesStaleWithTheReasonOthersKeepPollingAndItRecoversWhenTheServerDoes(string venue, VenueFault fault, string reason)
    {
        string[] args = fault == VenueFault.Timeout ? [$"--Venues:{venue}:RequestTimeout=00:00:00.500"] : [];
        await using var world = await LiveVenueWorld.StartAsync(args);
        var page = await OpenOverviewWithAllFreshAsync(world);
        var strip = HealthItem(page, venue);
        var others = VenueIds.All.Where(v => v != venue).ToList();

        world.Venues.SetFault(LiveVenueWorld.Prefixes[venue], fault);

        var failing = await Eventually.GetAsync(async () => (await world.HealthAsync()).Venues[venue] is { Stale: true, StaleReason: { } r } v && r.Contains(reason) ? v : null,
            Deadline, $"{venue} stale with a reason containing '{reason}'");
        Assert.Contains(reason, failing.LastError);
        await Assertions.Expect(strip).ToHaveAttributeAsync("data-state", "stale");
        await Assertions.Expect(strip.GetByTestId("stale-reason")).ToContainTextAsync(reason);

        await AssertOthersKeepPollingAsync(world, page, others);
        var during = (await world.HealthAsync()).Venues[venue];
        Assert.True(during.Stale, $"{venue} must stay stale while the server fails");
        Assert.Equal(failing.LastSuccess, during.LastSuccess);
        world.AssertPollersRunning();

        world.Venues.SetFault(LiveVenueWorld.Prefixes[venue], VenueFault.None);

        await AssertRecoversAsync(world, strip, venue, failing.LastSuccess);
        Assert.Equal("healthy", (await world.HealthAsync()).Status);
        world.AssertPollersRunning();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RemovedField_OneMarketThenTheWholeBody_MarketErrorKeepsVenueFreshSchemaChangeMakesItStaleBothRecover()
    {
        const string venue = VenueIds.Dydx;
        const string path = "/dydx/perpetualMarkets";
        await using var world = await LiveVenueWorld.StartAsync();
        var page = await OpenOverviewWithAllFreshAsync(world);
        var strip = HealthItem(page, venue);
        var btcCell = page.Locator("td[data-venue=dydx][data-asset=BTC]");
        await Assertions.Expect(btcCell).ToHaveCountAsync(1);

        // 1. BTC-USD loses its required openInterest: a MarketError. One bad market must not take the venue down, so
        //    dYdX stays fresh, its last error names the market and the field, and SOL-USD keeps quoting.
        world.Venues.MapJson("GET", path, FixtureFiles.Read("dydx", "perpetualMarkets.no-openInterest.derived.json"));
        var drifted = await Eventually.GetAsync(async () => (await world.HealthAsync()).Venues[venue] is { LastError: { } e } v && e.Contains("BTC-USD") ? v : null,
            Deadline, "dYdX's last error to name BTC-USD");
        Assert.Contains("required field 'openInterest' is missing", drifted.LastError);
        Assert.False(drifted.Stale);
        Assert.Null(drifted.StaleReason);
        var btcQuotes = QuotedRows(world, "BTC-USD");
        var solQuotes = QuotedRows(world, "SOL-USD");
        await Eventually.TrueAsync(() => QuotedRows(world, "SOL-USD") >= solQuotes + 2, Deadline, "SOL-USD to keep quoting");
        Assert.Equal(btcQuotes, QuotedRows(world, "BTC-USD"));
        // The unreadable market leaves the grid rather than showing a number it could not read; the venue stays fresh.
        await Assertions.Expect(btcCell).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("td[data-venue=dydx][data-asset=SOL]")).ToHaveCountAsync(1);
        await Assertions.Expect(strip).ToHaveAttributeAsync("data-state", "fresh");

        // 2. The body loses its "markets" object altogether: a schema change of the whole venue, so dYdX goes stale.
        world.Venues.MapJson("GET", path, """{"marketz":{}}""");
        const string reason = "perpetualMarkets: expected";
        var broken = await Eventually.GetAsync(async () => (await world.HealthAsync()).Venues[venue] is { Stale: true, StaleReason: { } r } v && r.Contains(reason) ? v : null,
            Deadline, "dYdX stale on the changed schema");
        await Assertions.Expect(strip).ToHaveAttributeAsync("data-state", "stale");
        await Assertions.Expect(strip.GetByTestId("stale-reason")).ToContainTextAsync(reason);
        await AssertOthersKeepPollingAsync(world, page, VenueIds.All.Where(v => v != venue).ToList());
        world.AssertPollersRunning();

        // 3. The venue serves its usual payload again: fresh, and BTC-USD quotes and shows again.
        world.Venues.MapJson("GET", path, FixtureFiles.Read("dydx", "perpetualMarkets.json"));
        await AssertRecoversAsync(world, strip, venue, broken.LastSuccess);
        await Eventually.TrueAsync(() => QuotedRows(world, "BTC-USD") > btcQuotes, Deadline, "BTC-USD to quote again");
        await Assertions.Expect(btcCell).ToHaveCountAsync(1);
        world.AssertPollersRunning();
        await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenOverviewWithAllFreshAsync(LiveVenueWorld world)
    {
        await Eventually.TrueAsync(world.AllFreshAsync, TimeSpan.FromSeconds(30), "all six live venues fresh");
        var page = await browser.NewPageAsync();
        await page.GotoAsync(world.App.BaseUrl + "/");
        foreach (var id in VenueIds.All) await Assertions.Expect(HealthItem(page, id)).ToHaveAttributeAsync("data-state", "fresh");
        // Pushes reach only a page whose circuit is up.
        await LivePage.WaitForLiveAsync(page);
        return page;
    }

    /// <summary>While one venue fails, every other one completes new polls (later success, more quoted rows) and shows fresh.</summary>
    private static async Task AssertOthersKeepPollingAsync(LiveVenueWorld world, IPage page, IReadOnlyList<string> others)
    {
        var since = DateTimeOffset.UtcNow;
        var quoted = others.ToDictionary(v => v, world.QuotedRows);
        await Eventually.TrueAsync(async () =>
        {
            var health = await world.HealthAsync();
            return others.All(o => !health.Venues[o].Stale && health.Venues[o].LastSuccess > since && world.QuotedRows(o) > quoted[o]);
        }, Deadline, "the other venues to complete new polls during the fault");
        foreach (var other in others) await Assertions.Expect(HealthItem(page, other)).ToHaveAttributeAsync("data-state", "fresh");
    }

    private static async Task AssertRecoversAsync(LiveVenueWorld world, ILocator strip, string venue, DateTimeOffset? lastGood)
    {
        var quoted = world.QuotedRows(venue);
        await Eventually.TrueAsync(async () =>
            (await world.HealthAsync()).Venues[venue] is { Stale: false, StaleReason: null } v && v.LastSuccess > lastGood && world.QuotedRows(venue) > quoted,
            Deadline, $"{venue} to recover by itself");
        await Assertions.Expect(strip).ToHaveAttributeAsync("data-state", "fresh");
        await Assertions.Expect(strip.GetByTestId("stale-reason")).ToHaveCountAsync(0);
    }

    private static ILocator HealthItem(IPage page, string venue) => page.Locator($"[data-testid=venue-health] li[data-venue={venue}]");

    private static long QuotedRows(LiveVenueWorld world, string symbol) =>
        world.Scalar<long>("SELECT COUNT(*) FROM funding WHERE venue = 'dydx' AND symbol = @symbol AND kind = 0", new { symbol });
}
