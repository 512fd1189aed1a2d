using Xunit;
using Dapper;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.OpenInterest;
using FundingWeb.Core.Prices;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using FundingWeb.Tests.Fixtures;

namespace FundingWeb.Tests.Core.Storage;

[Trait("Category", "Fast")]
public class MarketDataRepositoryTests : IDisposable
{
    private static readonly VenueInfo Venue = new("hyperliquid", "Hyperliquid", "appchain", TimeSpan.FromMinutes(5), 0.00045, true);
    private readonly TempDatabase _db = new();
    private readonly MarketDataRepository _repository;

    public MarketDataRepositoryTests() => _repository = new MarketDataRepository(_db.Factory);

    public void Dispose() => _db.Dispose();

    private static VenuePoll Poll(long t, double rate1h) => new(
        t,
        [new Market("hyperliquid", "BTC", "BTC", 1, 40, 0.0125)],
        [new RawFundingRate("BTC", t, FundingKind.Quoted, rate1h, 1, RateUnit.Fraction)],
        [new OpenInterestObservation("BTC", t, 27353.17682, 27353.17682 * 77562)],
        [new PriceObservation("BTC", t, 77562, 77605)],
        [new LiquidationEvent("liq-1", "BTC", t, LiquidationSide.Long, 77000, 0.5, 38500)],
        []);

    private static IReadOnlyList<FundingRate> Normalize(VenuePoll poll) => poll.Funding.Select(f => FundingNormalizer.Normalize("hyperliquid", f)).ToList();

    [Fact]
    public async Task UpsertPollAsync_SamePollTwice_StoresOneRowPerKey()
    {
        var poll = Poll(1_769_908_800_000, 0.0000125);
        await _repository.UpsertPollAsync(Venue, poll, Normalize(poll), VenueStatus.Unknown("hyperliquid"), default);
        await _repository.UpsertPollAsync(Venue, poll, Normalize(poll), VenueStatus.Unknown("hyperliquid"), default);

        using var c = _db.Factory.Open();
        Assert.Equal(1, c.ExecuteScalar<int>("SELECT COUNT(*) FROM funding"));
        Assert.Equal(1, c.ExecuteScalar<int>("SELECT COUNT(*) FROM open_interest"));
        Assert.Equal(1, c.ExecuteScalar<int>("SELECT COUNT(*) FROM price"));
        Assert.Equal(1, c.ExecuteScalar<int>("SELECT COUNT(*) FROM liquidation"));
        Assert.Equal(1, c.ExecuteScalar<int>("SELECT COUNT(*) FROM market"));
    }

    [Fact]
    public async Task UpsertPollAsync_RoundTrip_KeepsRawUnitIntervalAndDerivedRate()
    {
        var poll = Poll(1_769_908_800_000, -0.0000015186);
        await _repository.UpsertPollAsync(Venue, poll, Normalize(poll), VenueStatus.Unknown("hyperliquid"), default);

        using var c = _db.Factory.Open();
        var row = c.QuerySingle("SELECT venue, symbol, kind, leg, ts_ms, rate_raw, interval_hours, unit, rate_1h FROM funding");
        Assert.Equal("hyperliquid", (string)row.venue);
        Assert.Equal(0L, (long)row.kind);
        Assert.Equal(1_769_908_800_000L, (long)row.ts_ms);
        Assert.Equal(-0.0000015186, (double)row.rate_raw);
        Assert.Equal(1.0, (double)row.interval_hours);
        Assert.Equal("Fraction", (string)row.unit);
        Assert.Equal(-0.0000015186, (double)row.rate_1h);
        var oi = c.QuerySingle("SELECT base, usd FROM open_interest");
        Assert.Equal(27353.17682, (double)oi.@base);
        Assert.Equal(27353.17682 * 77562, (double)oi.usd, 1e-3);
    }

    [Fact]
    public async Task InsertHistoryAsync_ExistingRow_IsNotOverwritten()
    {
        var poll = Poll(3_600_000, 0.00002);
        var settled = FundingNormalizer.Normalize("hyperliquid", new RawFundingRate("BTC", 3_600_000, FundingKind.Settled, 0.00002, 1, RateUnit.Fraction));
        await _repository.UpsertPollAsync(Venue, poll, [settled], VenueStatus.Unknown("hyperliquid"), default);

        var history = new[]
        {
            settled with { Rate1h = 0.99, RateRaw = 0.99 },
            settled with { TimeMs = 7_200_000 },
        };
        var inserted = await _repository.InsertHistoryAsync(Venue, history, [], default);

        Assert.Equal(1, inserted);
        using var c = _db.Factory.Open();
        Assert.Equal(0.00002, c.ExecuteScalar<double>("SELECT rate_1h FROM funding WHERE ts_ms = 3600000"));
        Assert.Equal(2, c.ExecuteScalar<int>("SELECT COUNT(*) FROM funding WHERE kind = 1"));
    }

    [Fact]
    public async Task GetLatestSettledAsync_ReturnsNewestSettlementPerMarket()
    {
        var rows = new[] { 3_600_000L, 7_200_000L, 10_800_000L }
            .Select(t => FundingNormalizer.Normalize("hyperliquid", new RawFundingRate("BTC", t, FundingKind.Settled, 0.00001, 1, RateUnit.Fraction)))
            .ToList();
        await _repository.InsertHistoryAsync(Venue, rows, [], default);

        var latest = await new MarketDataQueries(_db.Factory).GetLatestSettledAsync("hyperliquid", default);

        Assert.Equal(10_800_000L, latest["BTC"]);
    }

    [Fact]
    public async Task ApplyRetentionAsync_OldQuotes_ThinnedToLastOfEachHour()
    {
        // Four quotes in hour 10 and two in hour 11, all older than the raw window: one per hour must remain.
        var times = new[] { 36_000_000L, 36_900_000L, 37_800_000L, 39_000_000L, 39_600_000L, 40_000_000L };
        foreach (var t in times)
        {
            var poll = Poll(t, 0.00001);
            await _repository.UpsertPollAsync(Venue, poll, Normalize(poll), VenueStatus.Unknown("hyperliquid"), default);
        }

        await _repository.ApplyRetentionAsync(rawCutoffMs: 50_000_000, historyCutoffMs: 0, default);

        using var c = _db.Factory.Open();
        var kept = c.Query<long>("SELECT ts_ms FROM funding WHERE kind = 0 ORDER BY ts_ms").ToList();
        Assert.Equal([39_000_000L, 40_000_000L], kept);
        Assert.Equal(2, c.ExecuteScalar<int>("SELECT COUNT(*) FROM open_interest"));
    }

    [Fact]
    public async Task ApplyRetentionAsync_HistoryPastWindow_IsDeleted()
    {
        var old = FundingNormalizer.Normalize("hyperliquid", new RawFundingRate("BTC", 1_000, FundingKind.Settled, 0.00001, 1, RateUnit.Fraction));
        var recent = old with { TimeMs = 100_000_000 };
        await _repository.InsertHistoryAsync(Venue, [old, recent], [], default);

        await _repository.ApplyRetentionAsync(rawCutoffMs: 0, historyCutoffMs: 50_000_000, default);

        using var c = _db.Factory.Open();
        Assert.Equal([100_000_000L], c.Query<long>("SELECT ts_ms FROM funding").ToList());
    }

    [Fact]
    public void Migrate_Twice_IsIdempotentAndUsesWal()
    {
        Assert.Equal(SchemaMigrator.LatestVersion, SchemaMigrator.Migrate(_db.Factory, "Simulated"));
        using var c = _db.Factory.Open();
        Assert.Equal("wal", c.ExecuteScalar<string>("PRAGMA journal_mode"));
        Assert.Equal(SchemaMigrator.LatestVersion, c.ExecuteScalar<int>("PRAGMA user_version"));
        Assert.Equal("ok", c.ExecuteScalar<string>("PRAGMA integrity_check"));
    }

    [Fact]
    public void Migrate_OtherFeedMode_RefusesToShareTheDatabase()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => SchemaMigrator.Migrate(_db.Factory, "Live"));
        Assert.Contains("never share a database", ex.Message);
    }

    public static TheoryData<string?, string?, string?> OriginUpgrades => new()
    {
        // stored origin, backfilled origin, origin kept
        { FundingOrigins.HourlySample, FundingOrigins.IndexDelta, FundingOrigins.IndexDelta },  // the exact row replaces the sample
        { FundingOrigins.IndexDelta, FundingOrigins.HourlySample, FundingOrigins.IndexDelta },  // never the other way
        { FundingOrigins.HourlySample, FundingOrigins.HourlySample, FundingOrigins.HourlySample },
        { null, FundingOrigins.IndexDelta, null },                                              // a venue's own settlement stays
        { FundingOrigins.IndexDelta, FundingOrigins.IndexDelta, FundingOrigins.IndexDelta },
    };

    [Theory]
    [MemberData(nameof(OriginUpgrades))]
    public async Task InsertHistoryAsync_SameHourTwice_OnlyAnExactRowReplacesASample(string? stored, string? backfilled, string? kept)
    {
        FundingRate Row(string? origin, double rate) => FundingNormalizer.Normalize("hyperliquid",
            new RawFundingRate("BTC", 3_600_000, FundingKind.Settled, rate, 1, RateUnit.Fraction, Origin: origin));
        await _repository.InsertHistoryAsync(Venue, [Row(stored, 0.00001)], [], default);
        await _repository.InsertHistoryAsync(Venue, [Row(backfilled, 0.00002)], [], default);

        using var c = _db.Factory.Open();
        var row = c.QuerySingle<(string? Origin, double Rate)>("SELECT origin, rate_1h FROM funding WHERE symbol = 'BTC'");
        Assert.Equal(kept, row.Origin);
        Assert.Equal(kept == backfilled && stored != backfilled ? 0.00002 : 0.00001, row.Rate, 12);
    }
}
