using FundingWeb.Core.Live;
using FundingWeb.Hosting;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace FundingWeb.Tests.Browser;

/// <summary>Open pages hold a circuit and a hub subscription; closing them gives both back. One client's tabs are capped.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Slow")]
public sealed class CircuitLifecycleBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task OpenThenClose_SubscribersAndCircuitsReturnToTheirStart()
    {
        await using var server = await FundingWebServer.StartAsync();
        var hub = server.Services.GetRequiredService<MarketHub>();
        var circuits = server.Services.GetRequiredService<CircuitMetricsHandler>();
        var (subscribers0, circuits0) = (hub.SubscriberCount, circuits.Open);

        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/funding?asset=BTC&range=24h");
        await LivePage.WaitForLiveAsync(page);
        await Eventually.TrueAsync(() => circuits.Open == circuits0 + 1 && hub.SubscriberCount > subscribers0, TimeSpan.FromSeconds(15),
            "the open page to hold a circuit and a hub subscription");
        var stamp = await page.GetByTestId("as-of").GetAttributeAsync("data-as-of-ms");
        Assert.True(long.Parse(stamp!) > 0, "the page carries the publish time of what it shows");

        // Closed as a user closes a tab (its unload handlers run, so Blazor sends its disconnect beacon and the circuit ends
        // at once). A tab that dies without the beacon keeps its circuit for the retention period (3 min, UiServiceExtensions)
        // by design; the deadline covers that too, so the test says "given back", not "given back within N seconds".
        await page.CloseAsync(new() { RunBeforeUnload = true });
        await context.CloseAsync();
        await Eventually.TrueAsync(() => circuits.Open == circuits0 && hub.SubscriberCount == subscribers0, TimeSpan.FromMinutes(3.5),
            "the closed page to give its circuit and subscription back");
    }

    [Fact]
    public async Task OneClient_PastItsCircuitCap_TheNextTabIsRefusedTheOthersStayLive()
    {
        await using var server = await FundingWebServer.StartAsync(["--Live:Limits:MaxCircuitsPerClient=2"]);
        var circuits = server.Services.GetRequiredService<CircuitMetricsHandler>();
        var context = await browser.Browser.NewContextAsync();
        var pages = new List<IPage>();
        for (var i = 0; i < 2; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(server.BaseUrl + "/venues");
            await LivePage.WaitForLiveAsync(page);
            pages.Add(page);
        }

        var third = await context.NewPageAsync();
        // The WebSocket is refused first; the client then tries its fallback transports, which are refused as plain 429s.
        var refused = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        third.Response += (_, response) =>
        {
            if (new Uri(response.Url).AbsolutePath == "/_blazor" && response.Status == 429) refused.TrySetResult(response.Status);
        };
        await third.GotoAsync(server.BaseUrl + "/venues");
        await refused.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Assertions.Expect(third.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connecting");

        Assert.Equal(2, circuits.Open);
        foreach (var page in pages) await Assertions.Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "live");
        await context.CloseAsync();
    }
}
