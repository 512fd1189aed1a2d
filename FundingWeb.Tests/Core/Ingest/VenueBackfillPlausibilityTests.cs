using Dapper;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace FundingWeb.Tests.Core.Ingest;

/// <summary>Settled rows that arrive by backfill meet the same plausibility rule as polled ones, against the market's recorded cap.</summary>
[Trait("Category", "Fast")]
public sealed class VenueBackfillPlausibilityTests : IDisposable
{
    private const long HourMs = 3_600_000;
    private readonly TempDatabase _db = new("Live");

    public void Dispose() => _db.Dispose();

    private sealed class HistoryVenue(IReadOnlyList<RawFundingRate> rows) : IVenueClient
    {
        public VenueInfo Venue { get; } = new("dydx", "dYdX v4", "appchain", TimeSpan.Zero, 0.0005, IsSimulated: false);
        public Task<VenuePoll> PollAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<VenueHistory> GetHistoryAsync(Market market, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            Task.FromResult(new VenueHistory(rows, []));
    }

    [Fact]
    public async Task RunAsync_SettlementBeyondTheRecordedCap_StoredWithItsReason()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var repository = new MarketDataRepository(_db.Factory);
        var market = new Market("dydx", "BTC-USD", "BTC", 1, 20, 0.03, FundingCap: 0.015);
        var client = new HistoryVenue(
        [
            new RawFundingRate("BTC-USD", now - 3 * HourMs, FundingKind.Settled, 0.00001, 1, RateUnit.Fraction),
            new RawFundingRate("BTC-USD", now - 2 * HourMs, FundingKind.Settled, 0.02, 1, RateUnit.Fraction),
        ]);
        // A poll records the market's convention (and its cap) first, as at every start.
        var ingestor = new VenueIngestor(repository, new MarketHub(Options.Create(new LiveOptions()), time), time);
        await ingestor.IngestAsync(client.Venue, new VenuePoll(now, [market], [new RawFundingRate("BTC-USD", now, FundingKind.Quoted, 0.00001, 1, RateUnit.Fraction)], [], [], [], []),
            new VenueStatusTracker("dydx", TimeSpan.FromMinutes(1)), 1, default);

        await new VenueBackfill(repository, new MarketDataQueries(_db.Factory), time, NullLogger<VenueBackfill>.Instance).RunAsync(client, [market], 1, default);

        using var c = _db.Factory.Open();
        var rows = c.Query<(long Ts, string? Why)>("SELECT ts_ms, implausible FROM funding WHERE kind = 1 ORDER BY ts_ms").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Null(rows[0].Why);
        Assert.Contains("beyond the venue's cap of 1.5 % per hour", rows[1].Why);
    }
}
