using FundingWeb.Tests.Fixtures;
using Microsoft.Playwright;
using Xunit;

namespace FundingWeb.Tests.Browser;

/// <summary>
/// Every dashboard page in a real browser against the simulated feed: reachable from the nav and from a pasted URL,
/// charts drawn with their series, live ticks that update a chart's data without re-creating it, and a dark-theme
/// screenshot of each page (TestResults/screenshots).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Slow")]
public class DashboardBrowserTests(BrowserFixture browser, DashboardBrowserTests.ServerFixture fixture) : IClassFixture<DashboardBrowserTests.ServerFixture>
{
    private readonly FundingWebServer _server = fixture.Server;

    /// <summary>One simulated app for the whole class: 8 days of history, time running 20× so ticks come quickly.</summary>
    public sealed class ServerFixture : IAsyncLifetime
    {
        public FundingWebServer Server { get; private set; } = default!;
        public async Task InitializeAsync() => Server = await FundingWebServer.StartAsync(["--Feed:Simulator:BackfillDays=8", "--Feed:Simulator:Acceleration=20"]);
        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    [Theory]
    [InlineData("Funding", "/funding", "chart-funding-history")]
    [InlineData("Open interest", "/open-interest", "chart-oi-stack")]
    [InlineData("Liquidations", "/liquidations", "chart-liquidation-ladder")]
    [InlineData("Spreads", "/spreads", "spreads-table")]
    [InlineData("Venues", "/venues", "venues-table")]
    public async Task Nav_EachPage_OpensFromTheNav(string label, string path, string testId)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_server.BaseUrl + "/");
        await WaitForCircuitAsync(page);
        await page.Locator($"nav a[data-nav='{label}']").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
        await Assertions.Expect(page.GetByTestId(testId)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Funding_PastedUrl_RestoresStateAndDrawsEveryChartWithSeriesNames()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_server.BaseUrl + "/funding?asset=ETH&venues=dydx,hyperliquid&range=24h&basis=8h&window=8h");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Funding · ETH");
        await Assertions.Expect(page.Locator("[data-testid=range-picker] a[data-range='24h']")).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(page.Locator("a[data-basis='8h']")).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(page.Locator("a.fw-chip[data-venue='paradex']")).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(page.Locator("a.fw-chip[data-venue='dydx']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("[data-testid=slippage-window] a[data-window='8h']")).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(page.Locator("[data-testid=slippage-window] a[data-window='24h']")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("window=24h"));

        var history = await SeriesNamesAsync(page, "chart-funding-history");
        // Venue lines as chosen; the CEX reference lines are always on (toggled from the legend), named as references.
        Assert.Equal(["dYdX v4 settled", "dYdX v4 quoted", "Hyperliquid settled", "Hyperliquid quoted"], history.Take(4));
        Assert.Contains("Binance (CEX reference)", history);
        Assert.All(history.Skip(4), n => Assert.EndsWith("(CEX reference)", n));
        Assert.Equal(["dYdX v4", "Hyperliquid"], await SeriesNamesAsync(page, "chart-term-structure"));
        Assert.Equal(["dYdX v4", "Hyperliquid"], await SeriesNamesAsync(page, "chart-slippage"));
        Assert.Contains("% per 8h", await page.EvaluateAsync<string>("() => document.querySelector('[data-testid=chart-funding-history]').__fwChart.describe().yTitle"));
        // Settled and quoted read apart in the legend itself, not only in the lines: a solid icon and a dashed one.
        var icons = await page.EvaluateAsync<string[]>(
            "() => document.querySelector('[data-testid=chart-funding-history]').__fwChart.instance.getOption().legend[0].data.map(d => d.icon)");
        Assert.Equal(icons[0], icons[2]);
        Assert.Equal(icons[1], icons[3]);
        Assert.NotEqual(icons[0], icons[1]);
        // A reference line has a legend icon of its own: neither a venue's settled bar nor its quoted dashes.
        Assert.DoesNotContain(icons[4], icons[..4]);
        await ScreenshotAsync(page, "funding");
    }

    [Fact]
    public async Task Funding_LiveTick_UpdatesChartDataWithoutRecreatingTheChart()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_server.BaseUrl + "/funding?asset=BTC&range=6h");
        await SeriesNamesAsync(page, "chart-funding-history");

        // Tag the chart's element and its ECharts instance; a re-creation would replace the instance.
        await page.EvaluateAsync("() => { const e = document.querySelector('[data-testid=chart-funding-history]'); e.__fwTag = 'original'; e.__fwChart.instance.__fwTag = 'original'; }");
        var before = await NewestQuotedTimesAsync(page);

        // Live points land at the end of the quoted series, twice over.
        var after = before;
        for (var round = 0; round < 2; round++)
        {
            var previous = after;
            after = await Eventually.GetAsync(async () =>
            {
                var now = await NewestQuotedTimesAsync(page);
                return now.Zip(previous).Any(p => p.First > p.Second) ? now : null;
            }, TimeSpan.FromSeconds(20), "a newer quoted point at the end of a funding series");
            // Nothing takes a live point back: every series' newest time only moves forward.
            Assert.All(after.Zip(previous), p => Assert.True(p.First >= p.Second, $"newest point went back from {p.Second} to {p.First}"));
        }

        var chart = "document.querySelector('[data-testid=chart-funding-history]')";
        Assert.True(await page.EvaluateAsync<int>($"() => {chart}.__fwChart.describe().updates") >= 2);
        // Ticks are drawn over the chart; a full redraw happens only when a point leaves the room the axes keep.
        Assert.True(await page.EvaluateAsync<bool>($"() => {{ const d = {chart}.__fwChart.describe(); return d.folds < d.updates + 1; }}"));
        Assert.Equal("original", await page.EvaluateAsync<string>($"() => {chart}.__fwTag"));
        Assert.Equal("original", await page.EvaluateAsync<string>($"() => {chart}.__fwChart.instance.__fwTag"));
    }

    [Fact]
    public async Task OpenInterest_PastedUrl_StackedChartHhiAndSharesThatTick()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_server.BaseUrl + "/open-interest?asset=BTC&range=7d");

        var names = await SeriesNamesAsync(page, "chart-oi-stack");
        Assert.Equal(6, names.Count);
        Assert.Equal(["HHI (1 = all OI on one venue)"], await SeriesNamesAsync(page, "chart-oi-hhi"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('[data-testid=chart-oi-stack]').__fwChart.describe().stacked"));
        await Assertions.Expect(page.Locator("[data-testid=oi-shares] tbody tr")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("[data-testid=oi-shares] tr[data-venue=gmx] td").Nth(4)).Not.ToHaveTextAsync("–");
        await Assertions.Expect(page.Locator("[data-testid=oi-shares] tr[data-venue=dydx] td").Nth(4)).ToHaveTextAsync("–");
        await ScreenshotAsync(page, "open-interest");

        // Live: the stack's current bucket fills in place on the same chart.
        await page.EvaluateAsync("() => { document.querySelector('[data-testid=chart-oi-stack]').__fwChart.instance.__fwTag = 'original'; }");
        await Eventually.TrueAsync(async () => await page.EvaluateAsync<int>("() => document.querySelector('[data-testid=chart-oi-stack]').__fwChart.describe().updates") >= 2,
            TimeSpan.FromSeconds(20), "two live updates of the stacked chart");
        Assert.Equal("original", await page.EvaluateAsync<string>("() => document.querySelector('[data-testid=chart-oi-stack]').__fwChart.instance.__fwTag"));
        // Filling the current bucket never redraws the whole chart: the only full draw is the one that created it (the
        // loaded newest point is the bucket still filling; the live layer draws it, so the first tick that moves it is no fold).
        Assert.Equal(1, await page.EvaluateAsync<int>("() => document.querySelector('[data-testid=chart-oi-stack]').__fwChart.describe().folds"));

        // Every chart downloads its own CSV: here one row per point the chart holds.
        var points = await page.EvaluateAsync<int>("() => document.querySelector('[data-testid=chart-oi-stack]').__fwChart.describe().points");
        var frame = page.Locator(".fw-chart-frame", new() { Has = page.GetByTestId("chart-oi-stack") });
        var download = await page.RunAndWaitForDownloadAsync(() => frame.GetByTestId("export-csv").ClickAsync());
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l == "# market: BTC");
        Assert.InRange(lines.Count(l => !l.StartsWith('#')) - 1, points, points + 6);
    }

    [Fact]
    public async Task Liquidations_AllVenues_LabelsMeasuredAndModelledWithCoverageAndAssumptions_AndTheVenueChoiceIsALink()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_server.BaseUrl + "/liquidations?asset=BTC&range=7d");

        var names = await SeriesNamesAsync(page, "chart-liquidation-ladder");
        Assert.Contains("Longs · measured (cumulative)", names);
        Assert.Contains("Shorts · modelled (cumulative)", names);
        Assert.Contains("Realised liquidations (range)", names);
        await Assertions.Expect(page.Locator("[data-testid=ladder-venues] tr[data-venue=hyperliquid]")).ToHaveAttributeAsync("data-kind", "Measured");
        await Assertions.Expect(page.Locator("[data-testid=ladder-venues] tr[data-venue=dydx]")).ToHaveAttributeAsync("data-kind", "Modelled");
        await Assertions.Expect(page.Locator("[data-testid=ladder-venues] tr[data-venue=hyperliquid] td").Nth(1)).ToContainTextAsync("%");
        await Assertions.Expect(page.GetByTestId("ladder-assumptions")).ToContainTextAsync("Leverage buckets");
        // Measured and modelled of one side pile up: each side is one stack.
        Assert.Equal(["longs", "shorts", "longs", "shorts"], await page.EvaluateAsync<string[]>(
            "() => document.querySelector('[data-testid=chart-liquidation-ladder]').__fwChart.instance.getOption().series.filter(s => s.type === 'bar').map(s => s.stack)"));
        // The price marker moves with the price, on the same chart.
        var chart = "document.querySelector('[data-testid=chart-liquidation-ladder]')";
        await page.EvaluateAsync($"() => {{ {chart}.__fwChart.instance.__fwTag = 'original'; }}");
        var first = await page.EvaluateAsync<double>($"() => {chart}.__fwChart.describe().markers[0].value");
        await Eventually.TrueAsync(async () => await page.EvaluateAsync<double>($"() => {chart}.__fwChart.describe().markers[0].value") != first,
            TimeSpan.FromSeconds(20), "the price marker moving");
        Assert.Equal("original", await page.EvaluateAsync<string>($"() => {chart}.__fwChart.instance.__fwTag"));
        // The marker on screen is an element over the plot (charts/marks.js), where the engine puts that price, with its label.
        await Eventually.TrueAsync(async () => await page.EvaluateAsync<bool>($$"""
            () => {
              const c = {{chart}}.__fwChart, d = c.describe();
              const on = d.layerMarkers, want = d.markers[0];
              if (on.length !== 1 || on[0].label !== want.label) return false;
              const x = c.instance.convertToPixel({ gridIndex: 0 }, [want.value, 0])[0];
              return Math.abs(on[0].x - Math.round(x)) <= 1;
            }
            """), TimeSpan.FromSeconds(10), "the price marker element at the price");
        await ScreenshotAsync(page, "liquidations");

        await LivePage.WaitForLiveAsync(page);
        await page.Locator("[data-testid=venue-picker] a[data-venue=dydx]").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("venue=dydx"));
        await Assertions.Expect(page.GetByTestId("ladder-kind")).ToHaveTextAsync("Modelled");
        await Assertions.Expect(page.Locator("[data-testid=venue-picker] a[data-venue=dydx]")).ToHaveAttributeAsync("aria-current", "true");
    }

    [Fact]
    public async Task Spreads_And_Venues_RenderLiveTables()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_server.BaseUrl + "/spreads?window=30d");
        var rows = page.Locator("[data-testid=spreads-table] tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        Assert.True(await rows.CountAsync() >= 20);
        await Assertions.Expect(page.Locator("a[data-window='30d']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bactive\b"));
        await Assertions.Expect(page.Locator("[data-testid=spreads-table] thead")).ToContainTextAsync("Net, 30d hold");

        // Sorted by the user, still sorted after live ticks; the values under it move.
        await WaitForCircuitAsync(page);
        await page.Locator("[data-testid=spreads-table] thead th", new() { HasTextString = "Asset" }).Locator(".sortable-column-header").ClickAsync();
        var sorted = await Eventually.GetAsync(async () => await AssetsAsync(page) is var a && a.SequenceEqual(a.Order(StringComparer.Ordinal)) ? a : null,
            TimeSpan.FromSeconds(10), "rows sorted by asset");
        var spreads = await page.Locator("[data-testid=spread-apr]").AllInnerTextsAsync();
        await Eventually.TrueAsync(async () => !(await page.Locator("[data-testid=spread-apr]").AllInnerTextsAsync()).SequenceEqual(spreads),
            TimeSpan.FromSeconds(15), "a spread to move");
        Assert.Equal(sorted, await AssetsAsync(page));
        await ScreenshotAsync(page, "spreads");
        await BrowserScreens.BothThemesAsync(browser, _server.BaseUrl + "/spreads", "spreads",
            p => Assertions.Expect(p.Locator("[data-testid=spreads-table] tbody tr").First).ToBeVisibleAsync());
        await BrowserScreens.BothThemesAsync(browser, _server.BaseUrl + "/spreads", "spreads", async p =>
        {
            await Assertions.Expect(p.Locator("[data-testid=spreads-table] tbody tr").First).ToBeVisibleAsync();
            Assert.False(await BrowserScreens.ScrollsSidewaysAsync(p), "/spreads scrolls sideways at 390 px");
        }, width: 390, height: 844);

        await page.GotoAsync(_server.BaseUrl + "/venues");
        await Assertions.Expect(page.Locator("[data-testid=venues-table] tbody tr")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("[data-testid=venues-table] tr[data-venue=aevo]")).ToContainTextAsync("OP-stack rollup");
        // Polls land as ticks: the row's cells change in place (the same row element), no reload.
        await LivePage.WaitForLiveAsync(page);
        var polls = page.Locator("[data-testid=venues-table] tr[data-venue=dydx] [data-testid=venue-polls]");
        var first = await polls.TextContentAsync();
        await page.EvaluateAsync("() => document.querySelector('[data-testid=venues-table] tr[data-venue=dydx]').__fwTag = 'original'");
        await Assertions.Expect(polls).Not.ToHaveTextAsync(first!, new() { Timeout = 20_000 });
        Assert.Equal("original", await page.EvaluateAsync<string>("() => document.querySelector('[data-testid=venues-table] tr[data-venue=dydx]').__fwTag"));
        // Conventions: one paged grid over every market, narrowed by its search.
        var conventions = page.Locator("[data-testid=conventions-table] tbody tr", new() { Has = page.Locator("[data-symbol]") });
        Assert.True(await conventions.CountAsync() >= 100);
        await page.GetByTestId("conventions-search").FillAsync("paradex");
        await Assertions.Expect(conventions.First).ToContainTextAsync("Paradex");
        Assert.All(await conventions.Locator("[data-venue]").AllAsync(), e => Assert.Equal("paradex", e.GetAttributeAsync("data-venue").GetAwaiter().GetResult()));
        await BrowserScreens.BothThemesAsync(browser, _server.BaseUrl + "/venues", "venues");
    }

    private static async Task<List<string>> AssetsAsync(IPage page) =>
        [.. await page.Locator("[data-testid=spreads-table] tbody [data-asset]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.asset)")];

    [Fact]
    public async Task Overview_CellSource_ShowsRawValueIntervalUnitAndEndpoint()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_server.BaseUrl + "/");
        await WaitForCircuitAsync(page);
        await page.Locator("td[data-venue=paradex][data-asset=BTC] button").ClickAsync();

        var source = page.GetByTestId("source-drilldown");
        await Assertions.Expect(source).ToContainTextAsync("Paradex · BTC-USD-PERP");
        await Assertions.Expect(source.GetByTestId("source-endpoint").First).ToContainTextAsync("simulator://paradex/markets");
        await Assertions.Expect(source.Locator("tr[data-leg=Net] td").Nth(2)).ToHaveTextAsync("8 h");
        await Assertions.Expect(source.GetByTestId("source-convention")).ToContainTextAsync("cap");
        await Assertions.Expect(page.GetByTestId("overview-spreads").Locator("tbody tr").First).ToBeVisibleAsync();
        // Captions link on to the full pages (and no Razor source leaks into them).
        await Assertions.Expect(page.GetByTestId("overview-spreads").Locator("caption a")).ToHaveTextAsync("all spreads");
        Assert.DoesNotContain("@", await page.Locator("main").InnerTextAsync());
        await ScreenshotAsync(page, "overview");

        // Live: the venue's next poll reaches the open drill-down; closing it removes it.
        var fetched = await source.Locator("tr[data-leg=Net] td").Nth(5).InnerTextAsync();
        await Assertions.Expect(source.Locator("tr[data-leg=Net] td").Nth(5)).Not.ToHaveTextAsync(fetched, new() { Timeout = 15_000 });
        await source.GetByTestId("source-close").ClickAsync();
        await Assertions.Expect(page.GetByTestId("source-drilldown")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Theme_Toggle_SwitchesToLightAndBack()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_server.BaseUrl + "/venues");
        Assert.Equal("dark", await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "light");
        Assert.EndsWith("/venues", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("set=dark"));

        // Moving to another page inside the app (the live connection's own navigation), the toggle comes back to that page.
        await LivePage.WaitForLiveAsync(page);
        await page.Locator("a[data-nav=Spreads]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/spreads(\\?|$)"));
        await Assertions.Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("return=%2Fspreads"));
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        Assert.Equal("/spreads", new Uri(page.Url).AbsolutePath);
    }

    private static Task WaitForCircuitAsync(IPage page) => LivePage.WaitForLiveAsync(page);

    private static async Task<List<string>> SeriesNamesAsync(IPage page, string testId)
    {
        await page.WaitForFunctionAsync($"() => document.querySelector('[data-testid={testId}]')?.__fwChart?.describe?.()?.seriesNames?.length > 0");
        // The canvas is drawn.
        await Assertions.Expect(page.Locator($"[data-testid={testId}] canvas").First).ToBeVisibleAsync();
        var json = await page.EvaluateAsync<string>($"() => JSON.stringify(document.querySelector('[data-testid={testId}]').__fwChart.describe().seriesNames)");
        return System.Text.Json.JsonSerializer.Deserialize<List<string>>(json)!;
    }

    /// <summary>The newest x of each quoted series (venues poll at different moments, so compare series by series).</summary>
    private static async Task<double[]> NewestQuotedTimesAsync(IPage page) =>
        System.Text.Json.JsonSerializer.Deserialize<double[]>(await page.EvaluateAsync<string>(
            "() => JSON.stringify(Object.entries(document.querySelector('[data-testid=chart-funding-history]').__fwChart.describe().data).filter(([n]) => n.endsWith('quoted')).map(([, d]) => d.length ? d[d.length - 1][0] : 0))"))!;

    private static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}-dark.png"), FullPage = true });
}
