using System.Net;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Hosting;

/// <summary>What a page does with a range or an asset it cannot use as given: renders, bounded, and says so.</summary>
[Trait("Category", "Slow")]
public sealed class PageBoundsTests : IAsyncLifetime
{
    private FundingWebServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await FundingWebServer.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_server.BaseUrl) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private static readonly string[] RangePages = ["/funding", "/open-interest", "/liquidations"];

    [Theory]
    // Before anything kept: the Open interest page used to subtract a day from 0001-01-01 (a 500).
    [InlineData("from=0001-01-01T00:00:00Z&to=0001-01-02T00:00:00Z", "holds no history")]
    // Everything: one hour bucket per hour over ten thousand years (the process grew to 16 GB).
    [InlineData("from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z", "reaches past the history")]
    [InlineData("from=9999-12-30T00:00:00Z&to=9999-12-31T23:59:59Z", "holds no history")]
    [InlineData("from=2000-01-01T00:00:00Z&to=2099-01-01T00:00:00Z", "reaches past the history")]
    public async Task RangePage_CustomRangeOutsideHistory_RendersBoundedWithANotice(string range, string notice)
    {
        foreach (var page in RangePages)
        {
            using var response = await _http.GetAsync($"{page}?asset=BTC&{range}");
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
            Assert.Contains("data-testid=\"view-notice\"", body);
            Assert.Contains(notice, body);
        }
    }

    [Theory]
    [InlineData("/funding")]
    [InlineData("/open-interest")]
    [InlineData("/liquidations")]
    public async Task Page_AssetTheApiRefuses_FallsBackWithANoticeAndTheValueGoesNowhere(string page)
    {
        using var response = await _http.GetAsync($"{page}?asset={Uri.EscapeDataString("=HYPERLINK(\"http://evil.example\")")}");
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The page's own URL may come back escaped in a link (the theme switch's return); the value itself never does.
        Assert.DoesNotContain("=HYPERLINK(", body);
        Assert.Contains("The asset in the link is not an asset name", body);
    }
}
