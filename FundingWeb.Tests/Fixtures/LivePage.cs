using Microsoft.Playwright;

namespace FundingWeb.Tests.Fixtures;

public static class LivePage
{
    /// <summary>
    /// Until the live connection is up the page is the server's first paint: clicks go nowhere and pushes cannot arrive.
    /// The header's connection state turns "live" on the circuit's first render.
    /// </summary>
    public static Task WaitForLiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-testid=connection]")).ToHaveAttributeAsync("data-state", "live");
}
