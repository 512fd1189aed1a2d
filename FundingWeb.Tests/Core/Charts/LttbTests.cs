using Xunit;
using FundingWeb.Core.Charts;

namespace FundingWeb.Tests.Core.Charts;

[Trait("Category", "Fast")]
public class LttbTests
{
    private const long T0 = 1_767_225_600_000; // 2026-01-01T00:00Z

    private static ChartPoint[] Wave(int count) => Enumerable.Range(0, count)
        .Select(i => new ChartPoint(T0 + i * 60_000L, Math.Sin(i / 50d) * 1e-5 + (i % 7) * 1e-7))
        .ToArray();

    [Fact]
    public void Downsample_TenThousandPointsTo2000_KeepsEndsAndStrictlyIncreasingX()
    {
        var input = Wave(10_000);

        var output = Lttb.Downsample(input, 2000);

        Assert.Equal(2000, output.Count);
        Assert.Equal(input[0], output[0]);
        Assert.Equal(input[^1], output[^1]);
        Assert.All(Enumerable.Range(1, output.Count - 1), i => Assert.True(output[i].X > output[i - 1].X));
        Assert.All(output, p => Assert.Contains(p, input));
    }

    [Fact]
    public void Downsample_SingleSpikeInFlatSeries_KeepsTheSpike()
    {
        var input = Enumerable.Range(0, 1000).Select(i => new ChartPoint(T0 + i, i == 500 ? 100 : 0)).ToArray();

        var output = Lttb.Downsample(input, 50);

        Assert.Contains(new ChartPoint(T0 + 500, 100), output);
    }

    [Fact]
    public void Downsample_ThresholdAtLeastCount_ReturnsEveryPoint()
    {
        var input = Wave(10);
        Assert.Equal(input, Lttb.Downsample(input, 10));
        Assert.Equal(input, Lttb.Downsample(input, 2000));
    }

    [Fact]
    public void Downsample_EmptyInput_ReturnsEmpty()
    {
        Assert.Empty(Lttb.Downsample([], 2000));
    }

    [Fact]
    public void Downsample_ThresholdBelowThree_ReturnsThatManyWithEndsFirst()
    {
        var input = Wave(100);
        Assert.Empty(Lttb.Downsample(input, 0));
        Assert.Equal([input[^1]], Lttb.Downsample(input, 1));
        Assert.Equal([input[0], input[^1]], Lttb.Downsample(input, 2));
        Assert.Equal(3, Lttb.Downsample(input, 3).Count);
    }

    [Fact]
    public void Downsample_NegativeThreshold_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Lttb.Downsample(Wave(5), -1));
    }

    [Fact]
    public void Downsample_UnsortedInput_Throws()
    {
        ChartPoint[] input = [new(T0 + 2, 1), new(T0 + 1, 2), new(T0 + 3, 3), new(T0 + 4, 4)];
        Assert.Throws<ArgumentException>(() => Lttb.Downsample(input, 3));
    }

    [Fact]
    public void DownsampleAll_SeveralSeries_EachAtMostTheBudget()
    {
        var series = new Dictionary<string, IReadOnlyList<ChartPoint>>
        {
            ["hyperliquid"] = Wave(10_000),
            ["dydx"] = Wave(1500),
            ["gmx"] = [],
        };

        var output = Lttb.DownsampleAll(series);

        Assert.Equal(Lttb.MaxPointsPerSeries, output["hyperliquid"].Count);
        Assert.Equal(1500, output["dydx"].Count);
        Assert.Empty(output["gmx"]);
    }
}
