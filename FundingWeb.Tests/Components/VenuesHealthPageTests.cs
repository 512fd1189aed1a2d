using Bunit;
using FundingWeb.Components.Pages;
using FundingWeb.Core.Chains;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Model.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>The Venues page's history: read from venue_health for the range in the URL, one chart per figure, ranges as links.</summary>
[Trait("Category", "Fast")]
public sealed class VenuesHealthPageTests : AppServicesContext
{
    private VenueSnapshot Gmx(long headMs)
    {
        var now = Time.GetUtcNow().ToUnixTimeMilliseconds();
        var venue = TestMarkets.Venue("gmx", "GMX v2", now, ("BTC", 0.00001, 1e9));
        return venue with
        {
            Status = venue.Status with { DataLagMs = 1_500, ErrorRate = 0.02 },
            Chain = new ChainReading("Arbitrum One", now, 7, headMs, null, SequencerState.Up, null, null),
            ChainLimits = ChainLimits.Default,
        };
    }

    [Fact]
    public async Task Open_WithHealthHistory_ChartsEachFigureAndTheBoardJudgesNow()
    {
        var history = Services.GetRequiredService<VenueHealthHistory>();
        var head = Time.GetUtcNow().ToUnixTimeMilliseconds() - 2_000;
        // The chain stops: its head stays put while three rows are written 15 s apart (2, 17, 32 s old).
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await history.RecordAsync(Gmx(head), Gmx(head).Chain, CancellationToken.None));
            if (i < 2) Time.Advance(TimeSpan.FromSeconds(15));
        }
        Hub.Publish(_ => TestMarkets.Snapshot(Time.GetUtcNow().ToUnixTimeMilliseconds(), Gmx(head)));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/venues?range=1h");

        var cut = Render<Venues>();

        cut.WaitForAssertion(() => Assert.Equal(4, ChartCalls("create").Count));
        var headAge = ChartCalls("create").Single(c => ((ChartSpec)c.Arg(1)!).FileName == "venue-health-head-age");
        var series = Assert.Single((IReadOnlyList<ChartSeries>)headAge.Arg(2)!);
        Assert.Equal("GMX v2", series.Name);
        Assert.Equal([2d, 17d, 32d], series.Data.Cast<double[]>().Select(p => p[1]));
        var lag = ChartCalls("create").Single(c => ((ChartSpec)c.Arg(1)!).FileName == "venue-health-data-lag");
        Assert.Equal([1.5, 1.5, 1.5], Assert.Single((IReadOnlyList<ChartSeries>)lag.Arg(2)!).Data.Cast<double[]>().Select(p => p[1]));

        Assert.Equal(["/venues?range=1h", "/venues?range=24h", "/venues"], cut.FindAll("[data-testid=health-ranges] a").Select(a => a.GetAttribute("href")));
        Assert.Equal("page", cut.Find("[data-testid=health-ranges] a[data-range='1h']").GetAttribute("aria-current"));
        Assert.Equal("lagging", cut.Find("[data-testid=health-board] tr[data-venue=gmx]").GetAttribute("data-chain-state"));
        Assert.Contains("Matching engines run off-chain", cut.Find("[data-testid=offchain-note]").TextContent);
    }

    [Fact]
    public void Open_RangeOutsideTheHistory_ChartsSayNoData()
    {
        Hub.Publish(_ => TestMarkets.Snapshot(Time.GetUtcNow().ToUnixTimeMilliseconds(), Gmx(Time.GetUtcNow().ToUnixTimeMilliseconds())));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/venues?range=24h");

        var cut = Render<Venues>();

        cut.WaitForAssertion(() => Assert.Equal(4, ChartCalls("create").Count));
        Assert.All(ChartCalls("create"), c => Assert.Empty((IReadOnlyList<ChartSeries>)c.Arg(2)!));
        Assert.Equal("page", cut.Find("[data-testid=health-ranges] a[data-range='24h']").GetAttribute("aria-current"));
    }

    [Fact]
    public void Tick_ChainStalls_BoardRowSaysSoAndNoChartIsRedrawn()
    {
        var now = Time.GetUtcNow().ToUnixTimeMilliseconds();
        Hub.Publish(_ => TestMarkets.Snapshot(now, Gmx(now - 1_000)));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/venues");
        var cut = Render<Venues>();
        cut.WaitForAssertion(() => Assert.Equal("fresh", cut.Find("[data-testid=health-board] tr[data-venue=gmx]").GetAttribute("data-chain-state")));
        cut.WaitForAssertion(() => Assert.Equal(4, ChartCalls("create").Count));

        // The head stops: five minutes on, a probe reads the same head.
        Time.Advance(TimeSpan.FromMinutes(5));
        Hub.Publish(_ => TestMarkets.Snapshot(now + 300_000, Gmx(now - 1_000)));
        Time.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.Equal("stalled", cut.Find("[data-testid=health-board] tr[data-venue=gmx]").GetAttribute("data-chain-state")));
        Assert.Equal("stalled", cut.Find("tr[data-venue=gmx] [data-figure=head-age]").GetAttribute("data-state"));
        Assert.Equal(4, ChartCalls("create").Count);
        Assert.Empty(ChartCalls("replace"));
    }
}
