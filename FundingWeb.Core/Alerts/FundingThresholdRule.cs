using FundingWeb.Core.Funding;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// The quoted market rate of <see cref="Asset"/> above (or below) <see cref="Threshold"/> at <see cref="Basis"/>.
/// <see cref="Threshold"/> and <see cref="AlertRule.Hysteresis"/> are fractions at that basis (0.5 at APR = 50 % APR).
/// Above fires at value &gt; threshold and clears at value ≤ threshold − hysteresis; Below mirrors it. With no
/// <see cref="Venue"/> every fresh venue counts: the highest rate for Above, the lowest for Below.
/// </summary>
public sealed record FundingThresholdRule : AlertRule
{
    public required string Asset { get; init; }

    /// <summary>A venue id, or null for any venue.</summary>
    public string? Venue { get; init; }

    public ThresholdDirection Direction { get; init; } = ThresholdDirection.Above;

    public double Threshold { get; init; }

    public RateBasis Basis { get; init; } = RateBasis.Apr;

    public override AlertRuleKind Kind => AlertRuleKind.FundingThreshold;
}

public enum ThresholdDirection
{
    Above,
    Below,
}
