namespace FundingWeb.Core.Depth;

/// <summary>
/// An oracle-priced pool market (GMX v2) as far as price impact goes: open interest per side, how much more each side can
/// open, and the impact parameters where the venue's API exposes them. There is no book: whatever is derived from this is a
/// pool model and is labelled so.
/// </summary>
/// <param name="AvailableLongUsd">How much more long OI the pool can take (GMX <c>availableLiquidityLong</c>); null when unknown.</param>
/// <param name="Impact">Null when the API did not expose them: the documented linear model applies instead.</param>
public sealed record PoolState(
    string Venue,
    string Symbol,
    long TimeMs,
    long FetchedAtMs,
    double LongOiUsd,
    double ShortOiUsd,
    double? AvailableLongUsd,
    double? AvailableShortUsd,
    PoolImpactParameters? Impact,
    string Source)
{
    /// <summary>What a buy (more long, or fewer short) or a sell may still take before the pool refuses.</summary>
    public double? AvailableFor(TradeSide side) => side == TradeSide.Buy ? AvailableLongUsd : AvailableShortUsd;
}
