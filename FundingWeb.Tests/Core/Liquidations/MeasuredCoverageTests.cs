using Xunit;
using FundingWeb.Core.Liquidations;

namespace FundingWeb.Tests.Core.Liquidations;

[Trait("Category", "Fast")]
public class MeasuredCoverageTests
{
    private static readonly PositionLiquidation[] Positions =
    [
        new("BTC", LiquidationSide.Long, 90_000, 30e6),
        new("BTC", LiquidationSide.Short, 110_000, 20e6),
        new("BTC", LiquidationSide.Long, double.NaN, 5e6), // no liquidation price (cross margin with enough collateral)
    ];

    [Fact]
    public void Compute_PositionsWithLiquidationPrice_DividedByVenueOi()
    {
        // (30M + 20M) ÷ 100M = 0.5; per side 0.3 and 0.2. The 5M without a liquidation price is not covered.
        var coverage = MeasuredCoverage.Compute(Positions, 100e6);

        Assert.Equal(0.5, coverage.Coverage!.Value, 12);
        Assert.Equal(0.3, coverage.LongCoverage!.Value, 12);
        Assert.Equal(0.2, coverage.ShortCoverage!.Value, 12);
        Assert.Equal(50e6, coverage.CoveredUsd);
    }

    [Fact]
    public void Compute_MoreNotionalThanOi_IsClampedToOne()
    {
        var coverage = MeasuredCoverage.Compute(Positions, 40e6);

        Assert.Equal(1, coverage.Coverage);
        Assert.Equal(0.75, coverage.LongCoverage!.Value, 12);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0d)]
    [InlineData(double.NaN)]
    public void Compute_OiUnknown_IsNull(double? oi)
    {
        var coverage = MeasuredCoverage.Compute(Positions, oi);

        Assert.Null(coverage.Coverage);
        Assert.Null(coverage.LongCoverage);
        Assert.Equal(50e6, coverage.CoveredUsd);
    }
}
