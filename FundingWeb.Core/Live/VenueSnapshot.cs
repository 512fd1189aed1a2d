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

    /// <summary>
    /// The venue's market for an asset. A venue can list several (GMX has an ETH pool per collateral pair): the deepest
    /// by open interest speaks for the venue, then the lowest symbol, so the pick does not follow dictionary order
    /// (which follows string hashes, randomised per process).
    /// </summary>
    public MarketQuote? ForAsset(string baseAsset) =>
        Markets.Values
            .Where(m => string.Equals(m.Market.BaseAsset, baseAsset, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(m => m.OpenInterestUsd ?? 0)
            .ThenBy(m => m.Market.Symbol, StringComparer.Ordinal)
            .FirstOrDefault();
}
