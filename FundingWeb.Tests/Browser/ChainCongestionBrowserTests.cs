using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace FundingWeb.Tests.Browser;

/// <summary>
/// Issue 12's acceptance on the simulator: one congestion episode on GMX's chain shows on the Venues page's history chart,
/// makes the Overview strip say the chain is stalled, fires a chain-head-age rule made in the UI (toast and webhook), and
/// lengthens the Carry page's exit delay.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Slow")]
public class ChainCongestionBrowserTests(BrowserFixture browser)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    private const string CarryUrl = "/carry?venue=gmx&asset=BTC&side=long&notional=1000000&leverage=5&hours=24";

    [Fact]
    public async Task CongestOneVenue_HistoryChartStripRuleAndExitDelayAllSayIt()
    {
        await using var receiver = await LoopbackVenueServer.StartAsync();
        var received = new ConcurrentQueue<JsonElement>();
        receiver.Map("POST", "/chain-hook", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            received.Enqueue(JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone());
            return "{}";
        });
        // Thresholds in seconds rather than minutes, and health rows every second, so one short episode says it all.
        await using var server = await FundingWebServer.StartAsync(
        [
            "--Alerts:Webhooks:AllowedHosts:0=127.0.0.1", "--Storage:HealthInterval=00:00:01",
            "--Chains:gmx:LagAfter=00:00:04", "--Chains:gmx:StallAfter=00:00:08",
        ]);
        var world = server.Services.GetRequiredService<SimulatedWorld>();

        // The Carry page before: the exit delay is nominal + a calm chain's lag.
        var carry = await browser.NewPageAsync();
        await carry.GotoAsync(server.BaseUrl + CarryUrl);
        var exitDelay = carry.GetByTestId("carry-exit-delay");
        await Assertions.Expect(exitDelay).ToBeVisibleAsync(new() { Timeout = (float)Deadline.TotalMilliseconds });
        var before = await SecondsAsync(exitDelay);

        // A chain-head-age rule made in the UI, clear while the chain moves.
        var alerts = await browser.NewPageAsync();
        await alerts.GotoAsync(server.BaseUrl + "/alerts");
        await LivePage.WaitForLiveAsync(alerts);
        await MudControls.ChooseAsync(alerts, "rule-kind", "Chain head older than N seconds");
        await alerts.GetByTestId("rule-name").FillAsync("GMX chain stuck");
        await MudControls.ChooseAsync(alerts, "rule-venue", "GMX v2");
        await alerts.GetByTestId("rule-threshold").FillAsync("10");
        await alerts.GetByTestId("rule-cooldown").FillAsync("0");
        await alerts.GetByTestId("rule-webhook").FillAsync(receiver.BaseUrl + "/chain-hook");
        await alerts.GetByTestId("rule-save").ClickAsync();
        var row = alerts.Locator("[data-testid=rules-table] tbody tr", new() { HasText = "GMX chain stuck" });
        await Assertions.Expect(row).ToContainTextAsync("chain head of gmx older than 10 s");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "clear");

        var overview = await browser.NewPageAsync();
        await overview.GotoAsync(server.BaseUrl + "/");
        await LivePage.WaitForLiveAsync(overview);
        var strip = overview.Locator("[data-testid=venue-health] li[data-venue=gmx]");
        await Assertions.Expect(strip).Not.ToContainTextAsync("chain stalled");

        world.Congest("gmx", TimeSpan.FromMinutes(10));

        // The Overview strip: the venue's chain is stalled, with the reason.
        await Assertions.Expect(strip).ToContainTextAsync("chain stalled", new() { Timeout = (float)Deadline.TotalMilliseconds });
        await Assertions.Expect(strip).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("fw-health-stale"));
        await Assertions.Expect(strip).ToContainTextAsync("stalled after 8 s");

        // The rule fires: a toast on an open page and the webhook on loopback.
        var toast = overview.Locator("[data-testid=alert-toast][data-transition=fired]", new() { HasText = "GMX chain stuck" });
        await Assertions.Expect(toast).ToBeVisibleAsync(new() { Timeout = (float)Deadline.TotalMilliseconds });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "firing");
        static bool IsFired(JsonElement b) => b.GetProperty("transition").GetString() == "fired";
        await Eventually.TrueAsync(() => received.Any(IsFired), Deadline, "the fired webhook");
        var fired = received.First(IsFired);
        Assert.Equal("chain_head_age", fired.GetProperty("kind").GetString());
        Assert.Equal("gmx", fired.GetProperty("venue").GetString());
        Assert.True(fired.GetProperty("value").GetDouble() > 10);

        // The Carry page: the same position's exit delay is now longer (the congested chain's lag is in it).
        await Eventually.TrueAsync(async () => await SecondsAsync(exitDelay) > before, Deadline, "a longer exit delay on the Carry page");
        await Assertions.Expect(carry.Locator("[data-testid=carry-exit] [data-figure=congested]")).ToHaveAttributeAsync("data-congested", "true");

        // The Venues page's head-age history (read on navigation): GMX's line climbs past the lag limit.
        var venues = await browser.NewPageAsync();
        await Eventually.TrueAsync(async () =>
        {
            await venues.GotoAsync(server.BaseUrl + "/venues?range=1h");
            await LivePage.WaitForLiveAsync(venues);
            var chart = venues.GetByTestId("chart-health-head-age");
            await Assertions.Expect(chart).ToHaveAttributeAsync("data-series", new System.Text.RegularExpressions.Regex("GMX v2"));
            // The module hangs its inspector on the element once it has drawn the chart.
            await venues.WaitForFunctionAsync("() => !!document.querySelector('[data-testid=chart-health-head-age]')?.__fwChart", null,
                new() { Timeout = (float)Deadline.TotalMilliseconds });
            var worst = await venues.EvaluateAsync<double>(
                "() => Math.max(...(document.querySelector('[data-testid=chart-health-head-age]').__fwChart.describe().data['GMX v2'] ?? []).map(p => p[1]))");
            return worst >= 8;
        }, Deadline, "GMX's head age past 8 s on the Venues page's history chart");
        await Assertions.Expect(venues.Locator("[data-testid=health-board] tr[data-venue=gmx]")).ToHaveAttributeAsync("data-chain-state", "stalled");
        await Assertions.Expect(venues.GetByTestId("offchain-note")).ToContainTextAsync("Matching engines run off-chain");
    }

    private static async Task<double> SecondsAsync(ILocator exitDelay) =>
        double.Parse(await exitDelay.GetAttributeAsync("data-seconds") ?? "0", CultureInfo.InvariantCulture);
}
