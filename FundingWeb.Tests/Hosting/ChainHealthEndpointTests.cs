using System.Text.Json;
using Dapper;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FundingWeb.Tests.Hosting;

/// <summary>On the simulator: <c>/healthz</c> carries data lag and each venue's chain; a congestion episode stalls the chain and degrades the whole.</summary>
[Trait("Category", "Slow")]
public sealed class ChainHealthEndpointTests
{
    [Fact]
    public async Task Healthz_Simulator_NumericDataLagAndChainForEveryVenue_CongestionDegrades()
    {
        await using var server = await FundingWebServer.StartAsync(["--Feed:Simulator:BackfillDays=1", "--Storage:HealthInterval=00:00:01",
            "--Chains:paradex:LagAfter=00:00:05", "--Chains:paradex:StallAfter=00:00:15"]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        var venues = await Eventually.GetAsync(async () =>
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync("/healthz"));
            var list = doc.RootElement.GetProperty("venues").EnumerateArray().Select(v => v.Clone()).ToList();
            return list.Count == 6 && list.All(v => v.GetProperty("dataLagSeconds").ValueKind == JsonValueKind.Number
                && v.GetProperty("chain").ValueKind == JsonValueKind.Object && v.GetProperty("chain").GetProperty("headAgeSeconds").ValueKind == JsonValueKind.Number)
                ? list : null;
        }, TimeSpan.FromSeconds(60), "every venue with a numeric data lag and a chain head age");
        var gmx = venues.Single(v => v.GetProperty("venue").GetString() == "gmx").GetProperty("chain");
        Assert.Equal("Arbitrum One", gmx.GetProperty("name").GetString());
        Assert.Contains(gmx.GetProperty("sequencer").GetString(), new[] { "up", "down" });
        Assert.Equal(JsonValueKind.Number, gmx.GetProperty("l1LagSeconds").ValueKind);
        Assert.Equal(JsonValueKind.Null, venues.Single(v => v.GetProperty("venue").GetString() == "dydx").GetProperty("chain").GetProperty("l1LagSeconds").ValueKind);

        server.Services.GetRequiredService<SimulatedWorld>().Congest("paradex", TimeSpan.FromMinutes(10));
        var degraded = await Eventually.GetAsync(async () =>
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync("/healthz"));
            var paradex = doc.RootElement.GetProperty("venues").EnumerateArray().Single(v => v.GetProperty("venue").GetString() == "paradex");
            return paradex.GetProperty("chain").GetProperty("state").GetString() == "stalled" ? doc.RootElement.GetProperty("status").GetString() : null;
        }, TimeSpan.FromSeconds(90), "the congested venue's chain to stall");
        Assert.Equal("degraded", degraded);

        // The history chart's rows: the stall is recorded as the probe saw it, with the data lag of that moment.
        var history = server.Services.GetRequiredService<VenueHealthHistory>();
        var points = await Eventually.GetAsync(async () =>
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var rows = await history.GetAsync("paradex", now - 600_000, now + 1000, default);
            return rows.Any(p => p.ChainState == "stalled" && p.HeadAgeMs > 15_000) ? rows : null;
        }, TimeSpan.FromSeconds(30), "a stalled row in the venue's health history");
        Assert.All(points.Where(p => p.ChainState == "stalled"), p => Assert.True(p.DataLagMs > 0, "the data lag of the same moment"));
    }
}
