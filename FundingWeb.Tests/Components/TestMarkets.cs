using System.Collections.Immutable;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;
using FundingWeb.Core.Venues;

namespace FundingWeb.Tests.Components;

/// <summary>
/// Hand-made snapshots for component tests: venues whose rates, open interest and poll times a test sets one at a time,
/// so a tick changes exactly what the test says and nothing else.
/// </summary>
internal static class TestMarkets
{
    public static VenueSnapshot Venue(string id, string name, long lastSuccessMs, params (string Asset, double Rate1h, double OiUsd)[] markets)
    {
        var info = new VenueInfo(id, name, "test", TimeSpan.Zero, 0.0005, true);
        var quotes = markets.ToImmutableDictionary(m => Symbol(id, m.Asset), m => Quote(id, m.Asset, m.Rate1h, m.OiUsd, lastSuccessMs));
        var status = VenueStatus.Unknown(id) with { LastSuccessMs = lastSuccessMs, StaleSinceMs = null, StaleReason = null, LatencyMs = 40 };
        return VenueSnapshot.Empty(info) with { Markets = quotes, Status = status };
    }

    public static MarketSnapshot Snapshot(long asOfMs, params VenueSnapshot[] venues) =>
        venues.Aggregate(MarketSnapshot.Empty, (s, v) => s.WithVenue(v, asOfMs));

    /// <summary>The venue's market symbol for an asset: plain for most, dressed like dYdX's for "dydx".</summary>
    public static string Symbol(string venue, string asset) => venue == "dydx" ? asset + "-USD" : asset;

    /// <summary>A poll of one venue that moved one market's rate: the venue is polled at <paramref name="nowMs"/>.</summary>
    public static VenueSnapshot Polled(VenueSnapshot venue, long nowMs, string asset, double rate1h)
    {
        var symbol = Symbol(venue.Venue.Id, asset);
        var quote = venue.Markets[symbol];
        var leg = quote.Legs[0] with { Rate1h = rate1h, RateRaw = rate1h, TimeMs = nowMs, FetchedAtMs = nowMs };
        return venue with { Markets = venue.Markets.SetItem(symbol, quote with { Legs = [leg], TimeMs = nowMs }), Status = venue.Status with { LastSuccessMs = nowMs } };
    }

    public static VenueSnapshot Stale(VenueSnapshot venue, long sinceMs, string reason) =>
        venue with { Status = venue.Status with { StaleSinceMs = sinceMs, StaleReason = reason } };

    private static MarketQuote Quote(string venue, string asset, double rate1h, double oiUsd, long timeMs) => new(
        new Market(venue, Symbol(venue, asset), asset, 1, 50, 0.01),
        [new FundingQuote(FundingLeg.Net, rate1h, rate1h, 1, RateUnit.Fraction, timeMs, timeMs, $"https://{venue}.example/markets#funding")],
        100, 100, oiUsd / 100, oiUsd, null, null, timeMs,
        new MarketConvention(1, RateUnit.Fraction, 0.04, "venue docs", $"https://{venue}.example/markets#funding", true, timeMs, 0));
}
