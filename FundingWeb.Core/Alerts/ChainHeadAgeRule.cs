namespace FundingWeb.Core.Alerts;

/// <summary>
/// The settlement chain of <see cref="Venue"/> (or of any venue) has a newest block older than <see cref="MaxAgeSeconds"/>,
/// or its sequencer is reported down. Clears once the head is younger than the threshold − hysteresis (seconds). Value: head age, s.
/// </summary>
public sealed record ChainHeadAgeRule : AlertRule
{
    public string? Venue { get; init; }

    public double MaxAgeSeconds { get; init; } = 120;

    public override AlertRuleKind Kind => AlertRuleKind.ChainHeadAge;
}
