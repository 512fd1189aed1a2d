using Dapper;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Aevo;
using FundingWeb.Core.Venues.Dydx;
using FundingWeb.Core.Venues.Hyperliquid;
using FundingWeb.Core.Venues.Lighter;
using FundingWeb.Core.Venues.Paradex;
using FundingWeb.Tests.Fixtures;
using FundingWeb.Tests.Fixtures.Venues;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace FundingWeb.Tests.Core.Ingest;

/// <summary>
/// A history page that fails after others arrived, for each paging shape, over real HTTP on loopback and a real SQLite
/// file: the pages that arrived are stored, the unread stretch is a backfill_gap row with the reason, and the next
/// backfill against a healthy server reads the stretch, fills it and deletes the row.
/// </summary>
[Trait("Category", "Fast")]
public sealed class VenueBackfillGapTests : IAsyncLifetime
{
    private const long HourMs = 3_600_000;
    private LoopbackVenueServer _server = null!;
    private readonly TempDatabase _db = new("Live");
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _server = await LoopbackVenueServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _db.Dispose();
    }

    public static TheoryData<string, int, int, bool> Shapes => new()
    {
        // venue, backfill days, failing history request, whether pages after the failed one are read (fixed windows)
        { VenueIds.Hyperliquid, 30, 2, false },  // forward by startTime, 500 rows a page: page 2 of 2 fails
        { VenueIds.Dydx, 5, 2, false },          // backward by effectiveBeforeOrAt, 100 a page: funding page 2 of 2 fails
        { VenueIds.Paradex, 4, 2, false },       // opaque cursor, newest first, 1000 rows a page: page 2 of 2 fails
        { VenueIds.Lighter, 30, 1, true },       // fixed 500 h windows, forward: window 1 of 2 fails, window 2 still read
        { VenueIds.Aevo, 3, 2, false },          // backward by end_time, 50 a page: page 2 of 2 fails
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task RunAsync_PageKFails_KeepsPagesThatArrivedRecordsGapAndNextRunFillsIt(string venue, int days, int failing, bool readsAfter)
    {
        var faults = new HistoryFaults(failing);
        var (client, market) = Start(venue, faults);
        var repository = new MarketDataRepository(_db.Factory);
        var backfill = new VenueBackfill(repository, new MarketDataQueries(_db.Factory), TimeProvider.System, NullLogger<VenueBackfill>.Instance);

        await backfill.RunAsync(client, [market], days, CancellationToken.None);

        var partial = Hours(venue, market.Symbol);
        Assert.NotEmpty(partial);
        var gap = Assert.Single(await repository.GetBackfillGapsAsync(venue, CancellationToken.None));
        Assert.Equal(market.Symbol, gap.Symbol);
        Assert.Contains("404", gap.Reason);
        Assert.True(gap.ToMs > gap.FromMs, $"{gap.FromMs}..{gap.ToMs}");
        // Nothing stored inside the gap: it is exactly what the next run must read.
        Assert.DoesNotContain(partial, h => h >= gap.FromMs && h <= gap.ToMs);
        if (readsAfter) Assert.Contains(partial, h => h > gap.ToMs);
        else Assert.True(partial.All(h => h > gap.ToMs) || partial.All(h => h < gap.FromMs), "rows on one side of the gap only");

        faults.Heal();
        await backfill.RunAsync(client, [market], days, CancellationToken.None);

        Assert.Empty(await repository.GetBackfillGapsAsync(venue, CancellationToken.None));
        var full = Hours(venue, market.Symbol);
        Assert.True(full.Count > partial.Count, $"{full.Count} hours after the refill, {partial.Count} before");
        Assert.Contains(full, h => h >= gap.FromMs && h <= gap.ToMs);
        // Contiguous hourly history from the first stored hour: the refill joined the pages without loss or doubling.
        Assert.Equal(full.Count, full.Distinct().Count());
        Assert.Equal((full[^1] - full[0]) / HourMs + 1, full.Count);
        Assert.True(full.Count >= days * 24 - 2, $"{full.Count} hours for {days} days");
    }

    [Fact]
    public async Task RunAsync_FirstPageFails_WholeStretchIsAGapAndNothingIsLost()
    {
        var faults = new HistoryFaults(1, 2, 3);
        var (client, market) = Start(VenueIds.Dydx, faults);
        var repository = new MarketDataRepository(_db.Factory);
        var backfill = new VenueBackfill(repository, new MarketDataQueries(_db.Factory), TimeProvider.System, NullLogger<VenueBackfill>.Instance);
        var before = DateTimeOffset.UtcNow;

        await backfill.RunAsync(client, [market], 5, CancellationToken.None);

        Assert.Empty(Hours(VenueIds.Dydx, market.Symbol));
        var gap = Assert.Single(await repository.GetBackfillGapsAsync(VenueIds.Dydx, CancellationToken.None));
        Assert.InRange(gap.FromMs, before.AddDays(-5).ToUnixTimeMilliseconds() - 1000, before.AddDays(-5).ToUnixTimeMilliseconds() + 60_000);
        Assert.True(gap.ToMs >= before.ToUnixTimeMilliseconds());

        faults.Heal();
        await backfill.RunAsync(client, [market], 5, CancellationToken.None);

        Assert.Empty(await repository.GetBackfillGapsAsync(VenueIds.Dydx, CancellationToken.None));
        Assert.True(Hours(VenueIds.Dydx, market.Symbol).Count >= 5 * 24 - 2);
    }

    [Fact]
    public async Task RunAsync_GapOlderThanTheBackfillDepth_IsDroppedNotRead()
    {
        var repository = new MarketDataRepository(_db.Factory);
        var old = DateTimeOffset.UtcNow.AddDays(-40).ToUnixTimeMilliseconds();
        await repository.RecordBackfillGapsAsync(VenueIds.Dydx, "BTC-USD", [new HistoryGap(old, old + HourMs, "HTTP 500")], old, CancellationToken.None);
        var (client, market) = Start(VenueIds.Dydx, new HistoryFaults());
        var backfill = new VenueBackfill(repository, new MarketDataQueries(_db.Factory), TimeProvider.System, NullLogger<VenueBackfill>.Instance);

        await backfill.RunAsync(client, [market], 5, CancellationToken.None);

        Assert.Empty(await repository.GetBackfillGapsAsync(VenueIds.Dydx, CancellationToken.None));
        Assert.DoesNotContain(Hours(VenueIds.Dydx, market.Symbol), h => h < old + 2 * HourMs);
    }

    [Fact]
    public async Task RecordBackfillGaps_SameStartTwice_WidensNeverNarrows()
    {
        var repository = new MarketDataRepository(_db.Factory);

        await repository.RecordBackfillGapsAsync("dydx", "BTC-USD", [new HistoryGap(1000, 9000, "HTTP 500")], 1, CancellationToken.None);
        await repository.RecordBackfillGapsAsync("dydx", "BTC-USD", [new HistoryGap(1000, 5000, "timeout")], 2, CancellationToken.None);
        await repository.RecordBackfillGapsAsync("dydx", "ETH-USD", [new HistoryGap(1000, 2000, "timeout")], 2, CancellationToken.None);

        var gaps = await repository.GetBackfillGapsAsync("dydx", CancellationToken.None);
        Assert.Equal([new BackfillGap("dydx", "BTC-USD", 1000, 9000, "timeout", 2), new BackfillGap("dydx", "ETH-USD", 1000, 2000, "timeout", 2)], gaps);
    }

    private (IVenueClient Client, Market Market) Start(string venue, HistoryFaults faults)
    {
        var prefix = "/" + venue;
        var options = new VenueOptions { BaseUrl = _server.BaseUrl + prefix, RequestsPerMinute = 60_000, RequestTimeout = TimeSpan.FromSeconds(5) };
        switch (venue)
        {
            case VenueIds.Hyperliquid:
                HyperliquidReplay.Map(_server, prefix, faults);
                return (new HyperliquidClient(_http, options, TimeProvider.System), new Market(venue, "BTC", "BTC", 1, 50, 0.01));
            case VenueIds.Dydx:
                DydxReplay.Map(_server, prefix, faults);
                return (new DydxClient(_http, options, TimeProvider.System), new Market(venue, "BTC-USD", "BTC", 1, 50, 0.012));
            case VenueIds.Paradex:
                ParadexReplay.Map(_server, prefix, faults);
                options.BaseUrl += "/v1";
                return (new ParadexClient(_http, options, TimeProvider.System), new Market(venue, "BTC-USD-PERP", "BTC", 8, 50, 0.01));
            case VenueIds.Lighter:
                LighterReplay.Map(_server, prefix, faults);
                return (new LighterClient(_http, options, TimeProvider.System), new Market(venue, "BTC", "BTC", 8, 50, 0.012));
            case VenueIds.Aevo:
                AevoReplay.Map(_server, prefix, faults);
                return (new AevoClient(_http, options, TimeProvider.System), new Market(venue, "BTC-PERP", "BTC", 1, 50, 0.01));
            default:
                throw new ArgumentOutOfRangeException(nameof(venue), venue, null);
        }
    }

    private List<long> Hours(string venue, string symbol)
    {
        using var connection = _db.Factory.Open();
        return connection.Query<long>("SELECT ts_ms FROM funding WHERE venue = @venue AND symbol = @symbol AND kind = 1 ORDER BY ts_ms",
            new { venue, symbol }).AsList();
    }
}
