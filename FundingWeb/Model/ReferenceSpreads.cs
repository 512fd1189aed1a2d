using FundingWeb.Core.Depth;
using FundingWeb.Core.Live;
using FundingWeb.Core.Reference;
using FundingWeb.Core.Spreads;

namespace FundingWeb.Model;

/// <summary>
/// Per asset, the widest spread between a fresh venue's quote and a CEX reference rate (e.g. long Hyperliquid vs short the
/// Binance reference): one leg here, one leg that this app does not trade. Fees and slippage are the venue leg's only (the
/// reference leg costs 0 in the formulas, and every cell says so); "held for" is not claimed, as reference history is not read
/// for spreads. A stale reference feed makes no row: its last readings are shown on the Funding page, not traded against.
/// </summary>
public static class ReferenceSpreads
{
    /// <param name="venueLeg">Slippage of the venue leg: venue, entry side, asset.</param>
    public static SpreadRow? Widest(MarketSnapshot snapshot, string asset, ViewState state, double holdingHours,
        Func<string, TradeSide, string, SpreadSlippage>? venueLeg = null)
    {
        if (snapshot.References.Status.IsStale) return null;
        var references = snapshot.References.For(asset)
            .Where(r => ReferenceExchanges.IsUsable(r.Exchange) && Math.Abs(r.Rate1h) <= FundingSpread.MaxRate1h)
            .OrderBy(r => r.Exchange, StringComparer.Ordinal).ToList();
        if (references.Count == 0) return null;
        var venues = snapshot.Venues.Values
            .Where(v => state.Shows(v.Venue.Id) && !v.Status.IsStale && double.IsFinite(v.Venue.TakerFee) && Math.Abs(v.Venue.TakerFee) <= 1)
            .Select(v => (Venue: v.Venue, Quote: v.ForAsset(asset)?.PlausibleFunding))
            .Where(x => x.Quote is not null && Math.Abs(x.Quote.Rate1h) <= FundingSpread.MaxRate1h)
            .OrderBy(x => x.Venue.Id, StringComparer.Ordinal).ToList();

        (VenueInfoAndRate Venue, ReferenceQuote Reference, double Width)? best = null;
        foreach (var (venue, quote) in venues)
        {
            foreach (var reference in references)
            {
                var width = Math.Abs(quote!.Rate1h - reference.Rate1h);
                // Strictly wider only, in id order: equal pairs do not take turns on screen.
                if (best is null || width > best.Value.Width) best = (new VenueInfoAndRate(venue, quote.Rate1h), reference, width);
            }
        }
        if (best is not { } pick) return null;

        var (v, r) = (pick.Venue, pick.Reference);
        var refId = ReferenceExchanges.LegId(r.Exchange);
        var label = ReferenceExchanges.Label(r.Exchange);
        var venueIsShort = v.Rate1h >= r.Rate1h;
        var spread = venueIsShort
            ? new FundingSpread(v.Info.Id, v.Rate1h, v.Info.TakerFee, refId, r.Rate1h, 0)
            : new FundingSpread(refId, r.Rate1h, 0, v.Info.Id, v.Rate1h, v.Info.TakerFee);
        var slippage = venueLeg?.Invoke(v.Info.Id, venueIsShort ? TradeSide.Sell : TradeSide.Buy, asset);
        return new SpreadRow(asset, spread, venueIsShort ? v.Info.Name : label, venueIsShort ? label : v.Info.Name, spread.NetApr(holdingHours), null,
            slippage, holdingHours, r.Exchange);
    }

    private sealed record VenueInfoAndRate(Core.Venues.VenueInfo Info, double Rate1h);
}
