using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Simulator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FundingWeb.Bench;

/// <summary>A start as the app makes it: each venue's first poll records its markets and publishes, then the backfill fills their history.</summary>
public static class SimulatedStart
{
    /// <returns>The hub holding the first polls' snapshot, and the history rows the backfill wrote.</returns>
    public static async Task<(MarketHub Hub, int Rows)> RunAsync(BenchDatabase db, SimulatedWorld world, int days, Func<Market, bool> backfilled)
    {
        var repository = new MarketDataRepository(db.Factory);
        var hub = new MarketHub(Options.Create(new LiveOptions()), TimeProvider.System);
        var ingestor = new VenueIngestor(repository, hub, TimeProvider.System);
        var backfill = new VenueBackfill(repository, new MarketDataQueries(db.Factory), TimeProvider.System, NullLogger<VenueBackfill>.Instance);
        var rows = 0;
        foreach (var profile in world.Venues)
        {
            var client = new SimulatedVenueClient(world, profile);
            var poll = await client.PollAsync(default);
            await ingestor.IngestAsync(client.Venue, poll, new VenueStatusTracker(client.Venue.Id, TimeSpan.FromSeconds(30)), 0, default);
            rows += await backfill.RunAsync(client, poll.Markets.Where(backfilled).ToList(), days, default);
        }
        return (hub, rows);
    }
}
