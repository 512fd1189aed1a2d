using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Carry;

/// <summary>What the calculator needs to know about the position's market, read by the caller (history from SQLite on
/// user action, price and quote from the live snapshot).</summary>
/// <param name="Venue">Settlement facts: <see cref="VenueInfo.WithdrawalDelay"/> is the exit delay of the stress row.</param>
/// <param name="Price">Entry price (mark, else index).</param>
/// <param name="MaintenanceMargin">The market's maintenance margin fraction.</param>
/// <param name="QuotedRate1h">Today's quote; null takes the last quoted row of <paramref name="History"/>.</param>
/// <param name="History">Quoted and settled rows of this venue market (net leg), at least the stress look-back.</param>
/// <param name="Levels">Liquidation levels of this market (measured positions and/or modelled lots), possibly empty.</param>
/// <param name="LevelsKind">Where <paramref name="Levels"/> came from, shown beside the cluster.</param>
public sealed record CarryMarket(
    VenueInfo Venue,
    double Price,
    double MaintenanceMargin,
    double? QuotedRate1h,
    IReadOnlyList<FundingRate> History,
    IReadOnlyList<LadderEntry> Levels,
    LadderKind LevelsKind,
    long NowMs);
