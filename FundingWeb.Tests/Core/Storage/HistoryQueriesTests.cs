using FundingWeb.Core.Funding;
using FundingWeb.Core.OpenInterest;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Storage;

[Trait("Category", "Fast")]
public class HistoryQueriesTests : IDisposable
{
    private static readonly VenueInfo Venue = new("dydx", "dYdX v4", "appchain", TimeSpan.Zero, 0.0005, true);
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Queries_NoRows_ReturnEmptyInsteadOfFailing()
    {
        // Aggregate columns have no declared type: with no rows SQLite reports BLOB, which once broke materialisation.
        var queries = new HistoryQueries(_db.Factory);
        Assert.Empty(await queries.GetFundingAsync("BTC", FundingKind.Quoted, 0, 1_000_000, default));
        Assert.Empty(await queries.GetFundingAsync("BTC", FundingKind.Settled, 0, 1_000_000, default));
        Assert.Empty(await queries.GetOpenInterestAsync("BTC", 0, 1_000_000, default));
        Assert.Empty(await queries.GetPricesAsync("dydx", "BTC-USD", 0, 1_000_000, default));
    }

    [Fact]
    public async Task GetFundingAsync_QuotedRowsInOneBucket_AveragedWithLatestTime()
    {
        var repository = new MarketDataRepository(_db.Factory);
        var market = new Market("dydx", "BTC-USD", "BTC", 1, 50, 0.01);
        await repository.UpsertPollAsync(Venue, new VenuePoll(1, [market], [], [], [], [], []), [], VenueStatus.Unknown("dydx"), default);
        var rows = new[] { (1_000L, 0.00001), (2_000L, 0.00003), (3_600_000L + 1, 0.00005) }
            .Select(r => FundingNormalizer.Normalize("dydx", new RawFundingRate("BTC-USD", r.Item1, FundingKind.Quoted, r.Item2, 1, RateUnit.Fraction)))
            .ToList();
        await repository.InsertHistoryAsync(Venue, rows, [new OpenInterestObservation("BTC-USD", 2_000, 10, 900_000)], default);

        // 8h range → bucket of 8h / 4000 = 7.2 s: the first two quotes share a bucket, the third stands alone.
        var points = await new HistoryQueries(_db.Factory).GetFundingAsync("BTC", FundingKind.Quoted, 0, 8 * 3_600_000, default);

        Assert.Equal(2, points.Count);
        Assert.Equal(2_000, points[0].TimeMs);
        Assert.Equal(0.00002, points[0].Rate1h, 12);
        Assert.Equal(0.00005, points[1].Rate1h, 12);
        var oi = Assert.Single(await new HistoryQueries(_db.Factory).GetOpenInterestAsync("BTC", 0, 8 * 3_600_000, default));
        Assert.Equal(900_000, oi.Usd);
    }

    [Fact]
    public async Task GetFundingAsync_ImplausibleRows_LeftOutOfChartsListedWithReasonAndKeptInTheApiWithOrigin()
    {
        var repository = new MarketDataRepository(_db.Factory);
        var market = new Market("dydx", "BTC-USD", "BTC", 1, 50, 0.01);
        await repository.UpsertPollAsync(Venue, new VenuePoll(1, [market], [], [], [], [], []), [], VenueStatus.Unknown("dydx"), default);
        FundingRate Row(long ts, FundingKind kind, double rate, string? why, string? origin = null) =>
            FundingNormalizer.Normalize("dydx", new RawFundingRate("BTC-USD", ts, kind, rate, 1, RateUnit.Fraction, Origin: origin)) with { Implausible = why };
        await repository.InsertHistoryAsync(Venue,
        [
            Row(1_000, FundingKind.Quoted, 0.00001, null), Row(2_000, FundingKind.Quoted, 0.5, "beyond the cap"),
            Row(3_600_000, FundingKind.Settled, 0.00002, null, FundingOrigins.IndexDelta), Row(7_200_000, FundingKind.Settled, 0.7, "beyond the cap"),
        ], [], default);
        var queries = new HistoryQueries(_db.Factory);

        var quoted = Assert.Single(await queries.GetFundingAsync("BTC", FundingKind.Quoted, 0, 8 * 3_600_000, default));
        Assert.Equal(0.00001, quoted.Rate1h, 12); // the bucket's average leaves the implausible quote out
        var settled = Assert.Single(await queries.GetFundingAsync("BTC", FundingKind.Settled, 0, 8 * 3_600_000, default));
        Assert.Equal(FundingOrigins.IndexDelta, settled.Origin);
        var flagged = await queries.GetImplausibleFundingAsync("BTC", 0, 8 * 3_600_000, 100, default);
        Assert.Equal([7_200_000L, 2_000L], flagged.Select(p => p.TimeMs));
        Assert.All(flagged, p => Assert.Equal("beyond the cap", p.Implausible));
        var api = await queries.GetFundingRowsAsync("BTC", FundingKind.Settled, [], 0, 8 * 3_600_000, 100, default);
        Assert.Equal([null, "beyond the cap"], api.Select(p => p.Implausible));
    }
}
