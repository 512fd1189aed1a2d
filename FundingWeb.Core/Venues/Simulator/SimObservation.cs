using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.OpenInterest;
using FundingWeb.Core.Prices;

namespace FundingWeb.Core.Venues.Simulator;

/// <summary>What a simulated venue's API returns at one instant, already in the venue's own conventions.</summary>
public sealed record SimObservation(
    long DataTimeMs,
    IReadOnlyList<Market> Markets,
    IReadOnlyList<RawFundingRate> Funding,
    IReadOnlyList<OpenInterestObservation> OpenInterest,
    IReadOnlyList<PriceObservation> Prices,
    IReadOnlyList<LiquidationEvent> Liquidations,
    IReadOnlyList<PositionLiquidation> Positions);
