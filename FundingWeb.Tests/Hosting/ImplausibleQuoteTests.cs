using FundingWeb.Core.Live;
using FundingWeb.Model;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FundingWeb.Tests.Hosting;

/// <summary>
/// A market quoting beyond its cap, end to end on the simulator: stored, shown on the Overview with its marker and reason,
/// left out of spreads and alerts, listed on the Venues page.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ImplausibleQuoteTests
{
    [Fact]
    public async Task Simulator_MarketQuotingBeyondItsCap_ShownWithReasonButNeverTrusted()
    {
        await using var server = await FundingWebServer.StartAsync(["--Feed:Simulator:ImplausibleMarkets:0=hyperliquid/BTC"]);
        var hub = server.Services.GetRequiredService<MarketHub>();
        await Eventually.TrueAsync(() => hub.Current.Venues.TryGetValue("hyperliquid", out var v) && v.ForAsset("BTC")?.Funding?.Implausible is not null,
            TimeSpan.FromSeconds(60), "Hyperliquid's BTC quote to be read and flagged");

        var btc = hub.Current.Venues["hyperliquid"].ForAsset("BTC")!;
        Assert.Contains("beyond the venue's cap", btc.Funding!.Implausible);
        Assert.Null(btc.PlausibleFunding);
        Assert.NotNull(hub.Current.Venues["hyperliquid"].ForAsset("ETH")!.PlausibleFunding);
        var spreads = SpreadsPageModel.Build(hub.Current, ViewState.Default, 168, new Dictionary<string, IReadOnlyList<FundingWeb.Core.Storage.FundingPoint>>(), 0);
        // Neither the venue pair nor the pair against a CEX reference may be built on the untrusted quote.
        Assert.All(spreads.Where(r => r.Asset == "BTC"), r => Assert.True(r.Spread.ShortVenue != "hyperliquid" && r.Spread.LongVenue != "hyperliquid", r.Key));

        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var overview = await http.GetStringAsync("/");
        Assert.Matches("data-venue=\"hyperliquid\" data-asset=\"BTC\"[^>]*data-implausible=\"true\"", overview);
        Assert.Contains("heatmap-implausible-legend", overview);
        var venues = await http.GetStringAsync("/venues");
        Assert.Contains("convention-implausible", venues);
    }
}
