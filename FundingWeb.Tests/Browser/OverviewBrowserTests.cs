using Xunit;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FundingWeb.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Slow")]
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
    }

    [Fact]
    public async Task Overview_LiveTicks_TitlesNeverMoveAndOnlySomeCellsAreTouched()
    {
        await using var server = await FundingWebServer.StartAsync(["--Feed:Simulator:Acceleration=30"]);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/");
        await WaitForInteractiveAsync(page);

        // Watch the cells over a few seconds of ticks: a cell is markup, so a tick that moves it replaces its <td>. A title
        // that carried the raw value would come back different on every poll, and a re-rendered tree would replace every cell.
        await page.EvaluateAsync("""
            () => {
                const key = td => td.dataset.venue + '/' + td.dataset.asset;
                const titles = new Map([...document.querySelectorAll('[data-testid=funding-heatmap] td[data-venue]')].map(td => [key(td), td.title]));
                window.__fwTitles = 0; window.__fwTouched = new Set();
                const touch = td => {
                    window.__fwTouched.add(key(td));
                    if (titles.has(key(td)) && titles.get(key(td)) !== td.title) window.__fwTitles++;
                };
                new MutationObserver(records => {
                    for (const r of records) {
                        for (const n of r.addedNodes) if (n.nodeType === 1 && n.matches('td[data-venue]')) touch(n);
                        const td = (r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest('td[data-venue]');
                        if (td) touch(td);
                    }
                }).observe(document.querySelector('[data-testid=funding-heatmap] tbody'), { subtree: true, attributes: true, characterData: true, childList: true });
            }
            """);
        await Eventually.TrueAsync(async () => await page.EvaluateAsync<int>("() => window.__fwTouched.size") > 0, TimeSpan.FromSeconds(10), "a cell to change");
        var cells = await page.Locator("td[data-venue]").CountAsync();

        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__fwTitles"));
        Assert.True(await page.EvaluateAsync<int>("() => window.__fwTouched.size") < cells, "every cell was touched by the ticks");
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
        await Assertions.Expect(page.Locator("th[data-venue=paradex]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("fw-stale"));
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

    [Fact]
    public async Task Overview_Abbreviations_ExplainThemselvesInATooltip()
    {
        await using var server = await FundingWebServer.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/");
        await WaitForInteractiveAsync(page);

        foreach (var (term, says) in new[] { ("HHI", "Herfindahl"), ("OI", "Open interest"), ("APR", "Annual percentage rate"), ("Net, 7d hold", "taker fees") })
        {
            await page.Locator("abbr.fw-abbr", new() { HasTextString = term }).First.HoverAsync();
            await Assertions.Expect(page.Locator(".mud-tooltip", new() { HasTextString = says }).First).ToBeVisibleAsync();
            await page.Mouse.MoveAsync(0, 0);
            await Assertions.Expect(page.Locator(".mud-tooltip", new() { HasTextString = says })).ToHaveCountAsync(0);
        }

        // From the keyboard: focus opens it and stays on the abbreviation (the tooltip opens without rebuilding it); blur closes it.
        var hhi = page.Locator("abbr.fw-abbr", new() { HasTextString = "HHI" }).First;
        await hhi.FocusAsync();
        await Assertions.Expect(page.Locator(".mud-tooltip", new() { HasTextString = "Herfindahl" }).First).ToBeVisibleAsync();
        await Assertions.Expect(hhi).ToBeFocusedAsync();
        await hhi.BlurAsync();
        await Assertions.Expect(page.Locator(".mud-tooltip", new() { HasTextString = "Herfindahl" })).ToHaveCountAsync(0);
    }

    /// <summary>Dark and light at a desk's window (plain, at 8h, with a cell's source open) and on a phone.</summary>
    [Fact]
    public async Task Overview_Screens_BothThemesAtADeskAndOnAPhoneWithNoSidewaysScroll()
    {
        await using var server = await FundingWebServer.StartAsync();
        await BrowserScreens.BothThemesAsync(browser, server.BaseUrl + "/", "overview", WaitForInteractiveAsync);
        await BrowserScreens.BothThemesAsync(browser, server.BaseUrl + "/?basis=8h", "overview-8h", WaitForInteractiveAsync);
        await BrowserScreens.BothThemesAsync(browser, server.BaseUrl + "/", "overview-source", async page =>
        {
            await WaitForInteractiveAsync(page);
            await page.Locator("td[data-venue=gmx][data-asset=ETH] button").ClickAsync();
            await Assertions.Expect(page.GetByTestId("source-drilldown")).ToContainTextAsync("GMX");
        });
        await BrowserScreens.BothThemesAsync(browser, server.BaseUrl + "/", "overview", async page =>
        {
            await WaitForInteractiveAsync(page);
            Assert.False(await BrowserScreens.ScrollsSidewaysAsync(page), "the Overview scrolls sideways at 390 px");
            // The heatmap scrolls inside its own panel, with the asset column held in view.
            Assert.True(await page.EvaluateAsync<bool>("() => { const s = document.querySelector('.fw-heatmap-scroll'); return s.scrollWidth > s.clientWidth; }"));
            Assert.Equal("sticky", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('[data-testid=funding-heatmap] tbody th')).position"));
            // Every badge of the header is still there.
            await Assertions.Expect(page.GetByTestId("simulated-badge")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("theme-toggle")).ToBeVisibleAsync();
        }, width: 390, height: 844);
    }

    /// <summary>On a phone the header's links give way to the drawer: built when it opens, closed by the navigation it makes.</summary>
    [Fact]
    public async Task Phone_Drawer_OpensItsMenuAndClosesOnNavigation()
    {
        await using var server = await FundingWebServer.StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/");
        await WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("nav.fw-nav")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("nav-drawer-menu")).ToHaveCountAsync(0);

        await page.GetByTestId("nav-toggle").ClickAsync();
        await page.GetByTestId("nav-drawer-menu").Locator("[data-nav=Funding]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/funding$"));
        await Assertions.Expect(page.GetByTestId("nav-drawer-menu")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("as-of")).ToBeVisibleAsync();
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
