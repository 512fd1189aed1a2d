using Xunit;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FundingWeb.Core.Sharing;
using FundingWeb.Model;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace FundingWeb.Tests.Api;

[Trait("Category", "Slow")]
public class ShareEndpointTests
{
    private static readonly ShareScope Scope = new("/funding", "BTC", ["dydx"], "24h", null, null, "apr");

    [Fact]
    public async Task Open_ActiveLink_200SharedViewPageWithoutSecretsAndLastOpenedRecorded()
    {
        await using var server = await FundingWebServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var links = server.Services.GetRequiredService<ShareLinkService>();
        var created = await links.CreateAsync(Scope, "Desk", "alice", DateTimeOffset.UtcNow.AddDays(1), default);

        using var response = await http.GetAsync(ShareScopes.ShareUrl(created.Token));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        // The page renders the saved view (prerendered HTML), read-only, named by the link's label.
        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = System.Net.WebUtility.HtmlDecode(body);
        Assert.Contains("Shared view · read-only · Desk · 24h", html);
        Assert.Contains("Funding · BTC", html);
        Assert.DoesNotContain(created.Token, body);
        Assert.DoesNotContain("alice", body);
        Assert.NotNull((await links.GetAsync(created.Link.Id, default))!.LastOpenedMs);
    }

    [Fact]
    public async Task Open_PausedThenRevoked_403PausedThen404()
    {
        await using var server = await FundingWebServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var links = server.Services.GetRequiredService<ShareLinkService>();
        var created = await links.CreateAsync(Scope, "x", "alice", null, default);

        await links.PauseAsync(created.Link.Id, default);
        using (var paused = await http.GetAsync(ShareScopes.ShareUrl(created.Token)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, paused.StatusCode);
            Assert.Contains("paused", await paused.Content.ReadAsStringAsync());
        }
        await links.RevokeAsync(created.Link.Id, default);
        using var revoked = await http.GetAsync(ShareScopes.ShareUrl(created.Token));
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
    }

    [Fact]
    public async Task Open_ThousandRandomTokens_All404NeverA500()
    {
        await using var server = await FundingWebServer.StartAsync(["--Sharing:PerClientPermits=100000"]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        await server.Services.GetRequiredService<ShareLinkService>().CreateAsync(Scope, "real", "alice", null, default);
        var random = new Random(5);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        // Mostly well-formed guesses (they reach the database), plus odd shapes: short, long, punctuation, non-ASCII.
        var tokens = Enumerable.Range(0, 1_000).Select(i => (i % 10) switch
        {
            0 => new string(Enumerable.Range(0, random.Next(1, 120)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()),
            1 => Uri.EscapeDataString("é' OR 1=1;--" + i),
            2 => Uri.EscapeDataString("%00" + new string('=', i % 50 + 1)),
            _ => ShareToken.Create(),
        }).ToList();

        var statuses = new List<HttpStatusCode>();
        foreach (var chunk in tokens.Chunk(20))
        {
            var responses = await Task.WhenAll(chunk.Select(t => http.GetAsync("/s/" + t)));
            statuses.AddRange(responses.Select(r => r.StatusCode));
            foreach (var r in responses) r.Dispose();
        }

        Assert.Equal(1_000, statuses.Count);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
    }

    [Fact]
    public async Task Open_PastThePerTokenLimit_429WithRetryAfter()
    {
        await using var server = await FundingWebServer.StartAsync(["--Sharing:PerTokenPermits=3", "--Sharing:Window=00:10:00"]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var created = await server.Services.GetRequiredService<ShareLinkService>().CreateAsync(Scope, "x", "alice", null, default);
        var url = ShareScopes.ShareUrl(created.Token);

        for (var i = 0; i < 3; i++)
        {
            using var ok = await http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using var limited = await http.GetAsync(url);
        using var otherToken = await http.GetAsync("/s/" + ShareToken.Create());

        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        var retryAfter = limited.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.NotFound, otherToken.StatusCode); // the limit is per token
    }

    [Fact]
    public async Task Open_PastThePerClientLimit_429WithRetryAfterForAnyToken()
    {
        await using var server = await FundingWebServer.StartAsync(["--Sharing:PerClientPermits=5", "--Sharing:Window=00:10:00"]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await http.GetAsync("/s/" + ShareToken.Create());
            statuses.Add(response.StatusCode);
            if (i == 5) Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.NotFound, 5), (HttpStatusCode)429], statuses);
    }

    [Fact]
    public async Task Open_EverySpellingAndMethodOfTheSharePath_MeetsTheSameGate()
    {
        // Routing matches /s/{token} ignoring case, escapes and a trailing slash; the gate must see what routing sees.
        await using var server = await FundingWebServer.StartAsync(["--Sharing:PerClientPermits=40", "--Sharing:Window=00:10:00"]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var created = await server.Services.GetRequiredService<ShareLinkService>().CreateAsync(Scope, "Desk", "alice", null, default);
        string[] spellings = ["/s/{0}", "/S/{0}", "/%73/{0}", "/%53/{0}", "/s/{0}/", "/S/{0}/"];

        foreach (var spelling in spellings)
        {
            using var unknown = await http.GetAsync(string.Format(spelling, ShareToken.Create()));
            Assert.True(unknown.StatusCode == HttpStatusCode.NotFound, $"{spelling} unknown: {(int)unknown.StatusCode}");
            Assert.True(unknown.Headers.CacheControl?.NoStore, $"{spelling}: no-store");
            using var valid = await http.GetAsync(string.Format(spelling, created.Token));
            Assert.True(valid.StatusCode == HttpStatusCode.OK, $"{spelling} valid: {(int)valid.StatusCode}");
            Assert.True(valid.Headers.CacheControl?.NoStore, $"{spelling}: no-store");
            Assert.Equal("no-referrer", valid.Headers.GetValues("Referrer-Policy").Single());
        }

        // Other methods tell a valid token from a guess no better than GET does.
        foreach (var method in new[] { HttpMethod.Head, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete })
        {
            using var guess = await http.SendAsync(new HttpRequestMessage(method, "/S/" + ShareToken.Create()));
            using var real = await http.SendAsync(new HttpRequestMessage(method, "/S/" + created.Token));
            Assert.True((int)guess.StatusCode is 404 or 405, $"{method} guess: {(int)guess.StatusCode}");
            Assert.True((int)real.StatusCode is 404 or 405 or 400, $"{method} real: {(int)real.StatusCode}");
            Assert.NotEqual(HttpStatusCode.OK, real.StatusCode);
        }

        // Every spelling counted against the same per-client limit: 12 GETs and up to 8 others above, the rest here.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            using var response = await http.GetAsync(string.Format(spellings[i % spellings.Length], ShareToken.Create()));
            statuses.Add(response.StatusCode);
        }
        Assert.Contains((HttpStatusCode)429, statuses);
    }
}
