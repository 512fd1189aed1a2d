using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using FundingWeb.Polling;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace FundingWeb.Tests.Polling;

[Trait("Category", "Fast")]
public class VenuePollerTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Poll_OneVenueHangs_OtherVenueKeepsItsCadenceAndHangingOneGoesStale()
    {
        var repository = new MarketDataRepository(_db.Factory);
        var hub = new MarketHub(Options.Create(new LiveOptions()), TimeProvider.System);
        var ingestor = new VenueIngestor(repository, hub, TimeProvider.System);
        var backfill = new VenueBackfill(repository, new MarketDataQueries(_db.Factory), TimeProvider.System, NullLogger<VenueBackfill>.Instance);
        var fast = new ScriptedVenueClient("fast");
        var hanging = new ScriptedVenueClient("hanging") { Hang = true };

        using var fastPoller = new VenuePoller(new PollTarget(fast, new PollerSettings(TimeSpan.FromMilliseconds(100), 1, TimeSpan.FromSeconds(1))),
            ingestor, backfill, TimeProvider.System, NullLogger<VenuePoller>.Instance);
        using var hangingPoller = new VenuePoller(new PollTarget(hanging, new PollerSettings(TimeSpan.FromMilliseconds(200), 1, TimeSpan.FromMilliseconds(300))),
            ingestor, backfill, TimeProvider.System, NullLogger<VenuePoller>.Instance);
        await hangingPoller.StartAsync(default);
        await fastPoller.StartAsync(default);

        await Eventually.TrueAsync(() => hangingPoller.Status.Failures >= 2, TimeSpan.FromSeconds(20), "the hanging venue to fail twice");
        var fastPollsWhileHanging = fast.Polls;

        Assert.True(fastPollsWhileHanging >= 5, $"the healthy venue polled only {fastPollsWhileHanging} times while the other hung");
        Assert.False(fastPoller.Status.IsStale);
        Assert.True(hangingPoller.Status.IsStale);
        Assert.Contains("timed out", hangingPoller.Status.StaleReason);
        Assert.True(hub.Current.Venues["hanging"].Status.IsStale);
        Assert.False(hub.Current.Venues["fast"].Status.IsStale);

        hanging.Hang = false;
        await Eventually.TrueAsync(() => !hangingPoller.Status.IsStale, TimeSpan.FromSeconds(20), "the hanging venue to recover by itself");

        await fastPoller.StopAsync(default);
        await hangingPoller.StopAsync(default);
    }

    [Fact]
    public async Task Poll_RateLimited_WaitsOutRetryAfterAndShowsReason()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));
        var repository = new MarketDataRepository(_db.Factory);
        var hub = new MarketHub(Options.Create(new LiveOptions()), time);
        var ingestor = new VenueIngestor(repository, hub, time);
        var backfill = new VenueBackfill(repository, new MarketDataQueries(_db.Factory), time, NullLogger<VenueBackfill>.Instance);
        var limited = new ScriptedVenueClient("limited") { RateLimitFor = TimeSpan.FromSeconds(30) };
        using var poller = new VenuePoller(new PollTarget(limited, new PollerSettings(TimeSpan.FromSeconds(1), 1, TimeSpan.FromSeconds(5))),
            ingestor, backfill, time, NullLogger<VenuePoller>.Instance);

        await poller.StartAsync(default);
        await Eventually.TrueAsync(() => poller.Status.Failures == 1 && time.NextDue >= time.GetUtcNow().AddSeconds(25), TimeSpan.FromSeconds(10),
            "the poller to arm its wait after the 429");
        Assert.Contains("rate limited (429), retry after 30 s", poller.Status.StaleReason);

        // A 1 s poller that ignored Retry-After would have asked 29 more times by now.
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(1, limited.Polls);
        time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.TrueAsync(() => limited.Polls == 2, TimeSpan.FromSeconds(10), "the poll after Retry-After");

        await poller.StopAsync(default);
    }

    private sealed class ScriptedVenueClient(string id) : IVenueClient
    {
        private int _polls;

        public volatile bool Hang;
        public TimeSpan? RateLimitFor { get; init; }
        public int Polls => Volatile.Read(ref _polls);

        public VenueInfo Venue { get; } = new(id, id, "test", TimeSpan.Zero, 0, false);

        public async Task<VenuePoll> PollAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _polls);
            if (RateLimitFor is { } retryAfter) throw new VenueRateLimitedException(retryAfter);
            if (Hang) await Task.Delay(Timeout.Infinite, cancellationToken);
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            return new VenuePoll(now, [new Market(id, "BTC", "BTC", 1, 50, 0.01)],
                [new FundingWeb.Core.Funding.RawFundingRate("BTC", now, FundingWeb.Core.Funding.FundingKind.Quoted, 0.0000125, 1, FundingWeb.Core.Funding.RateUnit.Fraction)],
                [], [], [], []);
        }

        public Task<VenueHistory> GetHistoryAsync(Market market, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            Task.FromResult(VenueHistory.Empty);
    }
}
