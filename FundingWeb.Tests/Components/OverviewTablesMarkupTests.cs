using Bunit;
using FundingWeb.Components.Controls;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>
/// The Overview's tables print their value cells as shared markup: names from venues arrive as text, and the cells
/// read as they did when each was a template cell.
/// </summary>
[Trait("Category", "Fast")]
public sealed class OverviewTablesMarkupTests : DashboardContext
{
    private const long NowMs = 1_764_590_400_000;

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("\"><script>alert(1)</script>")]
    [InlineData("A&B'C")]
    public void HostileVenueNames_AreText(string hostile)
    {
        var world = TestMarkets.Snapshot(NowMs,
            TestMarkets.Venue("x", hostile, NowMs, ("BTC", 0.00004, 9e9)),
            TestMarkets.Venue("y", "Aevo", NowMs, ("BTC", -0.00001, 1e9)));
        var tables = OverviewTables.Build(world, ViewState.Default);

        var spreads = Render<OverviewSpreads>(p => p.Add(c => c.Rows, tables.Spreads).Add(c => c.State, ViewState.Default).Add(c => c.Links, true));
        var concentration = Render<OverviewConcentration>(p => p.Add(c => c.Rows, tables.Concentration).Add(c => c.State, ViewState.Default));

        foreach (var cut in new IRenderedComponent<Microsoft.AspNetCore.Components.IComponent>[] { spreads, concentration })
        {
            Assert.Empty(cut.FindAll("tbody img, tbody script, tbody b"));
        }
        var pair = spreads.Find("tbody tr[data-asset=BTC]").QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal($"{hostile} / Aevo", pair[0]);
        Assert.Equal(Display.Percent(tables.Spreads[0].SpreadApr), pair[1]);
        Assert.Equal("fw-profit", spreads.Find("tbody tr[data-asset=BTC] td:last-child").ClassName);
        Assert.Equal($"{hostile} 90 %", concentration.Find("tbody tr[data-asset=BTC] td.text").TextContent);
    }

    [Fact]
    public void SameRow_OneMarkup_SharedByEveryCircuit()
    {
        var world = TestMarkets.Snapshot(NowMs,
            TestMarkets.Venue("x", "Hyperliquid", NowMs, ("BTC", 0.00004, 9e9)),
            TestMarkets.Venue("y", "Aevo", NowMs, ("BTC", -0.00001, 1e9)));
        var tables = new OverviewTableModels().For(world, ViewState.Default);

        Assert.Same(OverviewRowMarkup.Cells(tables.Spreads[0]), OverviewRowMarkup.Cells(tables.Spreads[0]));
        Assert.Same(OverviewRowMarkup.Cells(tables.Concentration[0]), OverviewRowMarkup.Cells(tables.Concentration[0]));
    }
}
