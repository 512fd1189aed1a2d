namespace FundingWeb.Core.Alerts;

/// <summary>
/// <see cref="Venue"/> (or any venue) stale, per the poller's <c>VenueStatus.StaleSinceMs</c>, for more than
/// <see cref="MinStale"/>. Clears as soon as the venue is fresh again; hysteresis is not used. The value is minutes stale.
/// </summary>
public sealed record VenueStaleRule : AlertRule
{
    public string? Venue { get; init; }

    public TimeSpan MinStale { get; init; } = TimeSpan.FromMinutes(5);

    public override AlertRuleKind Kind => AlertRuleKind.VenueStale;
}
