using Bunit;
using FundingWeb.Components.Pages;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components.Pages;

/// <summary>
/// The Open interest page from a URL over real history: a tick re-renders only the figures that changed (a row, the
/// headline) and fills the current bucket of both charts for every venue; pause, dispose and the shared view.
/// </summary>
[Trait("Category", "Fast")]
public sealed class OpenInterestPageTests : ChartPageContext
{
    private const string Url = "/open-interest?asset=BTC&range=7d";

    [Fact]
    public void Tick_OneVenuesSidesChange_OnlyThatRowRendersAndEveryStackSeriesGetsTheCurrentBucket()
    {
        var cut = Open<OpenInterest>(Url, charts: 2);
        Assert.Equal(["venue:dydx", "venue:gmx", "venue:hyperliquid"], cut.FindAll("[data-testid=oi-shares] tbody tr").Select(r => "venue:" + r.GetAttribute("data-venue")).Order());
        var before = cut.Markup;
        var pageRenders = PageRenders(cut);
        var rowRenders = Rows(cut);

        Tick(World.Snapshot(version: 2, gmxLongShare: 0.7));

        cut.WaitForAssertion(() => Assert.Equal(2, ChartCalls("append").Count));
        Assert.Equal(["venue:gmx"], MarkupChanges.Places(cut.CompareTo(before)));
        // Not a page render whose diff happened to be small: the page did not render, and of the rows only GMX's did.
        Assert.Equal(pageRenders, PageRenders(cut));
        Assert.Equal(rowRenders.Select(r => (r.Key, r.Key == "gmx" ? r.Value + 1 : r.Value)), Rows(cut).Select(r => (r.Key, r.Value)));
        Assert.Equal("$280.00 M", cut.FindAll("tr[data-venue=gmx] td")[4].TextContent);
        var (stack, _) = Appended()[0];
        var bucket = World.NowMs / ChartPageWorld.HourMs * ChartPageWorld.HourMs;
        Assert.Equal(["oi:dydx", "oi:gmx", "oi:hyperliquid"], stack.Select(a => a.Id));
        Assert.All(stack, a => Assert.Equal(bucket, Assert.Single(a.Points)[0]));
        Assert.Equal(1200, stack.Single(a => a.Id == "oi:dydx").Points[0][1]);
        var (hhi, _) = Appended()[1];
        Assert.Equal(OpenInterestPageModel.HhiKey, Assert.Single(hhi).Id);
        Assert.Empty(ChartCalls("replace"));
    }

    private static Dictionary<string, int> Rows(IRenderedComponent<OpenInterest> cut) =>
        cut.FindComponents<FundingWeb.Components.Controls.OpenInterestShareRow>().ToDictionary(r => r.Instance.Row.Venue, r => r.RenderCount);

    [Fact]
    public void Tick_OneVenuesOpenInterestGrows_HeadlineAndSharesFollowAndTheStackGetsTheNewValue()
    {
        var cut = Open<OpenInterest>(Url, charts: 2);
        var hhiBefore = cut.Find("[data-testid=oi-hhi]").TextContent;

        Tick(World.Snapshot(version: 2, dydxOiScale: 2));

        cut.WaitForAssertion(() => Assert.Equal(2, ChartCalls("append").Count));
        Assert.Equal("$4.80 B", cut.Find("[data-testid=oi-kpis] .fw-figure-value").TextContent);
        Assert.NotEqual(hhiBefore, cut.Find("[data-testid=oi-hhi]").TextContent);
        Assert.Equal(2400, Appended()[0].Appends.Single(a => a.Id == "oi:dydx").Points[0][1]);
        // Largest first: dYdX now leads.
        Assert.Equal("dydx", cut.FindAll("[data-testid=oi-shares] tbody tr")[0].GetAttribute("data-venue"));
    }

    [Fact]
    public void Pause_FreezesTheFiguresAndResumeCarriesOn()
    {
        var cut = Open<OpenInterest>(Url, charts: 2);
        cut.Find("[data-testid=pause]").Click();
        Tick(World.Snapshot(version: 2, dydxOiScale: 2));
        Assert.Equal("$3.60 B", cut.Find("[data-testid=oi-kpis] .fw-figure-value").TextContent);

        cut.Find("[data-testid=pause]").Click();
        Tick(World.Snapshot(version: 3, dydxOiScale: 2));

        cut.WaitForAssertion(() => Assert.Equal("$4.80 B", cut.Find("[data-testid=oi-kpis] .fw-figure-value").TextContent));
        Assert.Equal(2, ChartCalls("append").Count);
    }

    [Fact]
    public async Task Dispose_Unsubscribes()
    {
        var before = Hub.SubscriberCount;
        Open<OpenInterest>(Url, charts: 2);
        Assert.Equal(before + 1, Hub.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(before, Hub.SubscriberCount);
    }

    [Fact]
    public void SharedView_RendersNoControlButStaysLive()
    {
        var state = ViewState.Default with { Asset = "BTC", Range = TimeRange.Presets.Single(r => r.Token == "7d") };
        var cut = OpenShared<OpenInterest>(state, charts: 2);
        foreach (var control in new[] { "[data-testid=asset-picker]", "[data-testid=range-picker]", "[data-testid=pause]", "[data-testid=share-open]", "a.fw-chip" })
        {
            Assert.Empty(cut.FindAll(control));
        }

        Tick(World.Snapshot(version: 2, dydxOiScale: 2));

        cut.WaitForAssertion(() => Assert.Equal("$4.80 B", cut.Find("[data-testid=oi-kpis] .fw-figure-value").TextContent));
    }
}
