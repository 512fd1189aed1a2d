using System.Globalization;
using System.Text.RegularExpressions;
using FundingWeb.Core.Live;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace FundingWeb.Tests.Browser;

/// <summary>The acceptance of the portfolio stress on the simulator, in a real browser.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Slow")]
public class PortfolioBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Portfolio_ThreePositionsOnTwoVenues_RatiosFallWithTheShock_HighLeverageLiquidatesFirst_CsvDownloads()
    {
        await using var server = await FundingWebServer.StartAsync();
        var hub = server.Services.GetRequiredService<MarketHub>();
        var dydx = await Eventually.GetAsync(() => Task.FromResult(hub.Current.Venues.GetValueOrDefault("dydx")?.ForAsset("BTC")),
            TimeSpan.FromSeconds(30), "dYdX BTC in the live snapshot");
        await Eventually.GetAsync(() => Task.FromResult(hub.Current.Venues.GetValueOrDefault("hyperliquid")?.ForAsset("ETH")),
            TimeSpan.FromSeconds(30), "Hyperliquid ETH in the live snapshot");
        var maxLeverage = dydx.Market.MaxLeverage.ToString(CultureInfo.InvariantCulture);
        var book = "/portfolio?pos=hyperliquid:BTC:long:1000000:3&pos=hyperliquid:ETH:long:500000:3"
            + $"&pos=dydx:BTC:long:200000:{maxLeverage}:iso&col=hyperliquid:400000";

        var page = await browser.NewPageAsync();
        // The first paint reads 30 days of prices and settlements for the book: a cold app on a loaded machine takes a while.
        await page.GotoAsync(server.BaseUrl + book, new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Portfolio stress");
        await Assertions.Expect(page.GetByTestId("portfolio-table")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        async Task<double> Ratio(string shock)
        {
            var text = await page.Locator($"[data-testid=portfolio-table] tr[data-shock='{shock}'][data-account='hyperliquid cross'] [data-testid=ratio]").TextContentAsync();
            return double.Parse(Regex.Match(text ?? "", @"-?[\d.]+").Value, CultureInfo.InvariantCulture);
        }
        var ratios = new List<double>();
        foreach (var shock in new[] { "-0.30", "-0.20", "-0.10", "0.00" }) ratios.Add(await Ratio(shock));
        Assert.True(ratios.Zip(ratios.Skip(1)).All(p => p.First < p.Second), string.Join(" < ", ratios));

        // The isolated position at the market's highest leverage goes first.
        await Assertions.Expect(page.GetByTestId("portfolio-order").Locator("li").First).ToContainTextAsync($"dydx BTC long $200,000 {maxLeverage}× isolated");
        await Assertions.Expect(page.GetByTestId("portfolio-order").Locator("li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("portfolio-betas")).ToContainTextAsync("hyperliquid ETH: β =");
        await Assertions.Expect(page.Locator("[data-testid=portfolio-chart] canvas").First).ToBeVisibleAsync();

        await LivePage.WaitForLiveAsync(page);
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("portfolio-csv").ClickAsync());
        Assert.Equal("portfolio-stress.csv", csv.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync((await csv.PathAsync())!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToList();
        Assert.StartsWith("scenario,btc_shock,account,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("correlated,-0.3,hyperliquid cross,", StringComparison.Ordinal));
        // Live: the stamp moves with the feed, without a reload.
        var asOf = await page.GetByTestId("as-of").GetAttributeAsync("data-as-of-ms");
        await Assertions.Expect(page.GetByTestId("as-of")).Not.ToHaveAttributeAsync("data-as-of-ms", asOf!, new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("portfolio-exit").Locator("tbody tr")).ToHaveCountAsync(2);

        // Shared: the book comes from the link, whatever its query says, and nothing can be changed.
        var links = server.Services.GetRequiredService<FundingWeb.Core.Sharing.ShareLinkService>();
        var extras = FundingWeb.Core.Sharing.ShareExtras.Of(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + book).Query)
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));
        var shared = await links.CreateAsync(new FundingWeb.Core.Sharing.ShareScope(Model.FundingUrls.PortfolioPath, null, [], "24h", null, null, "apr", Extras: extras),
            "Desk book", "ana", null, default);
        var viewer = await browser.NewPageAsync();
        await viewer.GotoAsync(server.BaseUrl + FundingWeb.Model.ShareScopes.ShareUrl(shared.Token) + "?pos=dydx:ETH:short:5:1", new() { Timeout = 90_000 });
        await Assertions.Expect(viewer.GetByTestId("portfolio-table")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(viewer.GetByTestId("portfolio-book").Locator("li[data-position]")).ToHaveCountAsync(3);
        await Assertions.Expect(viewer.Locator("input, select, textarea, [data-testid=pause], [data-testid=share-open]")).ToHaveCountAsync(0);

        // A bad value is named at its field and the link stays what was pasted.
        await page.GotoAsync(server.BaseUrl + "/portfolio?pos=dydx:BTC:long:abc:5");
        await Assertions.Expect(page.GetByTestId("portfolio-errors")).ToContainTextAsync("Position 1 notional (USD): 'abc' is not a number");
        await Assertions.Expect(page.GetByTestId("portfolio-table")).ToHaveCountAsync(0);
    }
}
