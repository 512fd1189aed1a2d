using Bunit;
using FundingWeb.Components;
using FundingWeb.Components.Controls;
using FundingWeb.Components.Pages;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Hosting;
using FundingWeb.Model;
using FundingWeb.Polling;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>
/// The Overview page from its URL over the real hub on a manual clock: a tick re-sends only what it changed and never
/// renders the toolbar, Pause freezes and Resume catches up, leaving unsubscribes, and a shared view has no control.
/// </summary>
[Trait("Category", "Fast")]
public sealed class OverviewPageTests : DashboardContext
{
    private readonly long _nowMs;

    public OverviewPageTests()
    {
        Services.AddSingleton(Options.Create(new StorageOptions()));
        Services.AddSingleton(Options.Create(new FeedOptions()));
        Services.AddSingleton<VenueConventionNotes>();
        _nowMs = Time.GetUtcNow().ToUnixTimeMilliseconds();
        // Polled ten minutes ago: ages print "10 min" for a while, so a tick changes only the venue that polled.
        var polled = _nowMs - 600_000;
        Hub.Publish(_ => TestMarkets.Snapshot(polled,
            TestMarkets.Venue("hyperliquid", "Hyperliquid", polled, ("BTC", 0.00002, 9e9), ("ETH", 0.00001, 5e9), ("SOL", 0.00003, 1e9)),
            TestMarkets.Venue("dydx", "dYdX v4", polled, ("BTC", -0.00001, 4e9), ("ETH", 0.000005, 2e9)),
            TestMarkets.Venue("aevo", "Aevo", polled, ("BTC", 0.000001, 1e9), ("SOL", -0.00002, 5e8))));
    }

    private IRenderedComponent<Overview> RenderAt(string url)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Render<Overview>();
    }

    /// <summary>One venue polls (one market's rate moved, its poll time is now) and the page's tick has run.</summary>
    private async Task PollAsync(IRenderedComponent<Overview> cut, string venue, string asset, double rate1h)
    {
        Time.Advance(TimeSpan.FromSeconds(1));
        var nowMs = Time.GetUtcNow().ToUnixTimeMilliseconds();
        Hub.Publish(s => s.WithVenue(TestMarkets.Polled(s.Venues[venue], nowMs, asset, rate1h), nowMs));
        // The page's throttled subscription fires on the clock and queues its tick on the renderer; queueing after it
        // and waiting means the tick has been handled (rendered, or skipped while paused).
        Time.Advance(TimeSpan.FromMilliseconds(200));
        await cut.InvokeAsync(() => { });
    }

    private static string Cell(IRenderedComponent<Overview> cut, string venue, string asset) =>
        cut.Find($"td[data-venue={venue}][data-asset={asset}]").TextContent;

    [Fact]
    public void FromUrl_BasisAndVenuesOfTheLink_TablesStripAndHeatmap()
    {
        var cut = RenderAt("/?basis=8h&venues=dydx,hyperliquid");

        Assert.Equal("% per 8h", cut.Find("[data-testid=heatmap-basis]").TextContent.Trim());
        Assert.Equal(["hyperliquid", "dydx"], cut.FindAll("[data-testid=funding-heatmap] thead th[data-venue]").Select(th => th.GetAttribute("data-venue")).Order().Reverse());
        Assert.Equal("+0.0160", Cell(cut, "hyperliquid", "BTC"));
        Assert.Equal(3, cut.FindAll("[data-testid=venue-health] li").Count);
        Assert.Equal(["BTC", "ETH"], cut.FindAll("[data-testid=overview-spreads] tbody tr").Select(tr => tr.GetAttribute("data-asset")));
        Assert.Equal("/spreads?venues=dydx,hyperliquid&basis=8h", System.Net.WebUtility.UrlDecode(cut.Find("[data-testid=overview-spreads] caption a").GetAttribute("href")));
        Assert.Contains("HHI", cut.Find("[data-testid=overview-concentration] thead").TextContent);
        // The same stamp as every live page: the publish time of the snapshot shown, readable and in Unix ms.
        Assert.Equal(Hub.Current.PublishedAtMs.ToString(System.Globalization.CultureInfo.InvariantCulture), cut.Find("[data-testid=as-of]").GetAttribute("data-as-of-ms"));
        Assert.Contains("UTC", cut.Find("[data-testid=as-of]").TextContent);
    }

    /// <summary>
    /// Two polls that land within the page's spacing are shown by one tick, and each is timed from its own publish: the
    /// older one waited longer (timing only the newest hid the wait).
    /// </summary>
    [Fact]
    public async Task Tick_ShowingTwoPublishes_TimesEachFromItsOwnPublish()
    {
        var cut = RenderAt("/");
        var samples = new System.Collections.Concurrent.ConcurrentQueue<double>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == FundingWeb.Core.Telemetry.FundingMetrics.MeterName && instrument.Name == "fundingweb.push.latency") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags) if (tag is { Key: "page", Value: "Overview" }) samples.Enqueue(value);
        });
        listener.Start();
        await PollAsync(cut, "aevo", "SOL", -0.00004);
        cut.WaitForAssertion(() => Assert.NotEmpty(samples));
        samples.Clear();

        // A poll after a quiet spell is shown at once; two more 10 and 17 ms later fall within the 50 ms spacing, so one
        // later tick shows both.
        var nowMs = Time.GetUtcNow().ToUnixTimeMilliseconds();
        Hub.Publish(s => s.WithVenue(TestMarkets.Polled(s.Venues["aevo"], nowMs, "BTC", 0.00001), nowMs));
        Time.Advance(TimeSpan.FromMilliseconds(10));
        await cut.InvokeAsync(() => { });
        Hub.Publish(s => s.WithVenue(TestMarkets.Polled(s.Venues["dydx"], nowMs + 10, "BTC", -0.00002), nowMs + 10));
        Time.Advance(TimeSpan.FromMilliseconds(7));
        Hub.Publish(s => s.WithVenue(TestMarkets.Polled(s.Venues["hyperliquid"], nowMs + 17, "BTC", 0.00003), nowMs + 17));
        Time.Advance(TimeSpan.FromMilliseconds(200));
        await cut.InvokeAsync(() => { });

        // Shown at once (0 ms), then one tick at the end of the spacing (50 ms after the first): 40 and 33 ms waited.
        cut.WaitForAssertion(() => Assert.Superset(new HashSet<double> { 0, 40, 33 }, samples.ToHashSet()));
    }

    [Fact]
    public async Task Tick_OneVenuePolled_SendsItsCellItsStripItemItsSpreadRowAndTheTimeNothingElse()
    {
        var cut = RenderAt("/");
        var toolbar = cut.FindComponent<ViewToolbar>();
        var toolbarRenders = toolbar.RenderCount;
        var pageRenders = cut.FindComponent<OverviewBoard>().RenderCount;
        var before = cut.Markup;

        await PollAsync(cut, "aevo", "SOL", -0.00004);

        cut.WaitForAssertion(() => Assert.Equal("-35.04", Cell(cut, "aevo", "SOL")));
        var changed = MarkupChanges.Between(before, cut.Markup);
        string[] allowed = ["[data-testid=as-of]", "li[data-venue=aevo]", "td[data-venue=aevo][data-asset=SOL]", "[data-testid=overview-spreads] tr[data-asset=SOL]"];
        Assert.All(changed, e => Assert.True(allowed.Any(e.Within), $"a tick changed {e.OuterHtml}"));
        Assert.All(allowed, selector => Assert.Contains(changed, e => e.Within(selector)));
        // The toolbar (chips, buttons, tooltips) is not rendered at all on a tick.
        Assert.Equal(toolbarRenders, toolbar.RenderCount);
        Assert.True(cut.FindComponent<OverviewBoard>().RenderCount > pageRenders);
    }

    [Fact]
    public async Task Pause_FreezesTheViewAndResumeShowsTheLatestAtOnce()
    {
        var cut = RenderAt("/");
        cut.Find("[data-testid=pause]").Click();
        Assert.Equal("true", cut.Find("[data-testid=pause]").GetAttribute("aria-pressed"));

        await PollAsync(cut, "hyperliquid", "BTC", 0.0001);
        await PollAsync(cut, "hyperliquid", "BTC", 0.0002);
        Assert.Equal("+17.52", Cell(cut, "hyperliquid", "BTC"));

        // Resume: the latest state shows with the clock standing still, so no tick brought it.
        cut.Find("[data-testid=pause]").Click();
        cut.WaitForAssertion(() => Assert.Equal("+175.20", Cell(cut, "hyperliquid", "BTC")));
        await PollAsync(cut, "hyperliquid", "BTC", 0.0003);
        cut.WaitForAssertion(() => Assert.Equal("+262.80", Cell(cut, "hyperliquid", "BTC")));
    }

    [Fact]
    public async Task Dispose_UnsubscribesFromTheHub()
    {
        var subscribers = Hub.SubscriberCount;
        RenderAt("/");
        Assert.Equal(subscribers + 1, Hub.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(subscribers, Hub.SubscriberCount);
    }

    [Fact]
    public async Task CellSelected_DrillDownFollowsItsVenueOnlyAndCloses()
    {
        var cut = RenderAt("/");
        await HeatmapCells.SelectAsync(cut.Find("[data-testid=funding-heatmap]"), "dydx", "BTC");
        var source = cut.FindComponent<SourceDrillDown>();
        Assert.Contains("Source · dYdX v4 · BTC-USD", source.Markup);
        var renders = source.RenderCount;

        await PollAsync(cut, "aevo", "BTC", 0.00005);
        cut.WaitForAssertion(() => Assert.Equal("+43.80", Cell(cut, "aevo", "BTC")));
        Assert.Equal(renders, source.RenderCount);

        await PollAsync(cut, "dydx", "BTC", -0.00003);
        cut.WaitForAssertion(() => Assert.Equal("-3E-05", cut.Find("[data-testid=source-raw]").TextContent));

        cut.Find("[data-testid=source-close]").Click();
        Assert.Empty(cut.FindAll("[data-testid=source-drilldown]"));
    }

    [Fact]
    public async Task SharedView_StillLiveWithNoControlAndNoLink()
    {
        var shared = new ShareContext(ViewState.Default with { Basis = RateBasis.EightHour }, "Desk");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/s/token");
        var cut = Render<Overview>(p => p.AddCascadingValue(shared));

        Assert.Contains("Shared view · read-only · Desk", cut.Find("[data-testid=shared-label]").TextContent);
        Assert.Empty(cut.FindAll("a"));
        Assert.Empty(cut.FindAll("[data-testid=pause], [data-testid=share-open], .mud-chip, [data-basis]"));
        Assert.Equal("% per 8h", cut.Find("[data-testid=heatmap-basis]").TextContent.Trim());

        await PollAsync(cut, "hyperliquid", "ETH", 0.00002);
        cut.WaitForAssertion(() => Assert.Equal("+0.0160", Cell(cut, "hyperliquid", "ETH")));
    }
}
