using System.Net;
using System.Text.RegularExpressions;
using FundingWeb.Core.Live;
using FundingWeb.Core.Venues;
using FundingWeb.Polling;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace FundingWeb.Tests.Totality;

/// <summary>
/// Every page of the real app (prerendered, so the page's own code runs on the GET) over every venue filter: the
/// simulated feed as it runs, and random snapshots put straight into the hub with the pollers taken out. No 500, and no
/// NaN or ∞ in what the page prints.
/// </summary>
[Trait("Category", "Slow")]
public partial class PageRenderingTests
{
    private static readonly string[] Pages = ["/", "/funding", "/open-interest", "/liquidations", "/spreads", "/venues", "/carry", "/alerts"];

    /// <summary>No filter, each venue alone, the pair from the bug report, a venue nobody lists.</summary>
    private static readonly string[] Filters =
        ["", .. VenueIds.All.Select(v => $"?venues={v}&venue={v}"), "?venues=lighter,paradex", "?venues=nope&venue=nope"];

    [Fact]
    public async Task EveryPage_SimulatedFeedEachVenueFilter_Answers200()
    {
        await using var server = await FundingWebServer.StartAsync();
        var hub = server.Services.GetRequiredService<MarketHub>();
        await Eventually.TrueAsync(() => hub.Current.Venues.Count == VenueIds.All.Count && hub.Current.Venues.Values.All(v => v.Markets.Count > 0),
            TimeSpan.FromSeconds(30), "all six simulated venues publishing");
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };

        foreach (var page in Pages)
        {
            foreach (var filter in Filters) await AssertRendersAsync(http, page + filter, "simulated feed");
        }
    }

    [Fact]
    public async Task EveryPage_RandomSnapshotsInTheHub_Answers200WithNothingNonFinite()
    {
        await using var server = await FundingWebServer.StartAsync(configure: builder =>
            builder.Services.Remove(builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(PollingSupervisor))));
        var hub = server.Services.GetRequiredService<MarketHub>();
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };

        for (var seed = 0; seed < 12; seed++)
        {
            var generator = new SnapshotGenerator(seed);
            var snapshot = generator.Snapshot();
            hub.Publish(_ => snapshot);
            // Every page once over this snapshot with a random filter, and the Overview with every filter.
            foreach (var page in Pages) await AssertRendersAsync(http, page + generator.Pick(Filters), $"seed {seed}");
            foreach (var filter in Filters) await AssertRendersAsync(http, "/" + filter, $"seed {seed}");
        }
    }

    [Theory]
    [InlineData(60)]
    [InlineData(3650)]
    public async Task SharedView_LinkExpiringMonthsOrYearsAhead_Answers200(int days)
    {
        // A timer waits at most ~49 days; the expiry timer of a link valid for longer must not fail the page.
        await using var server = await FundingWebServer.StartAsync();
        var links = server.Services.GetRequiredService<FundingWeb.Core.Sharing.ShareLinkService>();
        var scope = new FundingWeb.Core.Sharing.ShareScope("/", null, ["dydx"], "24h", null, null, "apr");
        var created = await links.CreateAsync(scope, "Desk", "alice", DateTimeOffset.UtcNow.AddDays(days), default);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };

        await AssertRendersAsync(http, FundingWeb.Model.ShareScopes.ShareUrl(created.Token), $"link valid {days} days");
    }

    private static async Task AssertRendersAsync(HttpClient http, string url, string context)
    {
        using var response = await http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{context}: GET {url} answered {(int)response.StatusCode}");
        // The prerender's state markers (comments) and hidden form tokens are opaque base64, not text a person reads.
        var text = OpaqueData().Replace(html, "");
        foreach (var bad in new[] { "NaN", "Infinity", "∞" })
        {
            Assert.False(text.Contains(bad, StringComparison.Ordinal), $"{context}: GET {url} prints '{bad}' near …{Around(text, bad)}…");
        }
    }

    private static string Around(string text, string token)
    {
        var i = text.IndexOf(token, StringComparison.Ordinal);
        return text.Substring(Math.Max(0, i - 120), Math.Min(240, text.Length - Math.Max(0, i - 120)));
    }

    [GeneratedRegex("<!--.*?-->|<input type=\"hidden\"[^>]*>", RegexOptions.Singleline)]
    private static partial Regex OpaqueData();
}
