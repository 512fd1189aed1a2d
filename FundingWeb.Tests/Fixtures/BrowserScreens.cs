using Microsoft.Playwright;

namespace FundingWeb.Tests.Fixtures;

/// <summary>
/// Screenshots of a page in both themes (the theme is the user's cookie, set as the /theme endpoint sets it), at a desk's
/// window or a phone's, saved under TestResults/screenshots as {name}-{dark|light}[-{width}].png for a person to look at.
/// </summary>
public static class BrowserScreens
{
    public static async Task BothThemesAsync(BrowserFixture browser, string url, string name, Func<IPage, Task>? ready = null,
        int width = 1440, int height = 1000)
    {
        foreach (var theme in new[] { "dark", "light" })
        {
            var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
            try
            {
                await context.AddCookiesAsync([new Cookie { Name = Hosting.ThemeCookie, Value = theme, Url = new Uri(url).GetLeftPart(UriPartial.Authority) }]);
                var page = await context.NewPageAsync();
                page.SetDefaultTimeout(15_000);
                await page.GotoAsync(url);
                await LivePage.WaitForLiveAsync(page);
                if (ready is not null) await ready(page);
                // Charts draw on the next frames after their data arrives.
                await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
                var suffix = width == 1440 ? "" : $"-{width}";
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}-{theme}{suffix}.png"), FullPage = true });
            }
            finally
            {
                await context.CloseAsync();
            }
        }
    }

    /// <summary>True when the page is wider than its window: something forces a horizontal scroll.</summary>
    public static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    private static class Hosting
    {
        public const string ThemeCookie = FundingWeb.Hosting.ThemeEndpoint.CookieName;
    }
}
