using Dapper;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace FundingWeb.Tests.Postgres;

/// <summary>
/// The same simulated world written through the one ingest path into a SQLite file and a PostgreSQL database: every
/// store's reads answer the same on both engines (the dialect's differences are the only differences), and what
/// retention keeps is the same rows.
/// </summary>
/// <summary>The same simulated world written into a SQLite file and a PostgreSQL database through the one ingest path.</summary>
public sealed class TwoEngines : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
    public TempDatabase Sqlite { get; } = new();
    public PostgresDatabase Postgres { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Postgres = await PostgresDatabase.CreateAsync(new ManualTimeProvider(Start));
        // The same world twice (same seed, same clock): identical polls into each engine.
        await FillAsync(Sqlite.Factory, new ManualTimeProvider(Start));
        await FillAsync(Postgres.Factory, new ManualTimeProvider(Start));
    }

    public async Task DisposeAsync()
    {
        await Postgres.DisposeAsync();
        Sqlite.Dispose();
    }

    private static async Task FillAsync(DbConnectionFactory factory, ManualTimeProvider time)
    {
        var world = new SimulatedWorld(new SimulatorOptions { Seed = 11, BackfillDays = 2, CongestionEveryHours = 0 }, time);
        var repository = new MarketDataRepository(factory, "parity");
        var hub = new MarketHub(Options.Create(new LiveOptions()), time);
        var ingestor = new VenueIngestor(repository, hub, time);
        var backfill = new VenueBackfill(repository, new MarketDataQueries(factory), time, NullLogger<VenueBackfill>.Instance);
        var clients = world.Venues.Select(p => new SimulatedVenueClient(world, p)).ToList();
        var trackers = clients.ToDictionary(c => c.Venue.Id, c => new VenueStatusTracker(c.Venue.Id, TimeSpan.FromMinutes(1)));
        foreach (var client in clients)
        {
            await backfill.RunAsync(client, (await client.PollAsync(default)).Markets, 2, default);
        }
        for (var i = 0; i < 40; i++)
        {
            foreach (var client in clients)
            {
                await ingestor.IngestAsync(client.Venue, await client.PollAsync(default), trackers[client.Venue.Id], 1, default);
            }
            time.Advance(TimeSpan.FromMinutes(3));
        }
        await repository.RecordBackfillGapsAsync("dydx", "BTC-USD", [new HistoryGap(1_000, 2_000, "page 2 failed")], 5, default);
        await repository.RecordBackfillGapsAsync("dydx", "BTC-USD", [new HistoryGap(1_000, 5_000, "page 3 failed")], 6, default);
    }

    public async Task SameAsync<T>(Func<DbConnectionFactory, Task<T>> read, string what)
    {
        var onSqlite = Normalise(await read(Sqlite.Factory));
        var onPostgres = Normalise(await read(Postgres.Factory));
        Assert.True(onSqlite == onPostgres, $"{what} differs:\nSQLite:   {Cut(onSqlite)}\nPostgres: {Cut(onPostgres)}");
    }

    private static string Cut(string s) => s.Length > 600 ? s[..600] + "…" : s;

    // Averages are summed in a different order by each engine: compare at 12 significant digits.
    private static string Normalise<T>(T value) =>
        System.Text.RegularExpressions.Regex.Replace(System.Text.Json.JsonSerializer.Serialize(value), @"-?\d+\.\d+(E[-+]?\d+)?",
            m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture).ToString("G12", System.Globalization.CultureInfo.InvariantCulture));
}
