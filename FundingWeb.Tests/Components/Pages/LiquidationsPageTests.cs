using Bunit;
using FundingWeb.Components.Pages;
using FundingWeb.Model;
using FundingWeb.Model.Charts;
using Xunit;

namespace FundingWeb.Tests.Components.Pages;

/// <summary>
/// The Liquidations page from a URL: the venue choice as links, measured and modelled stacked per side, the price marker
/// moving on every tick and the ladder patched (never replaced or re-created) on a rebuild; pause, dispose and the shared view.
/// </summary>
[Trait("Category", "Fast")]
public sealed class LiquidationsPageTests : ChartPageContext
{
    private const string Url = "/liquidations?asset=BTC&range=7d";

    [Fact]
    public void PastedUrl_VenueChoiceIsLinksAndEachSideStacksMeasuredOverModelled()
    {
        var cut = Open<Liquidations>(Url, charts: 1);

        var choices = cut.FindAll("[data-testid=venue-picker] a");
        Assert.Equal(["all", "dydx", "gmx", "hyperliquid"], choices.Select(a => a.GetAttribute("data-venue")));
        Assert.Equal("true", choices[0].GetAttribute("aria-current"));
        Assert.Contains("venue=gmx", choices[2].GetAttribute("href"));
        var (_, series) = Created("liquidation-ladder-BTC");
        Assert.Equal(
            [("Longs · measured (cumulative)", "longs"), ("Shorts · measured (cumulative)", "shorts"), ("Longs · modelled (cumulative)", "longs"),
             ("Shorts · modelled (cumulative)", "shorts"), ("Realised liquidations (range)", null)],
            series.Select(s => (s.Name, s.Stack)));
        Assert.Equal("Measured", cut.Find("tr[data-venue=hyperliquid]").GetAttribute("data-kind"));
        Assert.Equal("Modelled", cut.Find("tr[data-venue=dydx]").GetAttribute("data-kind"));
        Assert.Contains("Leverage buckets", cut.Find("[data-testid=ladder-assumptions]").TextContent);
    }

    [Fact]
    public void Ticks_MoveThePriceMarkerAndPatchTheLadderOnARebuild_NeverReplaceOrRecreateIt()
    {
        var cut = Open<Liquidations>(Url, charts: 1);
        var before = cut.Markup;
        var renders = PageRenders(cut);

        Tick(World.Snapshot(version: 2, price: 91_000));

        cut.WaitForAssertion(() => Assert.Single(ChartCalls("setMarkers")));
        var marker = Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<ChartLine>>(ChartCalls("setMarkers")[0].Arg(1)));
        Assert.Equal((91_000d, "price now"), (marker.Value, marker.Label));
        Assert.Equal(["ladder-price"], MarkupChanges.Places(cut.CompareTo(before)));
        Assert.Equal(renders, PageRenders(cut));
        Assert.Empty(ChartCalls("patch"));

        Time.Advance(Liquidations.RebuildInterval);
        Tick(World.Snapshot(version: 3, price: 92_000));

        // The bins are cut around the price: when it moves, every bin moves, and each bar series goes whole; the realised
        // liquidations in range did not change and stay where they are.
        cut.WaitForAssertion(() => Assert.Single(ChartCalls("patch")));
        var patched = ChartCalls("patch")[0];
        Assert.Equal(92_000, Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<ChartLine>>(patched.Arg(2))).Value);
        var patches = Assert.IsAssignableFrom<IReadOnlyList<SeriesPatch>>(patched.Arg(1));
        var created = Created("liquidation-ladder-BTC").Series;
        Assert.Equal(created.Where(s => s.Stack is not null).Select(s => s.Id), patches.Select(p => p.Id));
        Assert.All(patches, p => Assert.NotNull(p.Data));
        Assert.Empty(ChartCalls("replace"));
        Assert.Single(ChartCalls("create"));
        Assert.Equal(renders, PageRenders(cut));

        // A page render (pause and resume) sends nothing more to the chart.
        cut.Find("[data-testid=pause]").Click();
        cut.Find("[data-testid=pause]").Click();
        Assert.Single(ChartCalls("patch"));
        Assert.Empty(ChartCalls("replace"));
        Assert.Single(ChartCalls("create"));
    }

    [Fact]
    public void Rebuild_OneLevelChanged_PatchesExactlyItsBin_AndNothingChanged_SendsNothing()
    {
        var cut = Open<Liquidations>(Url, charts: 1);
        var longs = Created("liquidation-ladder-BTC").Series.Single(s => s.Name == "Longs · measured (cumulative)");
        var outermost = longs.Data.Cast<double[]>().MinBy(p => p[0])!;

        Time.Advance(Liquidations.RebuildInterval);
        Tick(World.Snapshot(version: 2, farLongUsd: 7e6));

        cut.WaitForAssertion(() => Assert.Single(ChartCalls("patch")));
        var patch = Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<SeriesPatch>>(ChartCalls("patch")[0].Arg(1)));
        Assert.Equal(longs.Id, patch.Id);
        Assert.Equal([outermost[0], outermost[1] + 7], Assert.Single(patch.Set!));
        Assert.Equal((null, null, null), (patch.Remove, patch.Insert, patch.Data));
        // Same price: the marker stays where it is.
        Assert.Null(ChartCalls("patch")[0].Arg(2));

        // A rebuild where only dYdX's open interest moved: its row shows it (so the rebuild ran), the ladder is the same.
        var dydx = cut.Find("tr[data-venue=dydx]").TextContent;
        Time.Advance(Liquidations.RebuildInterval);
        Tick(World.Snapshot(version: 3, farLongUsd: 7e6, dydxOiScale: 1.25));

        cut.WaitForAssertion(() => Assert.NotEqual(dydx, cut.Find("tr[data-venue=dydx]").TextContent));
        Assert.Single(ChartCalls("patch"));
        Assert.Empty(ChartCalls("replace"));
        Assert.Empty(ChartCalls("setMarkers"));
    }

    [Fact]
    public void OneVenue_OnlyItsLadderAndItsChipCurrent()
    {
        var cut = Open<Liquidations>(Url + "&venue=dydx", charts: 1);

        Assert.Equal("true", cut.Find("[data-testid=venue-picker] a[data-venue=dydx]").GetAttribute("aria-current"));
        Assert.Equal("Modelled", cut.Find("[data-testid=ladder-kind]").TextContent.Trim());
        Assert.DoesNotContain(Created("liquidation-ladder-BTC").Series, s => s.Name.Contains("measured", StringComparison.Ordinal));
    }

    [Fact]
    public void Pause_FreezesTheMarker()
    {
        var cut = Open<Liquidations>(Url, charts: 1);
        cut.Find("[data-testid=pause]").Click();
        Tick(World.Snapshot(version: 2, price: 91_000));
        cut.Find("[data-testid=pause]").Click();
        Tick(World.Snapshot(version: 3, price: 93_000));

        cut.WaitForAssertion(() => Assert.Single(ChartCalls("setMarkers")));
        Assert.Equal(93_000, Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<ChartLine>>(ChartCalls("setMarkers")[0].Arg(1))).Value);
        Assert.Equal("93,000", cut.Find("[data-testid=ladder-price]").TextContent);
    }

    [Fact]
    public async Task Dispose_Unsubscribes()
    {
        var before = Hub.SubscriberCount;
        Open<Liquidations>(Url, charts: 1);
        Assert.Equal(before + 1, Hub.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(before, Hub.SubscriberCount);
    }

    [Fact]
    public void SharedView_RendersNoVenueChoiceOrOtherControl()
    {
        var state = ViewState.Default with { Asset = "BTC", Venue = "dydx", Range = TimeRange.Presets.Single(r => r.Token == "7d") };
        var cut = OpenShared<Liquidations>(state, charts: 1);

        foreach (var control in new[] { "[data-testid=venue-picker]", "[data-testid=asset-picker]", "[data-testid=range-picker]", "[data-testid=pause]", "[data-testid=share-open]" })
        {
            Assert.Empty(cut.FindAll(control));
        }
        Assert.Equal("Modelled", cut.Find("[data-testid=ladder-kind]").TextContent.Trim());
    }
}
