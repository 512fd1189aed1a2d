using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.OpenInterest;
using FundingWeb.Core.Prices;

namespace FundingWeb.Core.Venues;

/// <param name="DataTimeMs">The venue's own timestamp for this state, when it gives one; lets the poller see lagging data.</param>
public sealed record VenuePoll(
    long FetchedAtMs,
    IReadOnlyList<Market> Markets,
    IReadOnlyList<RawFundingRate> Funding,
    IReadOnlyList<OpenInterestObservation> OpenInterest,
    IReadOnlyList<PriceObservation> Prices,
    IReadOnlyList<LiquidationEvent> Liquidations,
    IReadOnlyList<MarketError> MarketErrors,
    long? DataTimeMs = null,
    IReadOnlyList<PositionLiquidation>? Positions = null);

/// <summary>One market that could not be read this poll, with why. The rest of the venue still counts.</summary>
/// <param name="Kept">
/// The market was read and kept, with a note: part of it fell back to a documented default or was left out (Lighter margins
/// in an unknown shape, a GMX borrow leg with a doubtful sign, dYdX liquidations that failed). It counts as read.
/// </param>
public sealed record MarketError(string Symbol, string Reason, bool Kept = false);
