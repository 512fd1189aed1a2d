using FundingWeb.Core.Live;
using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Depth;

/// <summary>
/// The markets of one venue whose books are worth their requests: the most looked at (<see cref="DepthInterest"/>), then the
/// largest by open interest, active markets only, at most <see cref="DepthOptions.WatchedMarketsPerVenue"/>. The largest
/// <see cref="DepthOptions.LargestByOpenInterest"/> always stay in, so the book behind the headline spreads is never dropped
/// for a market someone glanced at.
/// </summary>
public static class DepthWatchList
{
    /// <param name="Hot">Read every round, ahead of the rotation.</param>
    /// <param name="Rotating">Read in turn with what is left of the round's requests.</param>
    public sealed record Pick(IReadOnlyList<Market> Hot, IReadOnlyList<Market> Rotating);

    public static Pick Of(VenueSnapshot venue, DepthInterest interest, DepthOptions options)
    {
        var active = venue.Markets.Values.Where(m => m.Market.Status == MarketStatus.Active).ToList();
        // One market per asset, the one the dashboard shows for it (GMX lists several pools per asset).
        var byAsset = active.Select(m => m.Market.BaseAsset).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(a => venue.ForAsset(a)!).Where(m => m.Market.Status == MarketStatus.Active)
            .OrderByDescending(m => m.OpenInterestUsd ?? 0).ThenBy(m => m.Market.Symbol, StringComparer.Ordinal)
            .ToList();
        var capacity = Math.Max(0, options.WatchedMarketsPerVenue);
        var largest = byAsset.Take(Math.Min(capacity, Math.Max(0, options.LargestByOpenInterest))).ToList();
        var looked = interest.Top(venue.Venue.Id, capacity)
            .Select(a => byAsset.FirstOrDefault(m => string.Equals(m.Market.BaseAsset, a, StringComparison.OrdinalIgnoreCase)))
            .OfType<MarketQuote>().ToList();

        var watched = new List<MarketQuote>();
        foreach (var m in largest.Concat(looked).Concat(byAsset))
        {
            if (watched.Count >= capacity) break;
            if (!watched.Contains(m)) watched.Add(m);
        }
        var hot = looked.Take(Math.Max(0, options.HotMarketsPerRound)).Where(watched.Contains).Select(m => m.Market).ToList();
        return new Pick(hot, watched.Select(m => m.Market).Where(m => !hot.Contains(m)).ToList());
    }
}
