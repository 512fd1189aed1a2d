using System.Collections.Immutable;
using Bunit;
using FundingWeb.Components.Controls;
using FundingWeb.Components.Pages;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;
using FundingWeb.Core.Venues;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>
/// The Portfolio page live: a tick recomputes the stress from the new snapshot (here a funding quote, paid over the exit
/// delay) into the results only, an identical tick renders nothing, Pause freezes it, Resume catches up, and leaving the
/// page leaves the hub.
/// </summary>
[Trait("Category", "Fast")]
public sealed class PortfolioLiveTests : AppServicesContext
{
    // $1M BTC long at 2× on $300k at Hyperliquid (mmr 1 %, configured exit 2 h, no chain probe).
    private const string Book = "/portfolio?pos=hyperliquid:BTC:long:1000000:2&col=hyperliquid:300000";

    private static MarketSnapshot World(double rate1h)
    {
        var market = new MarketQuote(new Market("hyperliquid", "BTC", "BTC", 1, 50, 0.01),
            [new FundingQuote(FundingLeg.Net, rate1h, rate1h, 1, RateUnit.Fraction, 0, 0, "test")], 100, 100, 10, 1e9, null, null, 0);
        var venue = VenueSnapshot.Empty(new VenueInfo("hyperliquid", "Hyperliquid", "test", TimeSpan.FromHours(2), 0.0005, true)) with
        {
            Status = new VenueStatus("hyperliquid", 0, null, null, null, null, 10, 0, 1, 0),
            Markets = ImmutableDictionary<string, MarketQuote>.Empty.Add("BTC", market),
        };
        return new(1, 0, true, ImmutableSortedDictionary<string, VenueSnapshot>.Empty.Add("hyperliquid", venue));
    }

    private IRenderedComponent<Portfolio> Open()
    {
        Hub.Publish(_ => World(0));
        Services.GetRequiredService<NavigationManager>().NavigateTo(Book);
        var cut = Render<Portfolio>();
        cut.WaitForAssertion(() => Assert.Equal("30.00", Ratio(cut)));
        return cut;
    }

    private async Task TickAsync(IRenderedComponent<Portfolio> cut, double rate1h)
    {
        // A later publish: the stamp moves even when nothing else does.
        Time.Advance(TimeSpan.FromSeconds(1));
        Hub.Publish(_ => World(rate1h));
        Time.Advance(Portfolio.RecomputeEvery);
        await cut.InvokeAsync(() => { });
    }

    // At no shock: equity = $300k − $1M × rate × 2 h over a $10k requirement.
    private static string Ratio(IRenderedComponent<Portfolio> cut) =>
        cut.Find("[data-testid=portfolio-table] tr[data-shock='0.00'][data-account='hyperliquid cross'] [data-testid=ratio]").TextContent.Trim();

    private static long AsOf(IRenderedComponent<Portfolio> cut) => long.Parse(cut.Find("[data-testid=as-of]").GetAttribute("data-as-of-ms")!);

    [Fact]
    public async Task Tick_NewQuote_RecomputesTheStressInTheResultsOnly()
    {
        var cut = Open();
        // The form renders whenever the page does (its callback parameter always counts as changed): it stands for the page.
        var (form, results) = (cut.FindComponent<PortfolioForm>(), cut.FindComponent<PortfolioResults>());
        var (pageRenders, resultRenders, replaces, stamp) = (form.RenderCount, results.RenderCount, ChartCalls("replace").Count, AsOf(cut));

        // 0.1 % per hour over the configured 2 h: $2,000 paid, equity $298k.
        await TickAsync(cut, 0.001);

        cut.WaitForAssertion(() => Assert.Equal("29.80", Ratio(cut)));
        Assert.Equal(pageRenders, form.RenderCount);
        Assert.True(results.RenderCount > resultRenders);
        Assert.Equal(replaces + 1, ChartCalls("replace").Count);
        Assert.True(AsOf(cut) > stamp);
        var exit = cut.Find("[data-testid=portfolio-exit] tr[data-account='hyperliquid cross']");
        Assert.Equal("configured", exit.GetAttribute("data-source"));
    }

    [Fact]
    public async Task Tick_NothingMoved_RendersNothingButTheStamp()
    {
        var cut = Open();
        var (form, results) = (cut.FindComponent<PortfolioForm>(), cut.FindComponent<PortfolioResults>());
        var (pageRenders, resultRenders, replaces, stamp) = (form.RenderCount, results.RenderCount, ChartCalls("replace").Count, AsOf(cut));

        await TickAsync(cut, 0);

        cut.WaitForAssertion(() => Assert.True(AsOf(cut) > stamp));
        Assert.Equal(pageRenders, form.RenderCount);
        Assert.Equal(resultRenders, results.RenderCount);
        Assert.Equal(replaces, ChartCalls("replace").Count);
    }

    [Fact]
    public async Task Pause_FreezesTheStress_ResumeShowsTheLatest()
    {
        var cut = Open();
        cut.Find("[data-testid=pause]").Click();
        var stamp = AsOf(cut);

        await TickAsync(cut, 0.001);
        Assert.Equal("30.00", Ratio(cut));
        Assert.Equal(stamp, AsOf(cut));

        cut.Find("[data-testid=pause]").Click();
        cut.WaitForAssertion(() => Assert.Equal("29.80", Ratio(cut)));
    }

    [Fact]
    public async Task Dispose_UnsubscribesFromTheHub()
    {
        var subscribers = Hub.SubscriberCount;
        Open();
        Assert.True(Hub.SubscriberCount > subscribers);

        await DisposeComponentsAsync();

        Assert.Equal(subscribers, Hub.SubscriberCount);
    }

    [Fact]
    public async Task Tick_SlowInputsKeptUntilTheirRefresh_ThenReadAgain()
    {
        // Ladder clusters are a slow input: read on open (no positions shown: no cluster), kept on ticks, read again after the refresh interval.
        Hub.Publish(_ => new FundingWeb.Tests.Core.Alerts.AlertWorld().Rate("dydx", "BTC", 0).Snapshot());
        Services.GetRequiredService<NavigationManager>().NavigateTo("/portfolio?pos=dydx:BTC:long:1000000:2&col=dydx:300000");
        var cut = Render<Portfolio>();
        cut.WaitForAssertion(() => Assert.Contains("(none ladder)", Caption(cut), StringComparison.Ordinal));

        var withPositions = new FundingWeb.Tests.Core.Alerts.AlertWorld().Rate("dydx", "BTC", 0.001)
            .Positions("dydx", "BTC", (FundingWeb.Core.Liquidations.LiquidationSide.Long, 97, 5e7)).Snapshot();
        Time.Advance(TimeSpan.FromSeconds(1));
        Hub.Publish(_ => withPositions);
        Time.Advance(Portfolio.RecomputeEvery);
        await cut.InvokeAsync(() => { });
        // The tick took the new quote (funding over 2 h: equity $298k over $10k) but not the new ladder.
        cut.WaitForAssertion(() => Assert.Equal("29.80", Ratio(cut, "dydx cross")));
        Assert.Contains("(none ladder)", Caption(cut), StringComparison.Ordinal);

        Time.Advance(FundingWeb.Core.Portfolio.PortfolioHistory.RefreshEvery);
        Hub.Publish(_ => withPositions);
        Time.Advance(Portfolio.RecomputeEvery);
        await cut.InvokeAsync(() => { });
        cut.WaitForAssertion(() => Assert.Contains("(measured ladder)", Caption(cut), StringComparison.Ordinal));
    }

    private static string Caption(IRenderedComponent<Portfolio> cut) => cut.Find("[data-testid=portfolio-cascade-note]").TextContent;

    private static string Ratio(IRenderedComponent<Portfolio> cut, string account) =>
        cut.Find($"[data-testid=portfolio-table] tr[data-shock='0.00'][data-account='{account}'] [data-testid=ratio]").TextContent.Trim();

    [Fact]
    public void OwnDelay_InTheUrl_WinsAndSaysSo()
    {
        Hub.Publish(_ => World(0.001));
        Services.GetRequiredService<NavigationManager>().NavigateTo(Book + "&delay=0.5");
        var cut = Render<Portfolio>();

        // 0.1 % per hour over your 0.5 h: $500 paid, equity $299.5k over $10k.
        cut.WaitForAssertion(() => Assert.Equal("29.95", Ratio(cut)));
        var exit = cut.Find("[data-testid=portfolio-exit] tr[data-account='hyperliquid cross']");
        Assert.Equal("yours", exit.GetAttribute("data-source"));
        Assert.Contains("your exit delay, instead of the configured 2 h", exit.TextContent, StringComparison.Ordinal);
        Assert.Equal("0.5", cut.Find("[data-testid=portfolio-delay]").GetAttribute("value"));
    }
}
