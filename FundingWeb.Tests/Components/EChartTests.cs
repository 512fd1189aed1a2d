using Bunit;
using FundingWeb.Components.Controls;
using FundingWeb.Model.Charts;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>The chart control's contract with our module: created once, data replaced on a new series set, ticks as appends.</summary>
[Trait("Category", "Fast")]
public sealed class EChartTests : DashboardContext
{
    private static readonly ChartSpec Spec = new() { Kind = "line", YTitle = "Funding", FileName = "funding" };

    private static IReadOnlyList<ChartSeries> TwoSeries(double y) =>
    [
        ChartSeries.FromPoints("A settled", [(1000L, y)]) with { Key = "a:settled" },
        ChartSeries.FromPoints("A quoted", [(1000L, y), (2000L, y)]) with { Key = "a:quoted", Live = true },
    ];

    [Fact]
    public async Task Chart_RenderAppendAndNewSeries_CreatesOnceAppendsByIdAndReplacesOnlyOnNewData()
    {
        var series = TwoSeries(1);
        var cut = Render<EChart>(p => p.Add(c => c.Spec, Spec).Add(c => c.Series, series).Add(c => c.TestId, "chart-x"));
        Assert.Single(ChartCalls("create"));

        // A parent re-render with the same series sends nothing.
        cut.Render(p => p.Add(c => c.Spec, Spec).Add(c => c.Series, series).Add(c => c.TestId, "chart-x"));
        Assert.Single(ChartCalls("create"));
        Assert.Empty(ChartCalls("replace"));

        // A tick: only the new point, by the series' id.
        await cut.InvokeAsync(() => cut.Instance.Append([new SeriesAppend("a:quoted", [[3000, 2]])], TimeSpan.FromHours(1)));
        var append = Assert.Single(ChartCalls("append"));
        var appends = Assert.IsAssignableFrom<IReadOnlyList<SeriesAppend>>(append.Arg(1));
        Assert.Equal("a:quoted", Assert.Single(appends).Id);
        Assert.Equal([3000d, 2d], Assert.Single(appends[0].Points));
        Assert.Empty(ChartCalls("replace"));

        // New data of the same shape (a user action): replaced, not recreated.
        cut.Render(p => p.Add(c => c.Spec, Spec).Add(c => c.Series, TwoSeries(5)).Add(c => c.TestId, "chart-x"));
        Assert.Single(ChartCalls("replace"));
        Assert.Single(ChartCalls("create"));

        // A new shape recreates.
        cut.Render(p => p.Add(c => c.Spec, Spec with { YTitle = "Other" }).Add(c => c.Series, TwoSeries(5)).Add(c => c.TestId, "chart-x"));
        Assert.Equal(2, ChartCalls("create").Count);
    }

    [Fact]
    public void Chart_SeriesSentToTheModule_CarryStableIdsAndTheLiveFlag()
    {
        Render<EChart>(p => p.Add(c => c.Spec, Spec).Add(c => c.Series, TwoSeries(1)));
        var sent = Assert.IsAssignableFrom<IReadOnlyList<ChartSeries>>(Assert.Single(ChartCalls("create")).Arg(2));
        Assert.Equal(["a:settled", "a:quoted"], sent.Select(s => s.Id));
        var json = System.Text.Json.JsonSerializer.Serialize(sent, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        Assert.Contains("\"id\":\"a:quoted\"", json);
        Assert.Contains("\"live\":true", json);
        Assert.DoesNotContain("\"key\"", json);
    }

    [Fact]
    public async Task Chart_Disposed_DestroysItsChartAndStopsSending()
    {
        var cut = Render<EChart>(p => p.Add(c => c.Spec, Spec).Add(c => c.Series, TwoSeries(1)));
        var chart = cut.Instance;
        await DisposeComponentsAsync();
        Assert.Single(ChartCalls("destroy"));
        chart.Append([new SeriesAppend("a:quoted", [[3000, 2]])]);
        Assert.Empty(ChartCalls("append"));
    }

    [Fact]
    public async Task Patch_SameSeriesRebuilt_SendsOnlyTheChangedPointsAndNothingWhenNothingChanged()
    {
        var spec = new ChartSpec { Kind = "bar", XType = "numeric", FileName = "ladder", LiveMarkers = true, XLines = [new ChartLine(100, "price now")] };
        IReadOnlyList<ChartSeries> Ladder(double y) =>
            [ChartSeries.FromPoints("Longs", [(90L, 1), (80L, y)]) with { Stack = "longs" }, ChartSeries.FromPoints("Shorts", [(110L, 3)]) with { Stack = "shorts" }];
        var cut = Render<EChart>(p => p.Add(c => c.Spec, spec).Add(c => c.Series, Ladder(2)));

        await cut.InvokeAsync(() => cut.Instance.Patch(Ladder(2.5), spec.XLines));
        var patch = Assert.Single(ChartCalls("patch"));
        var sent = Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<SeriesPatch>>(patch.Arg(1)));
        Assert.Equal("Longs", sent.Id);
        Assert.Equal([80d, 2.5], Assert.Single(sent.Set!));
        Assert.Null(patch.Arg(2));
        // What the chart holds (a CSV's source) is the rebuilt series.
        Assert.Equal([80d, 2.5], Assert.IsType<double[]>(cut.Instance.Drawn[0].Data[1]));

        // The same again: nothing to send. Only the price moved: the marker alone.
        await cut.InvokeAsync(() => cut.Instance.Patch(Ladder(2.5), spec.XLines));
        Assert.Single(ChartCalls("patch"));
        await cut.InvokeAsync(() => cut.Instance.Patch(Ladder(2.5), [new ChartLine(101, "price now")]));
        Assert.Single(ChartCalls("patch"));
        Assert.Equal(101, Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<ChartLine>>(Assert.Single(ChartCalls("setMarkers")).Arg(1))).Value);

        // Not the same series (reordered): replaced, never patched.
        await cut.InvokeAsync(() => cut.Instance.Patch([.. Ladder(2.5).Reverse()], spec.XLines));
        Assert.Single(ChartCalls("replace"));
        Assert.Single(ChartCalls("patch"));
        Assert.Single(ChartCalls("create"));
    }

    [Fact]
    public async Task Append_BrowserBehind_TicksGoOnAndWhatWaitedGoesMergedWithTheNextAnswer()
    {
        var cut = Render<EChart>(p => p.Add(c => c.Spec, Spec).Add(c => c.Series, TwoSeries(1)));
        var unanswered = Charts.SetupVoid("append", _ => true); // the browser takes its time
        var ticks = ChartLane.MaxUnacknowledged + 3;
        for (var i = 0; i < ticks; i++)
        {
            var x = 3000d + i * 1000;
            await cut.InvokeAsync(() => cut.Instance.Append([new SeriesAppend("a:quoted", [[x, i]]), new SeriesAppend("a:settled", [[x, -i]])], TimeSpan.FromHours(1)));
        }
        // Every tick returned without an answer; only MaxUnacknowledged updates went, the rest wait.
        Assert.Equal(ChartLane.MaxUnacknowledged, ChartCalls("append").Count);

        unanswered.SetVoidResult();
        cut.WaitForAssertion(() => Assert.Equal(ChartLane.MaxUnacknowledged + 1, ChartCalls("append").Count));
        var merged = Assert.IsAssignableFrom<IReadOnlyList<SeriesAppend>>(ChartCalls("append")[^1].Arg(1));
        var held = Enumerable.Range(ChartLane.MaxUnacknowledged, ticks - ChartLane.MaxUnacknowledged).ToList();
        Assert.Equal(["a:quoted", "a:settled"], merged.Select(a => a.Id).Order());
        Assert.Equal(held.Select(i => 3000d + i * 1000), merged.Single(a => a.Id == "a:quoted").Points.Select(p => p[0]));
        Assert.Equal(held.Select(i => (double)-i), merged.Single(a => a.Id == "a:settled").Points.Select(p => p[1]));
        Assert.Equal(TimeSpan.FromHours(1).TotalMilliseconds, ((AppendOptions)ChartCalls("append")[^1].Arg(2)!).WindowMs);
        // Everything sent, in order, is what the server holds: nothing lost, nothing twice.
        var sentQuoted = ChartCalls("append").SelectMany(c => ((IReadOnlyList<SeriesAppend>)c.Arg(1)!).Where(a => a.Id == "a:quoted").SelectMany(a => a.Points)).Select(p => p[0]);
        Assert.Equal(cut.Instance.Drawn.Single(s => s.Id == "a:quoted").Data.Skip(2).Cast<double[]>().Select(p => p[0]), sentQuoted);
        Assert.Empty(ChartCalls("replace"));
    }

    [Fact]
    public async Task Append_MoreHeldThanAChartKeeps_GoesAsTheWholeChartOnce()
    {
        var cut = Render<EChart>(p => p.Add(c => c.Spec, Spec).Add(c => c.Series, TwoSeries(1)));
        var unanswered = Charts.SetupVoid("append", _ => true);
        for (var i = 0; i < ChartLane.MaxUnacknowledged; i++)
        {
            var x = 3000d + i;
            await cut.InvokeAsync(() => cut.Instance.Append([new SeriesAppend("a:quoted", [[x, 1]])]));
        }
        // The browser is far behind while a burst arrives: more points wait than the chart would keep.
        var burst = Enumerable.Range(0, ChartSeries.MaxPoints + 1).Select(i => new[] { 10_000d + i, i }).ToList();
        await cut.InvokeAsync(() => cut.Instance.Append([new SeriesAppend("a:quoted", burst)]));
        // Ticks keep coming while the whole chart waits to go: they are in it, not held beside it.
        for (var i = 1; i <= 3; i++)
        {
            var x = 20_000d + i;
            await cut.InvokeAsync(() => cut.Instance.Append([new SeriesAppend("a:quoted", [[x, -i]]), new SeriesAppend("a:settled", [[x, i]])]));
        }
        Assert.Empty(ChartCalls("replace"));

        unanswered.SetVoidResult();
        cut.WaitForAssertion(() => Assert.Single(ChartCalls("replace")));
        var whole = Assert.IsAssignableFrom<IReadOnlyList<ChartSeries>>(ChartCalls("replace")[0].Arg(1));
        var quoted = whole.Single(s => s.Id == "a:quoted").Data.Cast<double[]>().ToList();
        Assert.Equal(ChartSeries.MaxPoints, quoted.Count);
        Assert.Equal([20_003d, -3], quoted[^1]);
        Assert.Equal([20_003d, 3], whole.Single(s => s.Id == "a:settled").Data.Cast<double[]>().Last());
        Assert.Equal(cut.Instance.Drawn.Single(s => s.Id == "a:quoted").Data.Cast<double[]>(), quoted);
        // Nothing else was held: the whole chart was the one update after the answer.
        Assert.Equal(ChartLane.MaxUnacknowledged, ChartCalls("append").Count);
    }

    [Fact]
    public async Task Append_AfterAnUpdateTheBrowserDidNotApply_SendsTheWholeChartOnceThenAppendsAgain()
    {
        var cut = Render<EChart>(p => p.Add(c => c.Spec, Spec).Add(c => c.Series, TwoSeries(1)));
        Charts.SetupVoid("append", _ => true).SetException(new Microsoft.JSInterop.JSException("chart gone"));
        await cut.InvokeAsync(() => cut.Instance.Append([new SeriesAppend("a:quoted", [[3000, 2]])]));
        Assert.Single(ChartCalls("append"));
        // Nothing is resent on the failure itself (a browser that is gone would fail again at once)...
        Assert.Empty(ChartCalls("replace"));

        // ...the next update carries the whole chart, with the point that did not arrive.
        Charts.SetupVoid("append", _ => true).SetVoidResult();
        await cut.InvokeAsync(() => cut.Instance.Append([new SeriesAppend("a:quoted", [[4000, 3]])]));
        var whole = Assert.IsAssignableFrom<IReadOnlyList<ChartSeries>>(Assert.Single(ChartCalls("replace")).Arg(1));
        Assert.Equal([1000d, 2000d, 3000d, 4000d], whole.Single(s => s.Id == "a:quoted").Data.Cast<double[]>().Select(p => p[0]));
        Assert.Single(ChartCalls("append"));

        await cut.InvokeAsync(() => cut.Instance.Append([new SeriesAppend("a:quoted", [[5000, 4]])]));
        Assert.Equal(2, ChartCalls("append").Count);
        Assert.Single(ChartCalls("replace"));
    }

    [Fact]
    public async Task Patch_WhileAppendsWait_GoesWholeAndSupersedesThem()
    {
        var spec = new ChartSpec { Kind = "bar", XType = "numeric", FileName = "ladder", LiveMarkers = true, XLines = [new ChartLine(100, "price now")] };
        IReadOnlyList<ChartSeries> Ladder(double y) => [ChartSeries.FromPoints("Longs", [(90L, 1), (80L, y)]) with { Stack = "longs" }];
        var cut = Render<EChart>(p => p.Add(c => c.Spec, spec).Add(c => c.Series, Ladder(2)));
        var unanswered = Charts.SetupVoid("setMarkers", _ => true);
        for (var i = 0; i < ChartLane.MaxUnacknowledged + 1; i++)
        {
            var price = 100d + i;
            await cut.InvokeAsync(() => cut.Instance.SetMarkers([new ChartLine(price, "price now")]));
        }
        Assert.Equal(ChartLane.MaxUnacknowledged, ChartCalls("setMarkers").Count);

        // A rebuild while a marker waits: the chart's changes are against data the browser may not have: whole, once.
        await cut.InvokeAsync(() => cut.Instance.Patch(Ladder(2.5), [new ChartLine(120, "price now")]));
        Assert.Empty(ChartCalls("patch"));
        unanswered.SetVoidResult();
        cut.WaitForAssertion(() => Assert.Single(ChartCalls("replace")));
        var call = ChartCalls("replace")[0];
        Assert.Equal([80d, 2.5], Assert.IsType<double[]>(Assert.IsAssignableFrom<IReadOnlyList<ChartSeries>>(call.Arg(1))[0].Data[1]));
        Assert.Equal(120, Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<ChartLine>>(call.Arg(2))).Value);
        Assert.Equal(ChartLane.MaxUnacknowledged, ChartCalls("setMarkers").Count);
    }
}
