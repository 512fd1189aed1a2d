using System.Collections.Concurrent;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Paradex;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace FundingWeb.Tests.Core.Ingest;

/// <summary>
/// Where the forward backfill resumes: after the newest settled row, except that hours held only by hourly samples
/// (a Paradex poll's reading) are read again, at most <see cref="VenueBackfill.SampleRecheck"/> back, so the exact index
/// rows can take their place.
/// </summary>
[Trait("Category", "Fast")]
public sealed class VenueBackfillResumeTests : IAsyncLifetime
{
    private const long HourMs = 3_600_000;
    private LoopbackVenueServer _server = null!;
    private readonly TempDatabase _db = new("Live");
    private readonly HttpClient _http = new();
    private readonly ConcurrentQueue<long> _startAt = new();

    public async Task InitializeAsync()
    {
        _server = await LoopbackVenueServer.StartAsync();
        _server.Map("GET", "/paradex/v1/funding/data", context =>
        {
            _startAt.Enqueue(long.Parse(context.Request.Query["start_at"].ToString(), System.Globalization.CultureInfo.InvariantCulture));
            return Task.FromResult<string?>("""{"next":null,"results":[]}""");
        });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _db.Dispose();
    }

    public static TheoryData<string, int, int, long> Cases => new()
    {
        // case, hours before this hour of the exact row, hourly samples after it, expected start_at relative to this hour
        { "only exact rows: just after the newest", 3, 0, -3 * HourMs + 1 },
        { "samples after an exact row: just after the exact one", 10, 5, -10 * HourMs + 1 },
        // Samples up to 10 h ago for 30 h: the newest row is 10 h ago, and 24 h before it bounds the re-read.
        { "samples for longer than the recheck: 24 h before the newest", 40, 30, -34 * HourMs },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RunAsync_SamplesAfterTheNewestExactRow_ResumesWhereTheyBegin(string scenario, int exactHoursAgo, int sampleHours, long expectedStart)
    {
        var client = new ParadexClient(_http, new VenueOptions { BaseUrl = _server.BaseUrl + "/paradex/v1", RequestsPerMinute = 60_000 }, TimeProvider.System);
        var market = new Market(VenueIds.Paradex, "BTC-USD-PERP", "BTC", 8, 50, 0.01);
        var repository = new MarketDataRepository(_db.Factory);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var hour = now - now % HourMs;
        var rows = new List<FundingRate> { Settled(hour - exactHoursAgo * HourMs, FundingOrigins.IndexDelta) };
        // Samples every hour from just after the exact row, up to (and labelled no later than) the newest hour.
        for (var h = 1; h <= sampleHours; h++) rows.Add(Settled(hour - (exactHoursAgo - h) * HourMs, FundingOrigins.HourlySample));
        await repository.InsertHistoryAsync(client.Venue, rows, [], CancellationToken.None);
        var backfill = new VenueBackfill(repository, new MarketDataQueries(_db.Factory), TimeProvider.System, NullLogger<VenueBackfill>.Instance);

        await backfill.RunAsync(client, [market], 30, CancellationToken.None);

        Assert.True(_startAt.TryPeek(out var startAt), scenario);
        Assert.True(hour + expectedStart == startAt, $"{scenario}: expected {expectedStart}, got {startAt - hour} ms from the hour");
    }

    private static FundingRate Settled(long timeMs, string origin) =>
        new(VenueIds.Paradex, "BTC-USD-PERP", timeMs, FundingKind.Settled, FundingLeg.Net, 1e-5, 1, RateUnit.Fraction, 1e-5, origin);
}
