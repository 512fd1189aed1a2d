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
        await page.GetByTestId("range-from").FillAsync(from.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("range-to").FillAsync(to.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("range-apply").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("from=" + Uri.EscapeDataString(from.ToString("yyyy-MM-ddTHH:mm:00Z", System.Globalization.CultureInfo.InvariantCulture)), StringComparison.Ordinal));
        Assert.Contains("to=" + Uri.EscapeDataString(to.ToString("yyyy-MM-ddTHH:mm:00Z", System.Globalization.CultureInfo.InvariantCulture)), page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("range-custom")).ToHaveAttributeAsync("aria-current", "true", new() { Timeout = 30_000 });
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
