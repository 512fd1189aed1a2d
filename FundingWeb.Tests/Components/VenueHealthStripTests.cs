using Bunit;
using FundingWeb.Components.Controls;
using FundingWeb.Core.Live;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

[Trait("Category", "Fast")]
public sealed class VenueHealthStripTests : DashboardContext
{
    private const long NowMs = 1_764_590_400_000;

    private static readonly VenueSnapshot Dydx = TestMarkets.Venue("dydx", "dYdX v4", NowMs - 600_000, ("BTC", 0.00001, 1e9));
    private static readonly VenueSnapshot Aevo = TestMarkets.Venue("aevo", "Aevo", NowMs - 600_000, ("BTC", 0.00001, 1e9));

    [Fact]
    public void Render_FreshAndStale_StateAgeAndReason()
    {
        var snapshot = TestMarkets.Snapshot(NowMs, Dydx, TestMarkets.Stale(Aevo, NowMs - 120_000, "HTTP 503 from /markets"));

        var cut = Render<VenueHealthStrip>(p => p.Add(c => c.Items, VenueHealthView.All(snapshot, NowMs)));

        var dydx = cut.Find("li[data-venue=dydx]");
        Assert.Equal("fresh", dydx.GetAttribute("data-state"));
        Assert.Contains("fresh · 10 min ago · 40 ms", dydx.TextContent);
        Assert.Empty(dydx.QuerySelectorAll("[data-testid=stale-reason]"));
        var aevo = cut.Find("li[data-venue=aevo]");
        Assert.Equal("stale", aevo.GetAttribute("data-state"));
        Assert.Contains("stale for 2 min", aevo.TextContent);
        Assert.Equal("HTTP 503 from /markets", aevo.QuerySelector("[data-testid=stale-reason]")!.TextContent);
    }

    [Fact]
    public void NewItems_OneVenuePolled_OnlyItsItemChanges()
    {
        var snapshot = TestMarkets.Snapshot(NowMs, Dydx, Aevo);
        var cut = Render<VenueHealthStrip>(p => p.Add(c => c.Items, VenueHealthView.All(snapshot, NowMs)));
        var before = cut.Markup;

        // Ten seconds on, Aevo polls: its age resets; dYdX's "10 min" is still "10 min".
        var later = snapshot.WithVenue(TestMarkets.Polled(Aevo, NowMs + 10_000, "BTC", 0.00002), NowMs + 10_000);
        cut.Render(p => p.Add(c => c.Items, VenueHealthView.All(later, NowMs + 10_000)));

        var changed = MarkupChanges.Between(before, cut.Markup);
        Assert.NotEmpty(changed);
        Assert.All(changed, e => Assert.True(e.Within("li[data-venue=aevo]"), e.OuterHtml));
        Assert.Contains("fresh · 0 s ago", cut.Find("li[data-venue=aevo]").TextContent);
    }
}
