namespace FundingWeb.Core.Alerts;

/// <summary>
/// A market's funding interval or unit changed (PRODUCT.md: conventions change) on <see cref="Venue"/> (or any venue), for
/// <see cref="Asset"/> (or any asset). Fires when the change is seen and clears once it is older than <see cref="Window"/>,
/// so each change is one notification. The value is minutes since the change; hysteresis is not used.
/// </summary>
public sealed record ConventionChangeRule : AlertRule
{
    public string? Venue { get; init; }

    public string? Asset { get; init; }

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(60);

    public override AlertRuleKind Kind => AlertRuleKind.ConventionChange;
}
