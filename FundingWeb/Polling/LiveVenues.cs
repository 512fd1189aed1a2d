using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Aevo;
using FundingWeb.Core.Venues.Dydx;
using FundingWeb.Core.Venues.Gmx;
using FundingWeb.Core.Venues.Hyperliquid;
using FundingWeb.Core.Venues.Lighter;
using FundingWeb.Core.Venues.Paradex;

namespace FundingWeb.Polling;

/// <summary>A live adapter: how to build it, where the real venue lives, and whether its rate convention is verified.</summary>
public sealed record LiveVenue(
    string Id,
    string DefaultBaseUrl,
    bool UnitVerified,
    string UnitNote,
    Func<HttpClient, VenueOptions, TimeProvider, IVenueClient> Create);

/// <summary>The six live adapters by venue id.</summary>
public static class LiveVenues
{
    public const string HttpClientName = "venues";

    public static IReadOnlyDictionary<string, LiveVenue> All { get; } = new LiveVenue[]
    {
        new(VenueIds.Hyperliquid, HyperliquidClient.DefaultBaseUrl, HyperliquidClient.UnitVerified, HyperliquidClient.UnitNote, (h, o, t) => new HyperliquidClient(h, o, t)),
        new(VenueIds.Dydx, DydxClient.DefaultBaseUrl, DydxClient.UnitVerified, DydxClient.UnitNote, (h, o, t) => new DydxClient(h, o, t)),
        new(VenueIds.Paradex, ParadexClient.DefaultBaseUrl, ParadexClient.UnitVerified, ParadexClient.UnitNote, (h, o, t) => new ParadexClient(h, o, t)),
        new(VenueIds.Lighter, LighterClient.DefaultBaseUrl, LighterClient.UnitVerified, LighterClient.UnitNote, (h, o, t) => new LighterClient(h, o, t)),
        new(VenueIds.Aevo, AevoClient.DefaultBaseUrl, AevoClient.UnitVerified, AevoClient.UnitNote, (h, o, t) => new AevoClient(h, o, t)),
        new(VenueIds.Gmx, GmxClient.DefaultBaseUrl, GmxClient.UnitVerified, GmxClient.UnitNote, (h, o, t) => new GmxClient(h, o, t)),
    }.ToDictionary(v => v.Id, StringComparer.OrdinalIgnoreCase);
}
