using System.Collections.Immutable;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Live;

/// <param name="Markets">By the venue's symbol.</param>
/// <param name="RecentLiquidations">Realised liquidations of the last hours, newest last.</param>
/// <param name="Positions">Public positions' liquidation prices where the venue exposes them (measured ladders).</param>
public sealed record VenueSnapshot(
    VenueInfo Venue,
    VenueStatus Status,
    ImmutableDictionary<string, MarketQuote> Markets,
    ImmutableArray<LiquidationEvent> RecentLiquidations,
    ImmutableArray<PositionLiquidation> Positions,
    ImmutableArray<MarketError> MarketErrors)
{
    public static VenueSnapshot Empty(VenueInfo venue) => new(
        venue, VenueStatus.Unknown(venue.Id), ImmutableDictionary<string, MarketQuote>.Empty, [], [], []);

    public MarketQuote? ForAsset(string baseAsset) =>
        Markets.Values.FirstOrDefault(m => string.Equals(m.Market.BaseAsset, baseAsset, StringComparison.OrdinalIgnoreCase));
}
