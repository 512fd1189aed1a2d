using System.IO.Compression;
using Bunit;
using FundingWeb.Model;
using FundingWeb.Model.Charts;
using Xunit;
using FundingPage = FundingWeb.Components.Pages.Funding;

namespace FundingWeb.Tests.Components.Pages;

/// <summary>
/// The Funding page from a URL over real history: three charts created once, live quotes appended by id without a render,
/// implausible rows as markers and counted, CSVs of what the charts hold, pause, dispose, and the shared view.
/// </summary>
[Trait("Category", "Fast")]
public sealed class FundingPageTests : ChartPageContext
{
    private const string Url = "/funding?asset=BTC&range=7d&basis=8h";

    [Fact]
    public void PastedUrl_HistoryHasSettledQuotedLiveAndImplausibleMarkersCounted()
    {
        var cut = Open<FundingPage>(Url, charts: 4);

        var (spec, series) = Created("funding-BTC-7d");
        Assert.Equal(["dYdX v4 settled", "dYdX v4 quoted", "GMX v2 settled", "GMX v2 quoted", "Hyperliquid settled", "Hyperliquid quoted", FundingMarkers.Name],
            series.Select(s => s.Name));
        Assert.Equal(series.Select(s => s.Name.EndsWith(" quoted", StringComparison.Ordinal)), series.Select(s => s.Live));
        Assert.Equal([0, 4, 0, 4, 0, 4, 0], spec.DashArray);
        var markers = Assert.Single(series, s => s.Marker);
        // 0.05 per hour at the 8h basis, in percent: the real value travels, the chart draws it inside its range.
        Assert.All(markers.Data.Cast<double[]>(), p => Assert.Equal(40, p[1], 6));
        Assert.All(markers.Notes!, n => Assert.Equal($"dYdX v4 BTC-USD: {ChartPageWorld.ImplausibleReason}", n));
        Assert.All(series.Where(s => !s.Marker).SelectMany(s => s.Data).Cast<double[]>(), p => Assert.InRange(p[1], -1, 1));
        var note = cut.Find("[data-testid=implausible-note]");
        Assert.Equal("2", note.GetAttribute("data-rows"));
        Assert.Contains("2 implausible rows left out of the lines", note.TextContent);
    }

    [Fact]
    public void LiveTick_AppendsOnlyNewQuotesByIdAndRendersNothing()
    {
        var cut = Open<FundingPage>(Url, charts: 4);
        var before = cut.Markup;
        var renders = PageRenders(cut);

        Tick(World.Snapshot(quoteMs: World.NowMs + 5_000, version: 2));
        cut.WaitForAssertion(() => Assert.Single(ChartCalls("append")));
        // The same quotes again, then newer ones: the repeat sends nothing, so the second append carries the newer time.
        Tick(World.Snapshot(quoteMs: World.NowMs + 5_000, version: 3));
        Tick(World.Snapshot(quoteMs: World.NowMs + 10_000, version: 4));
        cut.WaitForAssertion(() => Assert.Equal(2, ChartCalls("append").Count));

        var appended = Appended();
        Assert.Equal(["dydx:quoted", "gmx:quoted", "hyperliquid:quoted"], appended[0].Appends.Select(a => a.Id).Order());
        Assert.All(appended[0].Appends, a => Assert.Equal(World.NowMs + 5_000, Assert.Single(a.Points)[0]));
        Assert.All(appended[1].Appends, a => Assert.Equal(World.NowMs + 10_000, Assert.Single(a.Points)[0]));
        Assert.Equal(TimeSpan.FromDays(7).TotalMilliseconds, Option(appended[0].Options, "windowMs"));
        Assert.Equal(TimeSpan.FromDays(7).TotalMilliseconds / ChartSeries.MaxPoints, Option(appended[0].Options, "mergeMs"));
        // Only the as-of stamp moves (it renders alone); the page and its charts' markup do not.
        Assert.Equal(["as-of"], MarkupChanges.Places(cut.CompareTo(before)));
        Assert.Equal(renders, PageRenders(cut));
        Assert.Empty(ChartCalls("replace"));
        Assert.Equal(4, ChartCalls("create").Count);
    }

    [Fact]
    public void PageRender_AfterTicks_NeverResendsHistory()
    {
        var cut = Open<FundingPage>(Url, charts: 4);
        Tick(World.Snapshot(quoteMs: World.NowMs + 5_000, version: 2));
        cut.WaitForAssertion(() => Assert.Single(ChartCalls("append")));

        cut.Find("[data-testid=pause]").Click();
        cut.Find("[data-testid=pause]").Click();

        Assert.Contains("Pause", cut.Find("[data-testid=pause]").TextContent);
        Assert.Empty(ChartCalls("replace"));
        Assert.Equal(4, ChartCalls("create").Count);
    }

    [Fact]
    public void Pause_FreezesTheChartsAndResumeCarriesOn()
    {
        var cut = Open<FundingPage>(Url, charts: 4);
        cut.Find("[data-testid=pause]").Click();
        Assert.Contains("Resume", cut.Find("[data-testid=pause]").TextContent);

        Tick(World.Snapshot(quoteMs: World.NowMs + 5_000, version: 2));
        cut.Find("[data-testid=pause]").Click();
        Tick(World.Snapshot(quoteMs: World.NowMs + 10_000, version: 3));

        cut.WaitForAssertion(() => Assert.Single(ChartCalls("append")));
        Assert.All(Appended()[0].Appends, a => Assert.Equal(World.NowMs + 10_000, Assert.Single(a.Points)[0]));
    }

    [Fact]
    public async Task Dispose_Unsubscribes()
    {
        var before = Hub.SubscriberCount;
        Open<FundingPage>(Url, charts: 4);
        Assert.Equal(before + 1, Hub.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(before, Hub.SubscriberCount);
        Assert.Equal(4, ChartCalls("destroy").Count);
    }

    [Fact]
    public void SharedView_RendersTheSavedViewWithNoControl()
    {
        var state = ViewState.Default with { Asset = "BTC", Range = TimeRange.Presets.Single(r => r.Token == "7d") };
        var cut = OpenShared<FundingPage>(state, charts: 4);

        Assert.Contains("Shared view", cut.Find("[data-testid=shared-label]").TextContent);
        foreach (var control in new[] { "[data-testid=asset-picker]", "[data-testid=range-picker]", "[data-testid=pause]", "[data-testid=download-all]",
                     "[data-testid=share-open]", "[data-testid=slippage-window]", "a.fw-chip", "a[data-basis]" })
        {
            Assert.Empty(cut.FindAll(control));
        }
    }

    [Fact]
    public void Csv_AfterATick_HoldsTheLivePointAndTheMarkers_AndTheZipEveryChart()
    {
        var cut = Open<FundingPage>(Url, charts: 4);
        var (_, created) = Created("funding-BTC-7d");
        Tick(World.Snapshot(quoteMs: World.NowMs + 5_000, version: 2));
        cut.WaitForAssertion(() => Assert.Single(ChartCalls("append")));

        cut.FindAll("[data-testid=export-csv]")[0].Click();

        var download = Assert.Single(ChartCalls("downloadText"));
        Assert.Equal("funding-BTC-7d.csv", download.Arg(0));
        var rows = ((string)download.Arg(1)!).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).Skip(1).ToList();
        Assert.Equal(created.Single(s => s.Name == "Hyperliquid quoted").Data.Count + 1, rows.Count(r => r.Split(',')[1] == "Hyperliquid quoted"));
        Assert.Equal(2, rows.Count(r => r.Split(',')[1] == FundingMarkers.Name && r.Split(',')[2] == "40"));
        Assert.DoesNotContain(FundingMarkers.Name, ((string)download.Arg(1)!).Split("\r\n").First(l => l.StartsWith("# venue:", StringComparison.Ordinal)));

        cut.Find("[data-testid=download-all]").Click();
        var zip = Assert.Single(ChartCalls("downloadBase64"));
        Assert.Equal("funding-BTC-7d.zip", zip.Arg(0));
        using var archive = new ZipArchive(new MemoryStream(Convert.FromBase64String((string)zip.Arg(1)!)));
        Assert.Equal(["funding-BTC-7d.csv", "funding-slippage-BTC-24h.csv", "term-structure-BTC.csv"], archive.Entries.Select(e => e.FullName).Order());
    }
}
