using FundingWeb.Core.Regimes;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// The funding regime of <see cref="Asset"/> on <see cref="Venue"/> (or on any venue) enters one of <see cref="Labels"/>
/// (by default extreme or flipping); clears when it leaves them. Value: the regime's z.
/// </summary>
public sealed record RegimeChangeRule : AlertRule
{
    public required string Asset { get; init; }

    public string? Venue { get; init; }

    public IReadOnlyList<FundingRegimeLabel> Labels { get; init; } = [FundingRegimeLabel.Extreme, FundingRegimeLabel.Flipping];

    public override AlertRuleKind Kind => AlertRuleKind.RegimeChange;
}
