using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Live;

namespace FundingWeb.Model;

/// <summary>What the carry page read for one position (on navigation): the market as it was then, its history and levels.</summary>
/// <param name="Episodes">The lengths of the venue chain's past congestion episodes (venue health history, stress look-back).</param>
public sealed record CarryLoad(
    CarryQuery Query, VenueSnapshot Venue, MarketQuote Market, IReadOnlyList<FundingRate> History, IReadOnlyList<LadderEntry> Levels, LadderKind LevelsKind,
    IReadOnlyList<TimeSpan>? Episodes = null);
