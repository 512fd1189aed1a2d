using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Hosting;
using Microsoft.Extensions.Options;

namespace FundingWeb.Polling;

/// <summary>The venues the configured feed polls: the simulated six, or the enabled live adapters.</summary>
public sealed class VenueClientCatalog
{
    public VenueClientCatalog(IOptions<FeedOptions> feed, IOptions<SimulatorOptions> simulator, IServiceProvider services, IConfiguration configuration)
    {
        if (feed.Value.Mode == FeedMode.Simulated)
        {
            var world = services.GetRequiredService<SimulatedWorld>();
            var sim = simulator.Value;
            Targets = world.Venues
                .Select(p => new PollTarget(new SimulatedVenueClient(world, p), new PollerSettings(sim.PollInterval, sim.BackfillDays, TimeSpan.FromSeconds(5))))
                .ToList();
            return;
        }

        var http = services.GetRequiredService<IHttpClientFactory>();
        var time = services.GetRequiredService<TimeProvider>();
        var targets = new List<PollTarget>();
        // LiveVenues is the one list of live adapters; configuration only tunes or disables them.
        foreach (var live in LiveVenues.All.Values)
        {
            var options = new VenueOptions();
            configuration.GetSection($"Venues:{live.Id}").Bind(options);
            if (!options.Enabled) continue;
            if (string.IsNullOrWhiteSpace(options.BaseUrl)) options.BaseUrl = live.DefaultBaseUrl;
            var client = live.Create(http.CreateClient(LiveVenues.HttpClientName), options, time);
            targets.Add(new PollTarget(client, new PollerSettings(options.PollInterval, options.BackfillDays, options.RequestTimeout * 3)));
        }
        Targets = targets;
    }

    public IReadOnlyList<PollTarget> Targets { get; }

    /// <summary>When a venue counts as stale without news: its poller's own limit (30 s for a venue this feed does not poll).</summary>
    public TimeSpan StaleAfter(string venueId) =>
        Targets.FirstOrDefault(t => t.Client.Venue.Id == venueId)?.Settings.StaleAfter ?? TimeSpan.FromSeconds(30);
}
