using System.Net;
using FundingWeb.Auth;
using FundingWeb.Core.Sharing;
using FundingWeb.Model;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FundingWeb.Tests.Hosting;

/// <summary>
/// What a browser gets for an address with nothing behind it: the NotFound page, answered with its status (an unknown
/// path, the share gate's 404, the page's own address), for anonymous visitors too when sign-in is on.
/// </summary>
[Trait("Category", "Slow")]
public sealed class StatusPageTests
{
    [Theory]
    [InlineData("/nope")]
    [InlineData("/funding/extra/segments")]
    [InlineData("/not-found")]
    [InlineData("/s/not-a-token")]
    public async Task UnknownAddress_404WithTheNotFoundPage(string path)
    {
        await using var server = await FundingWebServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("data-testid=\"not-found\" data-status=\"404\"", body);
        Assert.Contains("There is nothing at this address.", body);
    }

    [Fact]
    public async Task SignInOn_RevokedShareLinkOpenedAnonymously_Still404NotASignInRedirect()
    {
        await using var server = await FundingWebServer.StartAsync(
            ["--Auth:Enabled=true", "--Auth:Users:0:Name=ana", $"--Auth:Users:0:PasswordHash={TeamUsers.Hash("desk pass")}"]);
        var links = server.Services.GetRequiredService<ShareLinkService>();
        var created = await links.CreateAsync(new ShareScope("/funding", "BTC", [], "24h", null, null, "apr"), "x", "ana", null, default);
        await links.RevokeAsync(created.Link.Id, default);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(server.BaseUrl) };

        using var revoked = await http.GetAsync(ShareScopes.ShareUrl(created.Token));
        using var unknown = await http.GetAsync("/nope");

        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Contains("There is nothing at this address.", await revoked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain("signin-required", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RateLimitedShareLink_429SaysTooManyRequestsNotNotFound()
    {
        await using var server = await FundingWebServer.StartAsync(["--Sharing:PerTokenPermits=1", "--Sharing:PerClientPermits=100"]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var token = new string('a', 43);

        HttpResponseMessage? limited = null;
        for (var i = 0; i < 3 && limited is null; i++)
        {
            var response = await http.GetAsync(ShareScopes.SharePathPrefix + token);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else response.Dispose();
        }

        Assert.NotNull(limited);
        using (limited)
        {
            Assert.NotNull(limited.Headers.RetryAfter);
            var body = await limited.Content.ReadAsStringAsync();
            Assert.Contains("Too many requests", body);
            Assert.DoesNotContain("There is nothing at this address.", body);
        }
    }
}
