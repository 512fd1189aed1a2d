using FundingWeb.Core.Live;
using FundingWeb.Core.OpenInterest;

namespace FundingWeb.Model;

/// <summary>One line of the overview's concentration summary: total OI, HHI and the largest venue's share, now.</summary>
public sealed record AssetConcentration(string Asset, double TotalUsd, double? Hhi, string TopVenue, double TopShare)
{
    public static IReadOnlyList<AssetConcentration> Top(MarketSnapshot snapshot, ViewState state, long nowMs) =>
        snapshot.Assets.Select(asset =>
            {
                var byVenue = snapshot.Venues.Values.Where(v => state.Shows(v.Venue.Id))
                    .Select(v => (Name: v.Venue.Name, Usd: v.Markets.Values.Where(m => string.Equals(m.Market.BaseAsset, asset, StringComparison.OrdinalIgnoreCase)).Sum(m => m.OpenInterestUsd ?? 0)))
                    .Where(x => x.Usd > 0).ToList();
                var total = byVenue.Sum(x => x.Usd);
                var top = byVenue.MaxBy(x => x.Usd);
                return new AssetConcentration(asset, total, OpenInterestConcentration.Hhi(byVenue.Select(x => x.Usd)), top.Name ?? "–", total > 0 ? top.Usd / total : 0);
            })
            .Where(c => c.TotalUsd > 0)
            .OrderByDescending(c => c.TotalUsd)
            .ToList();
}
