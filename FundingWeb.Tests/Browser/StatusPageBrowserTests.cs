using FundingWeb.Tests.Fixtures;
using Microsoft.Playwright;
using Xunit;

namespace FundingWeb.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Slow")]
public class StatusPageBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task UnknownAddress_NotFoundPageLiveWithItsStatus_AndAWayHome()
    {
        await using var server = await FundingWebServer.StartAsync();
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync(server.BaseUrl + "/no/such/page");
        Assert.Equal(404, response!.Status);
        await LivePage.WaitForLiveAsync(page);
        // Still "not found" once the live circuit has taken over the page (its status carried from the first paint).
        await Assertions.Expect(page.GetByTestId("not-found")).ToHaveAttributeAsync("data-status", "404");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not found");
        await BrowserScreens.BothThemesAsync(browser, server.BaseUrl + "/no/such/page", "not-found");
        await page.GetByTestId("not-found-home").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(server.BaseUrl + "/");
    }
}
