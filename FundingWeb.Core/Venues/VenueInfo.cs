namespace FundingWeb.Core.Venues;

/// <summary>What a venue is, including the settlement facts the carry calculator needs.</summary>
/// <param name="Id">Stable lower-case id used in URLs and the database (hyperliquid, dydx, ...).</param>
/// <param name="RollupKind">How the venue settles (appchain, zk rollup, optimistic rollup, ...): configuration, not measured.</param>
/// <param name="WithdrawalDelay">Typical time to get collateral out: configuration, not measured.</param>
/// <param name="TakerFee">Taker fee as a fraction of notional, used for spreads net of fees.</param>
public sealed record VenueInfo(
    string Id,
    string Name,
    string RollupKind,
    TimeSpan WithdrawalDelay,
    double TakerFee,
    bool IsSimulated);
