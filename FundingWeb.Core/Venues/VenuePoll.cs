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
public sealed record MarketError(string Symbol, string Reason);
