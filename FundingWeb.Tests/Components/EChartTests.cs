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
        await cut.InvokeAsync(() => cut.Instance.AppendAsync([new SeriesAppend("a:quoted", [[3000, 2]])], TimeSpan.FromHours(1)));
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
        await chart.AppendAsync([new SeriesAppend("a:quoted", [[3000, 2]])]);
        Assert.Empty(ChartCalls("append"));
    }

    [Fact]
    public async Task Patch_SameSeriesRebuilt_SendsOnlyTheChangedPointsAndNothingWhenNothingChanged()
    {
        var spec = new ChartSpec { Kind = "bar", XType = "numeric", FileName = "ladder", LiveMarkers = true, XLines = [new ChartLine(100, "price now")] };
        IReadOnlyList<ChartSeries> Ladder(double y) =>
            [ChartSeries.FromPoints("Longs", [(90L, 1), (80L, y)]) with { Stack = "longs" }, ChartSeries.FromPoints("Shorts", [(110L, 3)]) with { Stack = "shorts" }];
        var cut = Render<EChart>(p => p.Add(c => c.Spec, spec).Add(c => c.Series, Ladder(2)));

        await cut.InvokeAsync(() => cut.Instance.PatchAsync(Ladder(2.5), spec.XLines));
        var patch = Assert.Single(ChartCalls("patch"));
        var sent = Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<SeriesPatch>>(patch.Arg(1)));
        Assert.Equal("Longs", sent.Id);
        Assert.Equal([80d, 2.5], Assert.Single(sent.Set!));
        Assert.Null(patch.Arg(2));
        // What the chart holds (a CSV's source) is the rebuilt series.
        Assert.Equal([80d, 2.5], Assert.IsType<double[]>(cut.Instance.Drawn[0].Data[1]));

        // The same again: nothing to send. Only the price moved: the marker alone.
        await cut.InvokeAsync(() => cut.Instance.PatchAsync(Ladder(2.5), spec.XLines));
        Assert.Single(ChartCalls("patch"));
        await cut.InvokeAsync(() => cut.Instance.PatchAsync(Ladder(2.5), [new ChartLine(101, "price now")]));
        Assert.Single(ChartCalls("patch"));
        Assert.Equal(101, Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<ChartLine>>(Assert.Single(ChartCalls("setMarkers")).Arg(1))).Value);

        // Not the same series (reordered): replaced, never patched.
        await cut.InvokeAsync(() => cut.Instance.PatchAsync([.. Ladder(2.5).Reverse()], spec.XLines));
        Assert.Single(ChartCalls("replace"));
        Assert.Single(ChartCalls("patch"));
        Assert.Single(ChartCalls("create"));
    }
}
