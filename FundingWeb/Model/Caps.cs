using FundingWeb.Core.Live;

namespace FundingWeb.Model;

/// <summary>A market's leverage cap from the live snapshot, for forms that refuse leverage beyond it.</summary>
public static class Caps
{
    public static Func<string, string, (double Max, string Market)?> Of(MarketSnapshot snapshot) => (venue, asset) =>
        snapshot.Venues.TryGetValue(venue, out var v) && v.ForAsset(asset) is { } m
            ? (m.Market.MaxLeverage, $"{m.Market.Symbol} on {v.Venue.Name}")
            : null;
}
