using FundingWeb.Core.Funding;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// The sign of the quoted market rate of <see cref="Asset"/> on <see cref="Venue"/> flipped. A sign only counts once the
/// rate is beyond ±<see cref="AlertRule.Hysteresis"/> (a fraction at <see cref="Basis"/>); inside that band the last
/// sign stands. The rule remembers a reference sign: positive for <see cref="FlipDirection.ToNegative"/>, negative for
/// <see cref="FlipDirection.ToPositive"/>, the first sign seen for <see cref="FlipDirection.Either"/>. It fires when the
/// sign turns away from the reference (only after the reference sign has been seen: a market that is already negative
/// when the rule is created has not flipped) and clears when it turns back.
/// </summary>
public sealed record FundingFlipRule : AlertRule
{
    public required string Asset { get; init; }

    public required string Venue { get; init; }

    public FlipDirection Direction { get; init; } = FlipDirection.Either;

    public RateBasis Basis { get; init; } = RateBasis.Apr;

    public override AlertRuleKind Kind => AlertRuleKind.FundingFlip;
}

public enum FlipDirection
{
    Either,
    ToNegative,
    ToPositive,
}
