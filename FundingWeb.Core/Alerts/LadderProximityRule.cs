using FundingWeb.Core.Liquidations;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// Price within <see cref="WithinFraction"/> of liquidation levels holding at least <see cref="MinNotionalUsd"/>: the
/// ladder's cumulative notional at price × (1 − within) for longs, price × (1 + within) for shorts, i.e. what a move of
/// that size would liquidate. Levels come from the evaluator's <see cref="ILiquidationLevels"/>.
/// <see cref="AlertRule.Hysteresis"/> is a price fraction added to the band while firing: it clears once even
/// within + hysteresis holds less than the minimum.
/// </summary>
public sealed record LadderProximityRule : AlertRule
{
    public required string Asset { get; init; }

    public string? Venue { get; init; }

    /// <summary>0.02 = 2 % of price.</summary>
    public double WithinFraction { get; init; }

    public double MinNotionalUsd { get; init; }

    /// <summary>Which side's liquidations; null for both.</summary>
    public LiquidationSide? Side { get; init; }

    public override AlertRuleKind Kind => AlertRuleKind.LadderProximity;
}
