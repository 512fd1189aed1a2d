using Bunit;
using FundingWeb.Components.Controls;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>The heatmap control: what it prints, and that a changed model re-renders only the cells that changed.</summary>
[Trait("Category", "Fast")]
public sealed class FundingHeatmapTests : DashboardContext
{
    private const long NowMs = 1_764_590_400_000;

    private static readonly MarketSnapshot World = TestMarkets.Snapshot(NowMs,
        TestMarkets.Venue("hyperliquid", "Hyperliquid", NowMs, ("BTC", 0.0000125, 9e9), ("ETH", -0.00002, 5e9)),
        TestMarkets.Stale(TestMarkets.Venue("paradex", "Paradex", NowMs, ("BTC", -0.0013379, 1e9)), NowMs - 60_000, "HTTP 503"));

    [Fact]
    public void Render_BasisLegendSignColoursStaleAndUnlisted()
    {
        var cut = Render<FundingHeatmap>(p => p.Add(c => c.Model, HeatmapViewModel.Build(World, RateBasis.EightHour)));

        Assert.Equal("% per 8h", cut.Find("[data-testid=heatmap-basis]").TextContent.Trim());
        Assert.Contains("rate > 0: longs pay shorts", cut.Find("[data-testid=heatmap-legend]").TextContent);
        Assert.Contains("colour by the rate's sign", cut.Find("[data-testid=heatmap-legend]").TextContent);
        var hl = cut.Find("td[data-venue=hyperliquid][data-asset=BTC]");
        Assert.Equal("+0.0100", hl.TextContent);
        Assert.StartsWith("background:rgba(59, 130, 246,", hl.GetAttribute("style"));
        Assert.Equal("-1.0703", cut.Find("td[data-venue=paradex][data-asset=BTC]").TextContent);
        Assert.Contains("fw-stale", cut.Find("td[data-venue=paradex][data-asset=BTC]").ClassList);
        Assert.Contains("fw-stale", cut.Find("th[data-venue=paradex]").ClassList);
        Assert.Equal("not listed", cut.Find("tr[data-asset=ETH] td.fw-empty").GetAttribute("aria-label"));
        // Where the number comes from is in the title; the number itself is not (it would change the title every tick).
        Assert.Equal("Hyperliquid · BTC · select for the source", hl.GetAttribute("title"));
        Assert.Empty(cut.FindAll("[data-testid=heatmap-implausible-legend]"));
    }

    [Fact]
    public void Render_ImplausibleCell_MarkedUncolouredWithItsReasonAndTheLegendSaysSo()
    {
        var hl = World.Venues["hyperliquid"];
        var btc = hl.Markets["BTC"];
        var world = World.WithVenue(hl with { Markets = hl.Markets.SetItem("BTC", btc with { Legs = [btc.Legs[0] with { Rate1h = 0.09, Implausible = "|9 %| per hour is beyond the venue's cap" }] }) }, NowMs);

        var cut = Render<FundingHeatmap>(p => p.Add(c => c.Model, HeatmapViewModel.Build(world, RateBasis.Apr, unverifiedNotes: new Dictionary<string, string> { ["paradex"] = "unit unverified" })));

        var cell = cut.Find("td[data-venue=hyperliquid][data-asset=BTC]");
        Assert.Equal("true", cell.GetAttribute("data-implausible"));
        Assert.StartsWith("⚠ ", cell.TextContent);
        Assert.Equal("background:rgba(148, 163, 184, 0.12)", cell.GetAttribute("style"));
        Assert.Contains("beyond the venue's cap", cell.GetAttribute("title"));
        Assert.NotEmpty(cut.FindAll("[data-testid=heatmap-implausible-legend]"));
        Assert.EndsWith("*", cut.Find("td[data-venue=paradex][data-asset=BTC]").TextContent);
    }

    [Fact]
    public void NewModel_OneRateMoved_OnlyThatCellsMarkupChanges()
    {
        var cut = Render<FundingHeatmap>(p => p.Add(c => c.Model, HeatmapViewModel.Build(World, RateBasis.Apr)));
        var before = cut.Markup;

        var moved = World.WithVenue(TestMarkets.Polled(World.Venues["hyperliquid"], NowMs + 1000, "ETH", -0.00003), NowMs + 1000);
        cut.Render(p => p.Add(c => c.Model, HeatmapViewModel.Build(moved, RateBasis.Apr)));

        var changed = MarkupChanges.Between(before, cut.Markup);
        Assert.NotEmpty(changed);
        Assert.All(changed, e => Assert.True(e.Within("td[data-venue=hyperliquid][data-asset=ETH]"), $"changed outside the moved cell: {e.OuterHtml}"));

        // The same model again (a tick where nothing this control shows moved) renders nothing at all.
        var renders = cut.RenderCount;
        cut.Render(p => p.Add(c => c.Model, HeatmapViewModel.Build(moved, RateBasis.Apr)));
        Assert.Equal(renders, cut.RenderCount);
    }

    [Fact]
    public void Render_TheGridIsOneComponent_CellsAreMarkup()
    {
        var cut = Render<FundingHeatmap>(p => p.Add(c => c.Model, HeatmapViewModel.Build(World, RateBasis.Apr)));

        var empty = Render<FundingHeatmap>(p => p.Add(c => c.Model, HeatmapViewModel.Build(MarketSnapshot.Empty, RateBasis.Apr)));

        Assert.Equal(4, cut.FindAll("[data-testid=funding-heatmap] tbody td").Count);
        // Components do not grow with the grid: no component per row or per cell (each would hold its own render trees).
        Assert.Equal(empty.FindComponents<Microsoft.AspNetCore.Components.IComponent>().Count, cut.FindComponents<Microsoft.AspNetCore.Components.IComponent>().Count);
    }

    [Fact]
    public async Task CellClick_SaysWhichVenueAndAsset()
    {
        (string, string)? selected = null;
        var cut = Render<FundingHeatmap>(p => p.Add(c => c.Model, HeatmapViewModel.Build(World, RateBasis.Apr))
            .Add(c => c.OnSelect, cell => selected = cell));

        await HeatmapCells.SelectAsync(cut.Find("[data-testid=funding-heatmap]"), "paradex", "BTC");

        Assert.Equal(("paradex", "BTC"), selected);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData(null, null)]
    [InlineData("paradex", "ETH")]
    [InlineData("nowhere", "BTC")]
    [InlineData("hyperliquid", "<b>BTC</b>")]
    public async Task CellSelect_ForNoCellTheGridShows_SelectsNothing(string? venue, string? asset)
    {
        (string, string)? selected = null;
        var cut = Render<FundingHeatmap>(p => p.Add(c => c.Model, HeatmapViewModel.Build(World, RateBasis.Apr))
            .Add(c => c.OnSelect, cell => selected = cell));

        await cut.Find("[data-testid=funding-heatmap]").TriggerEventAsync("oncellselect", new FundingWeb.Components.CellSelectEventArgs { Venue = venue, Asset = asset });

        Assert.Null(selected);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("\"><script>alert(1)</script>")]
    [InlineData("A&B'C")]
    public async Task HostileNames_AreTextAndAttributeValues_NeverMarkup(string hostile)
    {
        var world = TestMarkets.Snapshot(NowMs, TestMarkets.Venue(hostile, hostile, NowMs, (hostile, 0.0000125, 9e9)));
        (string, string)? selected = null;
        var cut = Render<FundingHeatmap>(p => p.Add(c => c.Model, HeatmapViewModel.Build(world, RateBasis.Apr))
            .Add(c => c.OnSelect, cell => selected = cell));

        Assert.Empty(cut.FindAll("[data-testid=funding-heatmap] img, [data-testid=funding-heatmap] script, [data-testid=funding-heatmap] b"));
        var cell = Assert.Single(cut.FindAll("[data-testid=funding-heatmap] tbody td"));
        Assert.Equal(hostile, cell.GetAttribute("data-venue"));
        Assert.Equal(hostile, cell.GetAttribute("data-asset"));
        Assert.StartsWith(hostile + " " + hostile + " ", cell.QuerySelector("button")!.GetAttribute("aria-label"));
        // The row and column headings are markup too: the names arrive as text.
        Assert.Equal(hostile, cut.Find("[data-testid=funding-heatmap] tbody th[scope=row]").TextContent);
        var column = cut.Find("[data-testid=funding-heatmap] thead th[data-venue]");
        Assert.Equal(hostile, column.GetAttribute("data-venue"));
        Assert.Equal(hostile, column.TextContent);

        await cut.Find("[data-testid=funding-heatmap]").TriggerEventAsync("oncellselect", new FundingWeb.Components.CellSelectEventArgs { Venue = hostile, Asset = hostile });
        Assert.Equal((hostile, hostile), selected);
    }
}
