using System.Diagnostics;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Simulator;
using Microsoft.Extensions.Options;

namespace FundingWeb.Bench;

/// <summary>
/// Ingest into a real database: full poll batches of the six simulated venues through the production path
/// (normalise → one transaction per venue per poll → publish), then a 30-day history backfill. The same seed, so the
/// same rows, on each engine given (SQLite always; PostgreSQL with --postgres).
/// </summary>
public static class IngestBenchmark
{
    public static async Task RunAsync(bool quick, string? postgres = null)
    {
        await RunAsync(quick, BenchDatabase.Create(null));
        if (postgres is not null) await RunAsync(quick, BenchDatabase.Create(postgres));
    }

    private static async Task RunAsync(bool quick, BenchDatabase database)
    {
        using var db = database;
        var repository = new MarketDataRepository(db.Factory);
        var hub = new MarketHub(Options.Create(new LiveOptions()), TimeProvider.System);
        var ingestor = new VenueIngestor(repository, hub, TimeProvider.System);
        var world = new SimulatedWorld(new SimulatorOptions { Seed = 7, BackfillDays = 30, Acceleration = 600, CongestionEveryHours = 0 }, TimeProvider.System);
        var clients = world.Venues.Select(p => new SimulatedVenueClient(world, p)).ToList();
        var trackers = clients.ToDictionary(c => c.Venue.Id, c => new VenueStatusTracker(c.Venue.Id, TimeSpan.FromSeconds(30)));

        // Backfill first, on the empty file, as at a first start.
        string backfillLine;
        var backfill = new VenueBackfill(repository, new MarketDataQueries(db.Factory), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<VenueBackfill>.Instance);
        var backfillClock = Stopwatch.StartNew();
        var written = 0;
        foreach (var client in clients)
        {
            var markets = (await client.PollAsync(default)).Markets;
            written += await backfill.RunAsync(client, markets, 30, default);
        }
        backfillLine = ($"  backfill 30 days hourly: {written:N0} rows in {backfillClock.Elapsed.TotalSeconds:0.00} s = {written / backfillClock.Elapsed.TotalSeconds:N0} rows/s");
        var rounds = quick ? 50 : 300;
        var perPollMs = new List<double>();
        long rows = 0;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            foreach (var client in clients)
            {
                var poll = await client.PollAsync(default);
                var sw = Stopwatch.StartNew();
                await ingestor.IngestAsync(client.Venue, poll, trackers[client.Venue.Id], 0, default);
                perPollMs.Add(sw.Elapsed.TotalMilliseconds);
                rows += poll.Funding.Count + poll.OpenInterest.Count + poll.Prices.Count + poll.Markets.Count + poll.Liquidations.Count;
            }
        }
        var writeSeconds = perPollMs.Sum() / 1000;
        Console.WriteLine();
        Console.WriteLine(db.Factory.Dialect.IsPostgres
            ? "Ingest (poll batches, one transaction per venue per poll, PostgreSQL on loopback, live state + NOTIFY included)"
            : "Ingest (poll batches, one transaction per venue per poll, real SQLite file, WAL)");
        Console.WriteLine($"  {rounds} rounds × {clients.Count} venues = {perPollMs.Count} polls, {rows:N0} rows");
        Console.WriteLine($"  throughput {rows / writeSeconds:N0} rows/s (write path only) · wall {total.Elapsed.TotalSeconds:0.0} s incl. simulation");
        Console.WriteLine($"  per-poll ingest latency {Stats.Summary(perPollMs)}");

        Console.WriteLine(backfillLine);
        Console.WriteLine($"  database size {db.SizeBytes / 1024d / 1024:0.0} MiB");
    }
}
