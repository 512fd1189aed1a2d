namespace FundingWeb.Core.Alerts;

/// <summary>
/// <see cref="Venue"/> (or any venue) not fresh by the venue health rule (stale, or degraded: it answers but no market is
/// readable) for more than <see cref="MinStale"/>. Clears as soon as the venue is fresh again; hysteresis is not used. The
/// value is minutes stale or degraded.
/// </summary>
public sealed record VenueStaleRule : AlertRule
{
    public string? Venue { get; init; }

    public TimeSpan MinStale { get; init; } = TimeSpan.FromMinutes(5);

    public override AlertRuleKind Kind => AlertRuleKind.VenueStale;
}
