using FundingWeb.Components.Controls;
using FundingWeb.Model.Charts;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>What a chart's lane holds for a browser that does not answer is bounded by the chart's size, however long it waits.</summary>
[Trait("Category", "Fast")]
public sealed class ChartLaneTests
{
    [Fact]
    public void Append_BrowserNeverAnswers_HeldPointsNeverPassAChartsSize()
    {
        var calls = new List<string>();
        var answers = new List<TaskCompletionSource<bool>>();
        var held = 0;
        var lane = new ChartLane((identifier, _) =>
        {
            calls.Add(identifier);
            var answer = new TaskCompletionSource<bool>();
            answers.Add(answer);
            return answer.Task;
        }, () => [Array.Empty<ChartSeries>(), null], () => held++);
        var options = new AppendOptions(ChartSeries.MaxPoints, null, null, null);

        for (var i = 0; i < ChartLane.MaxUnacknowledged; i++) lane.Append([new SeriesAppend("a", [[i, 1]])], options);
        Assert.Equal(ChartLane.MaxUnacknowledged, lane.InFlight);
        Assert.Equal(0, lane.HeldPoints);

        for (var tick = 0; tick < 10_000; tick++)
        {
            lane.Append([new SeriesAppend("a", [[1_000 + tick, 1]]), new SeriesAppend("b", [[1_000 + tick, 2]])], options);
            Assert.InRange(lane.HeldPoints, 0, ChartSeries.MaxPoints);
        }
        Assert.True(lane.Holding);
        Assert.Equal(10_000, held);
        Assert.Equal(ChartLane.MaxUnacknowledged, calls.Count);

        // One answer: the whole chart goes, once, and nothing waits any more.
        answers[0].SetResult(true);
        Assert.Equal(["append", "append", "append", "replace"], calls);
        Assert.False(lane.Holding);
        Assert.Equal(0, lane.HeldPoints);
    }
}
