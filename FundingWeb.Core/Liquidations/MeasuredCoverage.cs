namespace FundingWeb.Core.Liquidations;

/// <summary>
/// How much of a venue's open interest a measured ladder sees. A position counts when it has a liquidation price
/// (finite and positive: venues report none for positions that cannot be liquidated).
/// </summary>
/// <param name="Coverage">Σ notional of such positions ÷ venue OI (USD), clamped to [0, 1]; null when OI is unknown.</param>
/// <param name="LongCoverage">Σ long notional ÷ OI, clamped. Open interest counts one side of every contract, so each
/// side alone can reach 1; see <paramref name="Coverage"/>'s remark in the report.</param>
/// <param name="ShortCoverage">Σ short notional ÷ OI, clamped.</param>
public sealed record MeasuredCoverage(double? Coverage, double? LongCoverage, double? ShortCoverage, double CoveredUsd)
{
    public static MeasuredCoverage Compute(IEnumerable<PositionLiquidation> positions, double? venueOpenInterestUsd)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var covered = positions
            .Where(p => double.IsFinite(p.LiquidationPrice) && p.LiquidationPrice > 0 && OpenInterest.UsdAmount.IsPlausible(p.NotionalUsd) && p.NotionalUsd > 0)
            .ToArray();
        var longUsd = covered.Where(p => p.Side == LiquidationSide.Long).Sum(p => p.NotionalUsd);
        var shortUsd = covered.Where(p => p.Side == LiquidationSide.Short).Sum(p => p.NotionalUsd);
        if (venueOpenInterestUsd is not { } oi || !(oi > 0) || !OpenInterest.UsdAmount.IsPlausible(oi))
        {
            return new MeasuredCoverage(null, null, null, longUsd + shortUsd);
        }
        return new MeasuredCoverage(Clamp((longUsd + shortUsd) / oi), Clamp(longUsd / oi), Clamp(shortUsd / oi), longUsd + shortUsd);
    }

    private static double Clamp(double value) => Math.Clamp(value, 0, 1);
}
