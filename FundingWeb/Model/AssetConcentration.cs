using FundingWeb.Core.Live;
using FundingWeb.Core.OpenInterest;

namespace FundingWeb.Model;

/// <summary>One line of the overview's concentration summary: total OI, HHI and the largest venue's share, now.</summary>
/// <param name="TopShare">The largest venue's share of <paramref name="TotalUsd"/> (0..1).</param>
public sealed record AssetConcentration(string Asset, double TotalUsd, double? Hhi, string TopVenue, double TopShare)
{
    /// <summary>
    /// Assets with open interest on the venues shown, largest first. An asset whose OI is zero or unknown on every venue
    /// shown (dYdX lists markets with openInterest "0"; a filter can leave an asset with no venue at all) has no
    /// concentration to speak of and is left out; amounts that are not plausible USD count as unknown.
    /// </summary>
    public static ValueList<AssetConcentration> Top(MarketSnapshot snapshot, ViewState state)
    {
        var rows = new List<AssetConcentration>();
        foreach (var asset in snapshot.Assets)
        {
            var byVenue = snapshot.Venues.Values.Where(v => state.Shows(v.Venue.Id))
                .Select(v => (v.Venue.Name, Usd: v.Markets.Values
                    .Where(m => string.Equals(m.Market.BaseAsset, asset, StringComparison.OrdinalIgnoreCase) && UsdAmount.IsPlausible(m.OpenInterestUsd))
                    .Sum(m => m.OpenInterestUsd!.Value)))
                .Where(x => x.Usd > 0)
                .OrderByDescending(x => x.Usd).ThenBy(x => x.Name, StringComparer.Ordinal)
                .ToList();
            if (byVenue.Count == 0) continue;
            var total = byVenue.Sum(x => x.Usd);
            var top = byVenue[0];
            rows.Add(new AssetConcentration(asset, total, OpenInterestConcentration.Hhi(byVenue.Select(x => x.Usd)), top.Name, top.Usd / total));
        }
        return rows.OrderByDescending(c => c.TotalUsd).ThenBy(c => c.Asset, StringComparer.Ordinal).ToValueList();
    }
}
