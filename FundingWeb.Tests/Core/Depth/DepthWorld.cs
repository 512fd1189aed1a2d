using System.Collections.Immutable;
using FundingWeb.Core.Live;
using FundingWeb.Core.Venues;
using Microsoft.Extensions.Options;

namespace FundingWeb.Tests.Core.Depth;

/// <summary>A hub holding one venue's markets, as the funding poll would have published them.</summary>
public static class DepthWorld
{
    /// <param name="markets">Asset, open interest in USD, price; symbols are the assets.</param>
    public static VenueSnapshot Venue(string venue, params (string Asset, double OiUsd, double Price)[] markets) => new(
        new VenueInfo(venue, venue, "", TimeSpan.FromHours(1), 0.0005, IsSimulated: false),
        VenueStatus.Unknown(venue),
        markets.ToImmutableDictionary(m => m.Asset, m => new MarketQuote(
            new Market(venue, m.Asset, m.Asset, 1, 20, 0.01), [], m.Price, m.Price, m.OiUsd / m.Price, m.OiUsd, null, null, 0)),
        [], [], []);

    public static MarketHub Hub(TimeProvider time, params VenueSnapshot[] venues)
    {
        var hub = new MarketHub(Options.Create(new LiveOptions()), time);
        foreach (var v in venues) hub.Publish(s => s.WithVenue(v, 0));
        return hub;
    }
}
