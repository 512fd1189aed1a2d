using Xunit;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FundingWeb.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class OverviewBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Overview_OpenPage_ShowsSixVenuesTwentyAssetsAndValuesChangeWithoutReload()
    {
        await using var server = await FundingWebServer.StartAsync(["--Feed:Simulator:Acceleration=30"]);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/");

        await Assertions.Expect(page.GetByTestId("simulated-badge")).ToHaveTextAsync("Simulated data");
        await Eventually.TrueAsync(async () => await page.Locator("table[data-testid=funding-heatmap] thead th[data-venue]").CountAsync() >= 6,
            TimeSpan.FromSeconds(15), "six venue columns");
        Assert.True(await page.Locator("table[data-testid=funding-heatmap] tbody tr").CountAsync() >= 20);
        await Assertions.Expect(page.GetByTestId("heatmap-basis")).ToHaveTextAsync("% APR (simple)");

        // Mark the document: a reload would lose the mark, a live push keeps it.
        await WaitForInteractiveAsync(page);
        await page.EvaluateAsync("() => { window.__fwMark = 'kept'; }");
        var before = await ReadCellsAsync(page);
        await Eventually.TrueAsync(async () =>
        {
            var now = await ReadCellsAsync(page);
            return now.Any(kv => before.TryGetValue(kv.Key, out var old) && old != kv.Value);
        }, TimeSpan.FromSeconds(10), "a heatmap value to change");

        Assert.Equal("kept", await page.EvaluateAsync<string>("() => window.__fwMark"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "overview-dark.png"), FullPage = true });
    }

    [Fact]
    public async Task Overview_VenueStartsFailingOnServer_PageShowsItStaleWithReasonWithoutReload()
    {
        await using var server = await FundingWebServer.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/");
        var paradex = page.Locator("[data-testid=venue-health] li[data-venue=paradex]");
        await Assertions.Expect(paradex).ToHaveAttributeAsync("data-state", "fresh");
        await WaitForInteractiveAsync(page);
        await page.EvaluateAsync("() => { window.__fwMark = 'kept'; }");

        server.Services.GetRequiredService<SimulatedWorld>().SetFailing(VenueIds.Paradex, true);

        await Assertions.Expect(paradex).ToHaveAttributeAsync("data-state", "stale", new() { Timeout = 10_000 });
        await Assertions.Expect(paradex.GetByTestId("stale-reason")).ToContainTextAsync("simulated fault");
        await Assertions.Expect(page.Locator("[data-testid=venue-health] li[data-venue=lighter]")).ToHaveAttributeAsync("data-state", "fresh");
        Assert.Equal("kept", await page.EvaluateAsync<string>("() => window.__fwMark"));
    }

    [Fact]
    public async Task Overview_BasisInUrl_RestoresBasisAndPrintsIt()
    {
        await using var server = await FundingWebServer.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/?basis=8h");

        await Assertions.Expect(page.GetByTestId("heatmap-basis")).ToHaveTextAsync("% per 8h");
        await Assertions.Expect(page.Locator("a[data-basis='8h']")).ToHaveAttributeAsync("aria-current", "true");
    }

    /// <summary>The circuit is up once Blazor has attached; pushes only reach an interactive page.</summary>
    private static async Task WaitForInteractiveAsync(IPage page)
    {
        await LivePage.WaitForLiveAsync(page);
        await page.WaitForFunctionAsync("() => document.querySelector('table[data-testid=funding-heatmap] tbody tr') !== null");
    }

    private static async Task<Dictionary<string, string>> ReadCellsAsync(IPage page) =>
        await page.EvaluateAsync<Dictionary<string, string>>(
            "() => Object.fromEntries([...document.querySelectorAll('td[data-rate1h]')].map(td => [td.dataset.venue + '/' + td.dataset.asset, td.dataset.rate1h]))");
}
