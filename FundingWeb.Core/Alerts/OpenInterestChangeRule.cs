namespace FundingWeb.Core.Alerts;

/// <summary>
/// Open interest (USD) of <see cref="Asset"/> on <see cref="Venue"/> (or summed over fresh venues) changed by more than
/// <see cref="ThresholdFraction"/> over <see cref="Window"/>. The evaluator keeps the history from successive snapshots
/// (bounded: about 240 samples per rule), so a rule says nothing until it has watched for one window, including after a
/// restart. <see cref="AlertRule.Hysteresis"/> is a fraction: clears at change ≤ threshold − hysteresis.
/// </summary>
public sealed record OpenInterestChangeRule : AlertRule
{
    public required string Asset { get; init; }

    public string? Venue { get; init; }

    /// <summary>0.1 = 10 %.</summary>
    public double ThresholdFraction { get; init; }

    public TimeSpan Window { get; init; } = TimeSpan.FromHours(1);

    public ChangeDirection Direction { get; init; } = ChangeDirection.Either;

    public override AlertRuleKind Kind => AlertRuleKind.OpenInterestChange;
}

public enum ChangeDirection
{
    Either,
    Rise,
    Fall,
}
