using Dapper;
using FundingWeb.Core.Depth;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Postgres;

/// <summary>
/// The two small poll-cadence tables (venue health, depth bands) through their stores on both engines: the same rows
/// written twice (the second write of a key replaces the first on both), the same buckets read back, the same rows
/// thinned away by retention.
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "Postgres")]
public sealed class HealthAndDepthParityTests : IAsyncLifetime
{
    private readonly TempDatabase _sqlite = new();
    private PostgresDatabase _postgres = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresDatabase.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        _sqlite.Dispose();
    }

    private IEnumerable<DbConnectionFactory> Engines => [_sqlite.Factory, _postgres.Factory];

    private static DepthBandRow Band(string symbol, long timeMs, double mid) =>
        new("dydx", symbol, timeMs, timeMs - 5, SlippageKind.Book, mid, 0.001, [1, 2, 3, 4], [5, 6, 7, 8], 20, 21);

    [Fact]
    public async Task DepthBands_WrittenReplacedReadAndThinned_SameOnBothEngines()
    {
        const long Hour = 3_600_000;
        var answers = new List<string>();
        foreach (var factory in Engines)
        {
            var depth = new DepthRepository(factory);
            // Three rows in hour 0 (the last stays), one in hour 1; the first key written twice (the second wins).
            await depth.InsertAsync([Band("BTC-USD", 1_000, 100), Band("BTC-USD", 2_000, 101), Band("BTC-USD", 3_000, 102), Band("BTC-USD", Hour + 1, 103)], default);
            await depth.InsertAsync([Band("BTC-USD", 1_000, 99)], default);
            var before = await depth.GetAsync("dydx", "BTC-USD", 0, long.MaxValue, default);
            var removed = await depth.ApplyRetentionAsync(rawCutoffMs: 2 * Hour, historyCutoffMs: 0, default);
            var after = await depth.GetAsync("dydx", "BTC-USD", 0, long.MaxValue, default);
            answers.Add(string.Join(";", before.Select(r => $"{r.TimeMs}:{r.Mid}")) + " | " + removed + " | " + string.Join(";", after.Select(r => $"{r.TimeMs}:{r.Mid}")));
        }
        Assert.Equal("1000:99;2000:101;3000:102;3600001:103 | 2 | 3000:102;3600001:103", answers[0]);
        Assert.Equal(answers[0], answers[1]);
    }

    [Fact]
    public async Task VenueHealth_RecordedAndBucketed_SameOnBothEngines()
    {
        var answers = new List<string>();
        foreach (var factory in Engines)
        {
            var time = new ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
            var history = new VenueHealthHistory(new MarketDataRepository(factory), time, TimeSpan.FromSeconds(15));
            var venue = VenueSnapshot.Empty(new VenueInfo("dydx", "dYdX", "appchain", TimeSpan.Zero, 0.0005, true));
            for (var i = 0; i < 8; i++)
            {
                var status = venue.Status with { LatencyMs = 100 + i, DataLagMs = 1_000 * i, ErrorRate = i / 10.0 };
                await history.RecordAsync(venue with { Status = status }, null, default);
                time.Advance(TimeSpan.FromSeconds(20));
            }
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            // 8 rows 20 s apart over a 160 s range: 2,000 buckets of 80 ms, one row in each bucket that has one.
            var all = await history.GetAsync(null, now - 160_000, now, default);
            var lastMinute = await history.GetAsync("dydx", now - 60_000, now, default);
            answers.Add(string.Join(";", all.Select(p => $"{p.Venue}:{p.TimeMs}:{p.PollLatencyMs}:{p.DataLagMs}:{p.ErrorRate}:{p.Sequencer}")) + " | " + lastMinute.Count);
        }
        Assert.Contains(":107:7000:0.7:0", answers[0]);
        Assert.EndsWith(" | 3", answers[0]);
        Assert.Equal(answers[0], answers[1]);
    }
}
