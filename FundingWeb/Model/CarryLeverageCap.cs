using FundingWeb.Core.Live;

namespace FundingWeb.Model;

/// <summary>The most leverage the chosen market allows, and the names to say it with.</summary>
public sealed record CarryLeverageCap(double MaxLeverage, string Symbol, string VenueName)
{
    /// <summary>The cap of the venue's market for the asset, where the feed lists one.</summary>
    public static CarryLeverageCap? Of(MarketSnapshot snapshot, string? venueId, string? asset) =>
        venueId is not null && asset is not null && snapshot.Venues.TryGetValue(venueId, out var venue) && venue.ForAsset(asset) is { } market
            ? new CarryLeverageCap(market.Market.MaxLeverage, market.Market.Symbol, venue.Venue.Name)
            : null;
}
