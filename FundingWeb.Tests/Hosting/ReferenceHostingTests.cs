using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FundingWeb.Tests.Hosting;

/// <summary>The app on its default no-network feed: the reference poller runs beside the venue pollers and its rows land.</summary>
[Trait("Category", "Slow")]
public sealed class ReferenceHostingTests
{
    [Fact]
    public async Task Simulator_DefaultRun_ReferenceRatesPublishedAndStored()
    {
        await using var server = await FundingWebServer.StartAsync();
        var hub = server.Services.GetRequiredService<MarketHub>();

        await Eventually.TrueAsync(() => hub.Current.References.For("BTC").Any(q => q.Exchange == "binance"), TimeSpan.FromSeconds(30),
            "a Binance reference reading for BTC in the live snapshot");
        Assert.False(hub.Current.References.Status.IsStale);
        Assert.DoesNotContain(hub.Current.References.For("BTC"), q => q.Exchange == "hyperliquid");
        var queries = server.Services.GetRequiredService<HistoryQueries>();
        var stored = await queries.GetReferenceRatesAsync("BTC", 0, long.MaxValue / 2, default);
        Assert.Contains(stored, r => r.Exchange == "binance" && r.IntervalHours == 8);
        Assert.Contains(hub.Current.Venues.Keys, v => v == "hyperliquid");
    }
}
