using Xunit;
using System.Net.Http.Json;
using System.Text.Json;
using FundingWeb.Tests.Fixtures;

namespace FundingWeb.Tests.Browser;

[Trait("Category", "Slow")]
public class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_OneSimulatedVenueForcedToFail_ThatVenueStaleWithReasonOthersFresh()
    {
        await using var server = await FundingWebServer.StartAsync(["--Feed:Simulator:FailingVenues:0=lighter"]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        var report = await Eventually.GetAsync<string>(async () =>
        {
            var json = await http.GetFromJsonAsync<JsonElement>("/healthz");
            var venues = json.GetProperty("venues").EnumerateArray().ToList();
            var fresh = venues.Count(v => !v.GetProperty("stale").GetBoolean());
            return fresh == 5 && venues.Any(v => v.GetProperty("lastError").ValueKind == JsonValueKind.String) ? json.GetRawText() : null;
        }, TimeSpan.FromSeconds(15), "five fresh venues and one failing");

        var json = JsonDocument.Parse(report).RootElement;
        Assert.Equal("degraded", json.GetProperty("status").GetString());
        Assert.Equal("Simulated", json.GetProperty("feed").GetString());
        var venues = json.GetProperty("venues").EnumerateArray().ToDictionary(v => v.GetProperty("venue").GetString()!);
        Assert.Equal(6, venues.Count);
        var lighter = venues["lighter"];
        Assert.True(lighter.GetProperty("stale").GetBoolean());
        Assert.Contains("simulated fault", lighter.GetProperty("lastError").GetString());
        Assert.Equal(JsonValueKind.Null, lighter.GetProperty("lastSuccess").ValueKind);
        var dydx = venues["dydx"];
        Assert.False(dydx.GetProperty("stale").GetBoolean());
        Assert.True(DateTimeOffset.TryParse(dydx.GetProperty("lastSuccess").GetString(), out var lastSuccess));
        Assert.Equal(TimeSpan.Zero, lastSuccess.Offset);
    }
}
