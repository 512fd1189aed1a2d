using FundingWeb.Core.Liquidations;

namespace FundingWeb.Core.Carry;

/// <summary>Every cost is position-signed USD over the stated hours: positive = the position pays, negative = it receives.</summary>
public sealed record CarryEstimate(
    CarryPosition Position,
    ExpectedFunding? Expected,
    RealisedCarry Realised,
    StressRow Stress,
    LiquidationDistance Liquidation);

/// <summary>Funding over the holding time at the term structure's average for the window nearest it.</summary>
public sealed record ExpectedFunding(string WindowLabel, double WindowHours, double AverageRate1h, int SampleCount, double CostUsd)
{
    public double Apr => AverageRate1h * Funding.FundingBasis.HoursPerYear;
}

/// <summary>
/// What the carry turned out to be in past windows of the holding length that started with a quote close to today's
/// (see <see cref="CarryOptions.CloseQuoteAbsoluteApr"/>): realised APR percentiles and what each costs this position.
/// </summary>
/// <param name="QuotedApr">Today's quote; <paramref name="BandLowApr"/>..<paramref name="BandHighApr"/> is "close".</param>
/// <param name="Count">Past windows matched (fully settled ones only).</param>
public sealed record RealisedCarry(
    double? QuotedApr, double BandLowApr, double BandHighApr, int Count,
    double? P5Apr, double? P50Apr, double? P95Apr,
    double? P5CostUsd, double? P50CostUsd, double? P95CostUsd,
    double? P50SlippageApr);

/// <summary>
/// Funding at the venue market's recent tail for the venue's exit delay: the 95th/99th percentile of settled rate_1h in
/// the direction that hurts the position (for a short, the 5th/1st percentile: a short pays when funding is negative).
/// </summary>
public sealed record StressRow(double ExitDelayHours, int SampleCount, double? P95Rate1h, double? P99Rate1h, double? P95CostUsd, double? P99CostUsd);

/// <param name="DistanceFraction">|price − liquidation| ÷ price = 1/L − mmr.</param>
/// <param name="NearestCluster">The nearest liquidation cluster on the position's side between price and its own
/// liquidation (plus a margin): a cascade there pushes price toward it. Null when none.</param>
public sealed record LiquidationDistance(double EntryPrice, double LiquidationPrice, double DistanceFraction, LiquidationCluster? NearestCluster);

/// <param name="DistanceFraction">From price to the cluster's nearer edge, as a fraction of price.</param>
public sealed record LiquidationCluster(LadderKind Kind, double Low, double High, double NotionalUsd, double DistanceFraction);
