namespace FundingWeb.Core.Alerts;

/// <summary>
/// The widest cross-venue spread of <see cref="Asset"/> (<see cref="Spreads.FundingSpread.Widest"/> over fresh venues,
/// simple APR, before fees) above <see cref="ThresholdApr"/> without a break for at least <see cref="MinDuration"/>.
/// <see cref="AlertRule.Hysteresis"/> is an APR fraction: clears at spread ≤ threshold − hysteresis.
/// </summary>
public sealed record SpreadRule : AlertRule
{
    public required string Asset { get; init; }

    /// <summary>APR as a fraction (0.3 = 30 % APR).</summary>
    public double ThresholdApr { get; init; }

    public TimeSpan MinDuration { get; init; }

    public override AlertRuleKind Kind => AlertRuleKind.Spread;

    public override TimeSpan SustainFor => MinDuration;
}
