using FundingWeb.Tests.Fixtures;
using Microsoft.Playwright;
using Xunit;

namespace FundingWeb.Tests.Browser;

/// <summary>
/// The custom range as a person uses it, in a real browser: typed into datetime-local inputs (which hold minutes; Blazor's
/// script adds the seconds its binding expects), applied, and the view's URL is that range; a backwards range says so.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Slow")]
public class CustomRangeBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task CustomRange_TypedInTheBrowser_OpensThatRangesUrl()
    {
        await using var server = await FundingWebServer.StartAsync(["--Feed:Simulator:BackfillDays=3"]);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/funding?asset=BTC&range=24h");
        await page.WaitForSelectorAsync("[data-testid=connection][data-state=live]");
        await page.GetByTestId("range-custom").ClickAsync();
        await page.GetByTestId("range-form").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "custom-range-open.png") });

        var to = DateTime.UtcNow.AddHours(-2);
        var from = to.AddHours(-30);
        var fromText = from.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var toText = to.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByTestId("range-from").FillAsync(fromText);
        await page.GetByTestId("range-to").FillAsync(toText);
        await page.GetByTestId("range-apply").ClickAsync();

        // The app navigates in the page (no load event): the URL is polled, not waited for as a navigation.
        var expectedQuery = $"from={Uri.EscapeDataString(fromText + ":00Z")}&to={Uri.EscapeDataString(toText + ":00Z")}";
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(expectedQuery)), new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("range-custom")).ToHaveAttributeAsync("aria-current", "true", new() { Timeout = 30_000 });
        Assert.Equal(0, await page.GetByTestId("range-error").CountAsync());
    }

    [Fact]
    public async Task CustomRange_EndBeforeStart_SaysSoAndStays()
    {
        await using var server = await FundingWebServer.StartAsync(["--Feed:Simulator:BackfillDays=3"]);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/funding?asset=BTC&range=24h");
        await page.WaitForSelectorAsync("[data-testid=connection][data-state=live]");
        var before = page.Url;
        await page.GetByTestId("range-custom").ClickAsync();
        await page.GetByTestId("range-from").FillAsync("2026-11-22T06:00");
        await page.GetByTestId("range-to").FillAsync("2026-11-21T06:00");
        await page.GetByTestId("range-apply").ClickAsync();

        await Assertions.Expect(page.GetByTestId("range-error")).ToHaveTextAsync("The start must be before the end.");
        Assert.Equal(before, page.Url);
    }
}
