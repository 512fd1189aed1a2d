using System.Net;
using FundingWeb.Auth;
using FundingWeb.Tests.Fixtures;
using Microsoft.Playwright;
using Xunit;

namespace FundingWeb.Tests.Hosting;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Slow")]
public class SignInTests(BrowserFixture browser)
{
    private static string[] Args(string password) =>
    [
        "--Auth:Enabled=true",
        "--Auth:Users:0:Name=ana",
        $"--Auth:Users:0:PasswordHash={TeamUsers.Hash(password)}",
    ];

    [Fact]
    public async Task SignInEnabled_AnonymousRequests_RedirectToSignInForEveryDashboardUrl()
    {
        await using var server = await FundingWebServer.StartAsync(Args("correct horse"));
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(server.BaseUrl) };

        foreach (var url in new[] { "/", "/funding?asset=BTC&range=7d", "/open-interest", "/liquidations", "/spreads", "/venues" })
        {
            var response = await http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/signin", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString.Replace(server.BaseUrl, ""));
            Assert.Contains(Uri.EscapeDataString(url), response.Headers.Location.ToString());
        }
        // Monitoring stays open; the read API answers 401 to scripts without a session.
        Assert.NotEqual(HttpStatusCode.Redirect, (await http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/funding?asset=BTC")).StatusCode);
    }

    [Fact]
    public async Task SignInEnabled_WrongThenRightPassword_LandsOnTheRequestedPageAndSignsOut()
    {
        await using var server = await FundingWebServer.StartAsync(Args("correct horse"));
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/venues");
        await Assertions.Expect(page.GetByTestId("signin-form")).ToBeVisibleAsync();

        await page.FillAsync("input[name=name]", "ana");
        await page.FillAsync("input[name=password]", "wrong");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("signin-error")).ToBeVisibleAsync();

        await page.FillAsync("input[name=name]", "ana");
        await page.FillAsync("input[name=password]", "correct horse");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("venues-table")).ToBeVisibleAsync();
        Assert.Equal("/venues", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("ana");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signin-form")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignOut_InAnotherTab_TheOpenDashboardTabLeavesThePageWithoutAReload()
    {
        await using var server = await FundingWebServer.StartAsync(Args("correct horse"));
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/venues");
        await page.FillAsync("input[name=name]", "ana");
        await page.FillAsync("input[name=password]", "correct horse");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("venues-table")).ToBeVisibleAsync();
        await LivePage.WaitForLiveAsync(page);

        // The same browser, another tab: signing out there ends the session the first tab's live connection runs on.
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(server.BaseUrl + "/funding?asset=BTC");
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(other.GetByTestId("signin-form")).ToBeVisibleAsync();

        await Assertions.Expect(page.GetByTestId("signin-required")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("venues-table")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveCountAsync(0);
    }

    [Fact]
    public void Hash_IsSaltedAndVerifies()
    {
        var a = TeamUsers.Hash("same password");
        var b = TeamUsers.Hash("same password");
        Assert.NotEqual(a, b);
        Assert.DoesNotContain("same password", a);
        Assert.True(Convert.FromBase64String(a).Length >= 61, "v3 format: header, 128-bit salt, 256-bit subkey");
    }
}
