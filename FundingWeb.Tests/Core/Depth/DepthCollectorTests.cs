using FundingWeb.Core.Depth;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Depth;

[Trait("Category", "Fast")]
public sealed class DepthCollectorTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _time = new(Start);
    private readonly TempDatabase _db = new();
    private readonly DepthBookStore _store = new();
    private readonly DepthInterest _interest;
    private readonly RecordingSource _source;

    public DepthCollectorTests()
    {
        _interest = new DepthInterest(_time);
        _source = new RecordingSource(_time);
    }

    public void Dispose() => _db.Dispose();

    private DepthCollector Collector(int requestsPerMinute, DepthRepository? repository = null) => new(
        _source, requestsPerMinute, null, _store, _interest,
        DepthWorld.Hub(_time, DepthWorld.Venue("dydx", ("A", 5e9, 100), ("B", 4e9, 100), ("C", 3e9, 100), ("D", 2e9, 100))),
        repository, new DepthOptions { PollInterval = TimeSpan.FromSeconds(10), StoreInterval = TimeSpan.FromSeconds(30), WatchedMarketsPerVenue = 4 }, _time);

    [Fact]
    public async Task CollectAsync_BudgetOfTwoPerRound_HotMarketEveryRoundOthersInRotation()
    {
        _interest.Touch("dydx", "D");
        var collector = Collector(requestsPerMinute: 12); // 12/min × 10 s = 2 per round

        for (var round = 0; round < 3; round++)
        {
            await collector.CollectAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal([["D", "A"], ["D", "B"], ["D", "C"]], _source.Rounds);
        Assert.NotNull(_store.Book("dydx", "C"));
        Assert.Equal(12, _store.Status("dydx")!.RequestsPerMinute);
    }

    [Fact]
    public async Task CollectAsync_EveryRound_StoresBandsOncePerStoreInterval()
    {
        var repository = new DepthRepository(_db.Factory);
        var collector = Collector(requestsPerMinute: 600, repository);

        for (var round = 0; round < 4; round++)
        {
            await collector.CollectAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        // Rounds at 0, 10, 20, 30 s: rows at 0 and 30 s for each market.
        var rows = await repository.GetAsync("dydx", "A", 0, long.MaxValue, CancellationToken.None);
        Assert.Equal([0, 30_000], rows.Select(r => r.TimeMs - Start.ToUnixTimeMilliseconds()));
        Assert.Equal(SlippageKind.Book, rows[0].Kind);
        Assert.Equal(100, rows[0].Mid, 12);
        Assert.Equal(199, rows[0].BidUsd[1], 9);
    }

    [Fact]
    public async Task CollectAsync_VenueFails_KeepsTheLastBooksAndSaysWhy()
    {
        var collector = Collector(requestsPerMinute: 600);
        await collector.CollectAsync(CancellationToken.None);
        var before = _store.Book("dydx", "A");
        _source.Failure = new VenueRateLimitedException(TimeSpan.FromSeconds(3));
        _time.Advance(TimeSpan.FromSeconds(10));

        var status = await collector.CollectAsync(CancellationToken.None);

        Assert.NotNull(status.LastError);
        Assert.Equal(Start.ToUnixTimeMilliseconds(), status.LastSuccessMs);
        Assert.Same(before, _store.Book("dydx", "A"));
    }

    [Fact]
    public async Task CollectAsync_NoBudgetOrNoMarkets_ReadsNothingAndSaysWhy()
    {
        var status = await Collector(requestsPerMinute: 0).CollectAsync(CancellationToken.None);

        Assert.Empty(_source.Rounds);
        Assert.NotNull(status.LastError);
    }

    /// <summary>The venue's edge: answers every market with the hand book and records what it was asked for.</summary>
    private sealed class RecordingSource(TimeProvider time) : IDepthSource
    {
        public List<string[]> Rounds { get; } = [];
        public Exception? Failure { get; set; }
        public string Venue => "dydx";

        public Task<DepthBatch> ReadAsync(IReadOnlyList<Market> markets, int maxRequests, CancellationToken cancellationToken)
        {
            if (Failure is { } failure) throw failure;
            var asked = markets.Take(maxRequests).Select(m => m.Symbol).ToArray();
            Rounds.Add(asked);
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            return Task.FromResult(new DepthBatch(asked.Select(s => Books.Hand("dydx", s, now)).ToList(), [], asked, []));
        }
    }
}
