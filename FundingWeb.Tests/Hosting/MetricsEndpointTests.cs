using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Hosting;

/// <summary><c>/metrics</c> answers in Prometheus text format with the app's instruments, and stays off the public surface when sign-in is on.</summary>
[Trait("Category", "Slow")]
public sealed class MetricsEndpointTests
{
    private static double Sum(string scrape, string metric) => scrape.Split('\n')
        .Where(l => l.StartsWith(metric, StringComparison.Ordinal) && (l.Length == metric.Length || l[metric.Length] is ' ' or '{'))
        .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task Scrape_AfterAFewPolls_PollCountsRowsAndALatencyHistogram()
    {
        await using var server = await FundingWebServer.StartAsync(["--Feed:Simulator:BackfillDays=1"]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        var scrape = await Eventually.GetAsync(async () =>
        {
            var text = await http.GetStringAsync("/metrics");
            return Sum(text, "fundingweb_poll_duration_milliseconds_count") >= 12 ? text : null;
        }, TimeSpan.FromSeconds(60), "a dozen polls in the scrape");

        Assert.Contains("# TYPE fundingweb_poll_duration_milliseconds histogram", scrape);
        Assert.Contains("fundingweb_poll_duration_milliseconds_bucket{", scrape);
        Assert.Contains("venue=\"hyperliquid\"", scrape);
        Assert.True(Sum(scrape, "fundingweb_rows_written_total") > 0);
        Assert.True(Sum(scrape, "fundingweb_store_write_gate_wait_milliseconds_count") > 0);
        Assert.Contains("fundingweb_live_subscribers", scrape);
    }

    [Fact]
    public async Task Scrape_SignInOn_RefusedToAnonymousClientsOutsideTheAllowList()
    {
        await using var closed = await FundingWebServer.StartAsync(["--Auth:Enabled=true", "--Metrics:AllowedNetworks:0=10.9.9.0/24"]);
        using var http = new HttpClient { BaseAddress = new Uri(closed.BaseUrl) };
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.GetAsync("/metrics")).StatusCode);

        await using var listed = await FundingWebServer.StartAsync(["--Auth:Enabled=true", "--Metrics:AllowedNetworks:0=127.0.0.0/8"]);
        using var scraper = new HttpClient { BaseAddress = new Uri(listed.BaseUrl) };
        var response = await scraper.GetAsync("/metrics");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Start_AllowListEntryThatIsNoNetwork_RefusesToStartNamingIt()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => FundingWebServer.StartAsync(["--Metrics:AllowedNetworks:0=office"]));
        Assert.Contains("'office'", error.Message);
    }
}
