using Xunit;
using FundingWeb.Core.Charts;

namespace FundingWeb.Tests.Core.Charts;

[Trait("Category", "Fast")]
public class PercentilesTests
{
    [Fact]
    public void Of_FiveValues_InterpolatesLinearlyBetweenRanks()
    {
        double[] values = [5, 1, 4, 2, 3];
        // rank = q × (n − 1): p50 → rank 2 → 3; p95 → rank 3.8 → 4 + 0.8 × (5 − 4) = 4.8; p99 → rank 3.96 → 4.96.
        Assert.Equal(3d, Percentiles.Of(values, 0.50)!.Value, 12);
        Assert.Equal(4.8, Percentiles.P95(values)!.Value, 12);
        Assert.Equal(4.96, Percentiles.P99(values)!.Value, 12);
        Assert.Equal(1d, Percentiles.Of(values, 0)!.Value, 12);
        Assert.Equal(5d, Percentiles.Of(values, 1)!.Value, 12);
    }

    [Fact]
    public void Of_SeveralQuantiles_MatchesOneAtATime()
    {
        var values = Enumerable.Range(0, 101).Select(i => (double)i).ToArray();
        var p = Percentiles.Of(values, [0.05, 0.5, 0.95]);
        Assert.Equal([5d, 50d, 95d], p.Select(v => v!.Value).ToArray());
    }

    [Fact]
    public void Of_EmptySeries_IsNull()
    {
        Assert.Null(Percentiles.P95([]));
    }

    [Fact]
    public void Of_SingleValue_IsThatValueAtEveryPercentile()
    {
        Assert.Equal(-0.25, Percentiles.Of([-0.25], 0.01));
        Assert.Equal(-0.25, Percentiles.P99([-0.25]));
    }

    [Fact]
    public void Of_NonFiniteValues_AreIgnored()
    {
        Assert.Equal(2d, Percentiles.Of([1, double.NaN, 3, double.PositiveInfinity], 0.5));
        Assert.Null(Percentiles.Of([double.NaN], 0.5));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(95)]
    [InlineData(double.NaN)]
    public void Of_QuantileOutsideZeroToOne_Throws(double q)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of([1, 2, 3], q));
    }
}
