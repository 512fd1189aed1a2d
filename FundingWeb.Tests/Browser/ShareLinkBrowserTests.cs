using System.Net;
using FundingWeb.Auth;
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
        await owner.GetByTestId("share-form").GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync();
        var url = await owner.GetByTestId("share-url").InputValueAsync();
        Assert.Matches(@"/s/[A-Za-z0-9_-]{43}$", url);

        // A fresh browser with no session opens it: same view, live, nothing that changes it.
        var viewer = await browser.NewPageAsync();
        await viewer.GotoAsync(url);
        await Assertions.Expect(viewer.Locator("h1")).ToHaveTextAsync("Funding · ETH");
        await Assertions.Expect(viewer.GetByTestId("shared-label")).ToContainTextAsync("Desk ETH carry · 7d · % per 8h");
        await viewer.WaitForFunctionAsync("() => document.querySelector('[data-testid=chart-funding-history]')?.__fwChart !== undefined");
        Assert.Contains("% per 8h", await viewer.EvaluateAsync<string>("() => document.querySelector('[data-testid=chart-funding-history]').__fwChart.describe().yTitle"));
        Assert.Equal(0, await viewer.Locator("nav a, a[data-range], a[data-basis], a[data-window], a.fw-chip, select, [data-testid=share-open], [data-testid=pause], [data-testid=theme-toggle]").CountAsync());
        await Eventually.TrueAsync(async () => await viewer.EvaluateAsync<int>(
            "() => Number(document.querySelector('[data-testid=chart-funding-history]').dataset.updates ?? '0')") >= 1,
            TimeSpan.FromSeconds(20), "a live update on the shared view");

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

        // The owner revokes it on the Shared links page: the open page turns into "revoked" within 5 s.
        await owner.GotoAsync(server.BaseUrl + "/shared-links");
        var row = owner.Locator("[data-testid=shared-links-table] tbody tr", new() { HasText = "Desk ETH carry" });
        await Assertions.Expect(row.GetByTestId("link-creator")).ToHaveTextAsync("ana");
        await row.GetByTestId("revoke-link").ClickAsync();
        await Assertions.Expect(viewer.GetByTestId("share-revoked")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Assertions.Expect(row.Locator("[data-state]")).ToHaveAttributeAsync("data-state", "Revoked");

        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(url)).StatusCode);
    }
}
