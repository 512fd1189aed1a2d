using System.Net;
using FundingWeb.Auth;
using FundingWeb.Core.Live;
using FundingWeb.Core.Sharing;
using FundingWeb.Model;
using Microsoft.Extensions.DependencyInjection;
using FundingWeb.Tests.Fixtures;
using Microsoft.Playwright;
using Xunit;

namespace FundingWeb.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Slow")]
public class ShareLinkBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ShareLink_SignedInUserCreatesAnonymousSeesLiveReadOnlyView_RevokeEndsItWithin5s()
    {
        await using var server = await FundingWebServer.StartAsync(
        [
            "--Feed:Simulator:Acceleration=20", "--Auth:Enabled=true", "--Auth:Users:0:Name=ana",
            $"--Auth:Users:0:PasswordHash={TeamUsers.Hash("desk pass")}",
        ]);

        // The sharer signs in and shares the Funding view for ETH over 7 days at the 8h basis.
        var owner = await browser.NewPageAsync();
        await owner.GotoAsync(server.BaseUrl + "/funding?asset=ETH&range=7d&basis=8h");
        await owner.FillAsync("input[name=name]", "ana");
        await owner.FillAsync("input[name=password]", "desk pass");
        await owner.ClickAsync("button[type=submit]");
        await owner.WaitForFunctionAsync("() => document.querySelector('[data-testid=chart-funding-history]')?.__fwChart !== undefined");
        await owner.GetByTestId("share-open").ClickAsync();
        await owner.GetByTestId("share-label").FillAsync("Desk ETH carry");
        await owner.GetByTestId("share-create").ClickAsync();
        var url = await owner.GetByTestId("share-url").InputValueAsync();
        Assert.Matches(@"/s/[A-Za-z0-9_-]{43}$", url);

        // A fresh browser with no session opens it: same view, live, nothing that changes it.
        var viewer = await browser.NewPageAsync();
        await viewer.GotoAsync(url);
        await LivePage.WaitForLiveAsync(viewer);
        await Assertions.Expect(viewer.Locator("h1")).ToHaveTextAsync("Funding · ETH");
        await Assertions.Expect(viewer.GetByTestId("shared-label")).ToContainTextAsync("Desk ETH carry · 7d · % per 8h");
        await viewer.WaitForFunctionAsync("() => document.querySelector('[data-testid=chart-funding-history]')?.__fwChart !== undefined");
        Assert.Contains("% per 8h", await viewer.EvaluateAsync<string>("() => document.querySelector('[data-testid=chart-funding-history]').__fwChart.describe().yTitle"));
        Assert.Equal(0, await viewer.Locator("nav a, a[data-range], a[data-basis], a[data-window], a.fw-chip, select, [data-testid=share-open], [data-testid=pause], [data-testid=theme-toggle]").CountAsync());
        await Eventually.TrueAsync(async () => await viewer.EvaluateAsync<int>(
            "() => Number(document.querySelector('[data-testid=chart-funding-history]').dataset.updates ?? '0')") >= 1,
            TimeSpan.FromSeconds(60), "a live update on the shared view");

        // The anonymous live connection cannot be steered to a dashboard page either.
        var prober = await browser.NewPageAsync();
        await prober.GotoAsync(url);
        await prober.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('[data-testid=chart-funding-history]')?.__fwChart !== undefined");
        await prober.EvaluateAsync("() => Blazor.navigateTo('/venues')");
        await Assertions.Expect(prober.GetByTestId("signin-required")).ToBeVisibleAsync();
        Assert.Equal(0, await prober.GetByTestId("venues-table").CountAsync());

        // Editing the URL cannot widen or change the scope.
        var tampered = await browser.NewPageAsync();
        await tampered.GotoAsync(url + "?asset=SOL&basis=1h&range=1y&venues=dydx");
        await Assertions.Expect(tampered.Locator("h1")).ToHaveTextAsync("Funding · ETH");
        await Assertions.Expect(tampered.GetByTestId("shared-label")).ToContainTextAsync("7d · % per 8h");

        // The owner revokes it on the Shared links page: the open page turns into "revoked" without a reload (a deadline,
        // not a duration: a loaded 2-core CI machine can take seconds to deliver it).
        await owner.GotoAsync(server.BaseUrl + "/shared-links");
        // The prerendered grid is visible before its circuit is: a click then would land on nothing.
        await LivePage.WaitForLiveAsync(owner);
        var row = owner.Locator("[data-testid=shared-links-table] tbody tr", new() { HasText = "Desk ETH carry" });
        await Assertions.Expect(row.GetByTestId("link-creator")).ToHaveTextAsync("ana");
        await row.GetByTestId("revoke-link").ClickAsync();
        await Assertions.Expect(viewer.GetByTestId("share-revoked")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(row.Locator("[data-state]")).ToHaveAttributeAsync("data-state", "Revoked");

        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task SharedLinks_GridActionsReachTheOpenView_AndAPhoneSeesEveryViewWithoutSidewaysScroll()
    {
        await using var server = await FundingWebServer.StartAsync(["--Feed:Simulator:BackfillDays=8", "--Feed:Simulator:Acceleration=20"]);
        var hub = server.Services.GetRequiredService<MarketHub>();
        await Eventually.TrueAsync(() => hub.Current.Venues.Count == 6 && hub.Current.Venues.Values.All(v => v.Markets.Count > 0),
            TimeSpan.FromSeconds(30), "all six simulated venues publishing");
        var links = server.Services.GetRequiredService<ShareLinkService>();
        var funding = await links.CreateAsync(new ShareScope(FundingUrls.FundingPath, "ETH", [], "7d", null, null, "8h"), "Desk ETH carry", "ana", null, default);
        var overview = await links.CreateAsync(new ShareScope(FundingUrls.OverviewPath, null, [], "24h", null, null, "apr"), "Morning overview", "bo",
            DateTimeOffset.UtcNow.AddDays(7), default);
        var venues = await links.CreateAsync(new ShareScope(FundingUrls.VenuesPath, null, [], "24h", null, null, "apr"), "Venue health", "bo", null, default);

        // A manager on a phone: every view fits the width; wide tables scroll inside their panel, charts fit.
        foreach (var (created, name) in new[] { (funding, "shared-funding"), (overview, "shared-overview"), (venues, "shared-venues") })
        {
            var url = server.BaseUrl + ShareScopes.ShareUrl(created.Token);
            await BrowserScreens.BothThemesAsync(browser, url, name, async phone =>
            {
                await Assertions.Expect(phone.GetByTestId("shared-label")).ToBeVisibleAsync();
                if (created == funding)
                {
                    await phone.WaitForFunctionAsync("() => document.querySelector('[data-testid=chart-funding-history]')?.__fwChart?.describe?.()?.seriesNames?.length > 0");
                    var chartWidth = await phone.EvaluateAsync<double>("() => document.querySelector('[data-testid=chart-funding-history]').__fwChart.describe().width");
                    Assert.True(chartWidth <= 390, $"the chart is {chartWidth} px wide on a 390 px phone");
                }
                Assert.False(await BrowserScreens.ScrollsSidewaysAsync(phone), $"{name}: the page scrolls sideways at 390 px");
            }, width: 390, height: 844);
        }
        await BrowserScreens.BothThemesAsync(browser, server.BaseUrl + ShareScopes.ShareUrl(funding.Token), "shared-funding",
            desk => Assertions.Expect(desk.GetByTestId("shared-label")).ToBeVisibleAsync());

        // The owner's grid: pause, resume and revoke reach the open view at once.
        var viewer = await browser.NewPageAsync();
        await viewer.GotoAsync(server.BaseUrl + ShareScopes.ShareUrl(funding.Token));
        await LivePage.WaitForLiveAsync(viewer);
        await Assertions.Expect(viewer.Locator("h1")).ToHaveTextAsync("Funding · ETH");
        var admin = await browser.NewPageAsync();
        await admin.GotoAsync(server.BaseUrl + FundingUrls.SharedLinksPath);
        await LivePage.WaitForLiveAsync(admin);
        var row = admin.Locator("[data-testid=shared-links-table] tbody tr", new() { HasText = "Desk ETH carry" });
        await Assertions.Expect(row.GetByTestId("link-creator")).ToHaveTextAsync("ana");

        await row.GetByTestId("pause-link").ClickAsync();
        await Assertions.Expect(viewer.GetByTestId("share-revoked")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(row.Locator("[data-state]")).ToHaveAttributeAsync("data-state", "Paused");
        await row.GetByTestId("resume-link").ClickAsync();
        await Assertions.Expect(viewer.Locator("h1")).ToHaveTextAsync("Funding · ETH", new() { Timeout = 30_000 });
        await row.GetByTestId("revoke-link").ClickAsync();
        await Assertions.Expect(viewer.GetByTestId("share-revoked")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(row.Locator("button")).ToHaveCountAsync(0);

        // The grid searches, sorts and hides columns.
        await admin.GetByTestId("links-search").FillAsync("venue health");
        await Assertions.Expect(admin.Locator("[data-testid=shared-links-table] tbody tr [data-link]")).ToHaveCountAsync(1);
        await admin.GetByTestId("links-search").FillAsync("");
        await Assertions.Expect(admin.Locator("[data-testid=shared-links-table] tbody tr [data-link]")).ToHaveCountAsync(3);
        await BrowserScreens.BothThemesAsync(browser, server.BaseUrl + FundingUrls.SharedLinksPath, "shared-links",
            p => Assertions.Expect(p.Locator("[data-testid=shared-links-table] tbody tr [data-link]")).ToHaveCountAsync(3));
    }
}
