using System.Globalization;
using FundingWeb.Core.Live;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace FundingWeb.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Slow")]
public class CarryBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Carry_PastedPosition_ShowsExpectedCostRealisedDistributionStressAndLiquidationDistance()
    {
        await using var server = await FundingWebServer.StartAsync();
        var hub = server.Services.GetRequiredService<MarketHub>();
        var market = await Eventually.GetAsync(() => Task.FromResult(hub.Current.Venues.GetValueOrDefault("hyperliquid")?.ForAsset("BTC")),
            TimeSpan.FromSeconds(30), "Hyperliquid BTC in the live snapshot");

        var page = await browser.NewPageAsync();
        const string worked = "/carry?venue=hyperliquid&asset=BTC&side=long&notional=1000000&leverage=10&hours=24";
        await page.GotoAsync(server.BaseUrl + worked);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Carry and exit risk · BTC");

        // Liquidation distance of a 10× long is 1/L − mmr of the market, whatever the price.
        var distance = (1 / 10d - market.Market.MaintenanceMargin) * 100;
        await Assertions.Expect(page.GetByTestId("carry-liq-distance")).ToHaveTextAsync(distance.ToString("0.00", CultureInfo.InvariantCulture) + " %");
        // A day's hold reads the 24h term-structure window, filled by the backfilled hourly settlements.
        await Assertions.Expect(page.GetByTestId("carry-expected")).ToContainTextAsync("24h (24 settled hours)");
        await Assertions.Expect(page.GetByTestId("carry-expected-cost")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(pays|receives) \$[\d,]+$"));
        await Assertions.Expect(page.GetByTestId("carry-realised-count")).ToContainTextAsync("past windows matched");
        await Assertions.Expect(page.GetByTestId("carry-stress")).ToContainTextAsync("95th");
        await Assertions.Expect(page.GetByTestId("carry-stress-cost")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(pays|receives) \$[\d,]+$"));
        // Hyperliquid exposes positions: the cluster line is labelled as measured.
        await Assertions.Expect(page.GetByTestId("carry-cluster")).ToContainTextAsync("Measured");
        await Assertions.Expect(page.GetByTestId("carry-entry-price")).Not.ToHaveTextAsync("–");
        await BrowserScreens.BothThemesAsync(browser, server.BaseUrl + worked, "carry", p => Assertions.Expect(p.GetByTestId("carry-cluster")).ToBeVisibleAsync());

        // The form changes the position through the URL (shareable); a short's stress uses the low tail.
        await LivePage.WaitForLiveAsync(page);
        await MudControls.ChooseAsync(page, "carry-side", "Short");
        await page.GetByTestId("carry-leverage").FillAsync("4");
        await page.GetByTestId("carry-calculate").ClickAsync();
        // An in-app navigation (history.pushState): no load event, so wait for the address itself.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/carry\?venue=hyperliquid&asset=BTC&side=short&notional=1000000&leverage=4&hours=24$"));
        await Assertions.Expect(page.GetByTestId("carry-stress")).ToContainTextAsync("5th");
        await Assertions.Expect(page.GetByTestId("carry-liq-distance")).ToHaveTextAsync((((1 / 4d) - market.Market.MaintenanceMargin) * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %");

        // The user's own exit delay (a bridge, an OTC desk) replaces the venue's configured one in the stress row.
        await page.GetByTestId("carry-delay").FillAsync("24");
        await page.GetByTestId("carry-calculate").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"&delay=24$"));
        await Assertions.Expect(page.GetByTestId("carry-stress").Locator("thead")).ToContainTextAsync("Over 24 h");

        // Bad input is explained and computes nothing.
        await page.GetByTestId("carry-leverage").FillAsync("");
        await page.GetByTestId("carry-calculate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("carry-errors")).ToContainTextAsync("Leverage: enter a number.");
        await Assertions.Expect(MudControls.FieldError(page, "carry-leverage")).ToHaveTextAsync("Leverage: enter a number.");
        await Assertions.Expect(MudControls.FieldError(page, "carry-notional")).ToHaveCountAsync(0);
        // A pasted link's bad value is shown as typed, with its reason at the field, once the page is live.
        await page.GotoAsync(server.BaseUrl + $"/carry?venue=hyperliquid&asset=BTC&leverage={market.Market.MaxLeverage + 1}");
        await Assertions.Expect(page.GetByTestId("carry-errors")).ToContainTextAsync($"allows at most {market.Market.MaxLeverage:0.#}×");
        await LivePage.WaitForLiveAsync(page);
        await Assertions.Expect(page.GetByTestId("carry-leverage")).ToHaveValueAsync((market.Market.MaxLeverage + 1).ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(MudControls.FieldError(page, "carry-leverage")).ToContainTextAsync($"allows at most {market.Market.MaxLeverage:0.#}×");
        await page.GotoAsync(server.BaseUrl + "/carry?venue=nowhere&asset=BTC");
        await Assertions.Expect(page.GetByTestId("carry-unavailable")).ToContainTextAsync("Venue 'nowhere' is not in the feed.");
    }
}
