using FundingWeb.Core.Venues;

namespace FundingWeb.Polling;

/// <summary>
/// The live adapters by venue id. Each entry builds a client from an HttpClient, its options and the clock.
/// </summary>
public static class LiveVenues
{
    public const string HttpClientName = "venues";

    public static IReadOnlyDictionary<string, Func<HttpClient, VenueOptions, TimeProvider, IVenueClient>> Factories { get; } =
        new Dictionary<string, Func<HttpClient, VenueOptions, TimeProvider, IVenueClient>>(StringComparer.OrdinalIgnoreCase);
}
