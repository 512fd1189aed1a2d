using Microsoft.Playwright;

namespace FundingWeb.Tests.Fixtures;

public static class LivePage
{
    /// <summary>
    /// Until the live connection is up the page is the server's first paint: clicks go nowhere and pushes cannot arrive.
    /// The header's connection state turns "live" on the circuit's first render.
    /// </summary>
    public static Task WaitForLiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-testid=connection]")).ToHaveAttributeAsync("data-state", "live",
            // A deadline, not an expectation: the first circuit of a cold app on a loaded 2-core machine has taken over 15 s.
            new() { Timeout = 60_000 });
}
