using FundingWeb.Core.Reference;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Http;
using FundingWeb.Core.Venues.Hyperliquid;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Hosting;
using Microsoft.Extensions.Options;

namespace FundingWeb.Polling;

/// <summary>The reference feed of the configured world: the simulator's payload, or Hyperliquid's own endpoint.</summary>
public static class ReferenceSources
{
    /// <summary>Whether this deployment has a reference feed at all (live: only while Hyperliquid is enabled).</summary>
    public static bool Enabled(IConfiguration configuration) =>
        configuration.GetValue<bool?>("References:Enabled") != false
        && (configuration.GetValue<FeedMode?>("Feed:Mode") != FeedMode.Live || configuration.GetValue<bool?>($"Venues:{VenueIds.Hyperliquid}:Enabled") != false);

    public static IReferenceRateSource Create(IServiceProvider services, IConfiguration configuration)
    {
        var time = services.GetRequiredService<TimeProvider>();
        if (services.GetRequiredService<IOptions<FeedOptions>>().Value.Mode == FeedMode.Simulated)
        {
            return new SimulatedReferenceSource(services.GetRequiredService<SimulatedWorld>());
        }
        var venue = new VenueOptions();
        configuration.GetSection($"Venues:{VenueIds.Hyperliquid}").Bind(venue);
        var options = services.GetRequiredService<ReferenceOptions>();
        // Its own bucket, sized to its cadence; DepthSourceCatalog counts the same figure against Hyperliquid's limit.
        var edge = new VenueHttp(services.GetRequiredService<IHttpClientFactory>().CreateClient(LiveVenues.HttpClientName), new VenueOptions
        {
            BaseUrl = string.IsNullOrWhiteSpace(venue.BaseUrl) ? HyperliquidClient.DefaultBaseUrl : venue.BaseUrl,
            RequestTimeout = venue.RequestTimeout,
            RequestsPerMinute = Math.Max(1, options.RequestsPerMinute),
        }, time, HyperliquidReferenceClient.MaxResponseBytes);
        return new HyperliquidReferenceClient(edge, time);
    }
}
