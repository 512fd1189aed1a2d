namespace FundingWeb.Core.Alerts;

/// <summary>
/// The venue's own data (or any venue's) lags its fetch time by more than <see cref="MaxLagSeconds"/> for at least
/// <see cref="MinDuration"/>. Clears below the threshold − hysteresis (seconds). Value: data lag, s.
/// </summary>
public sealed record DataLagRule : AlertRule
{
    public string? Venue { get; init; }

    public double MaxLagSeconds { get; init; } = 30;

    public TimeSpan MinDuration { get; init; } = TimeSpan.FromMinutes(2);

    public override AlertRuleKind Kind => AlertRuleKind.DataLag;

    public override TimeSpan SustainFor => MinDuration;
}
