using FundingWeb.Core.Funding;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;
using FundingWeb.Core.Reference;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Http;
using FundingWeb.Core.Venues.Hyperliquid;
using FundingWeb.Model;
using FundingWeb.Model.Charts;
using FundingWeb.Polling;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace FundingWeb.Tests.Polling;

/// <summary>
/// The CEX reference poller against a real HTTP server on loopback answering <c>POST /info predictedFundings</c>: worked
/// numbers from the wire to the stored row and the chart point, and every unusable answer (the family: failure, malformed,
/// non-array root, empty, all null, no intervals, unknown or hostile names, huge) leaves the last readings in place, marks
/// only the reference feed stale with its reason, and leaves the venues' part of the snapshot untouched.
/// </summary>
[Trait("Category", "Fast")]
public sealed class ReferencePollerTests : IAsyncLifetime
{
    private const string Prefix = "/hyperliquid";

    // BTC: Binance 8 h 0.0008 → 0.0001/h; DOGE: Binance 4 h 0.0004 → 0.0001/h; a null slot; HlPerp (own venue, not a reference).
    private const string Good = """
        [
          ["BTC", [["BinPerp", {"fundingRate": "0.0008", "nextFundingTime": 1754496000000, "fundingIntervalHours": 8}],
                   ["HlPerp", {"fundingRate": "0.0000125", "nextFundingTime": 1754470800000, "fundingIntervalHours": 1}],
                   ["BybitPerp", {"fundingRate": "-0.0004", "nextFundingTime": 1754496000000, "fundingIntervalHours": 8}]]],
          ["DOGE", [["BinPerp", {"fundingRate": "0.0004", "nextFundingTime": 1754481600000, "fundingIntervalHours": 4}], null]]
        ]
        """;

    private readonly TempDatabase _db = new();
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private LoopbackVenueServer _server = null!;
    private HttpClient _http = null!;
    private string _answer = Good;

    public async Task InitializeAsync()
    {
        _server = await LoopbackVenueServer.StartAsync();
        _server.Map("POST", Prefix + "/info", _ => Task.FromResult<string?>(_answer));
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _db.Dispose();
    }

    private (ReferencePoller Poller, MarketHub Hub) Build()
    {
        var hub = new MarketHub(Options.Create(new LiveOptions()), _time);
        var edge = new VenueHttp(_http, new VenueOptions { BaseUrl = _server.BaseUrl + Prefix, RequestsPerMinute = 600, RequestTimeout = TimeSpan.FromSeconds(5) },
            TimeProvider.System, maxResponseBytes: 64 * 1024);
        var ingestor = new ReferenceIngestor(new ReferenceRateRepository(_db.Factory), hub, _time);
        var poller = new ReferencePoller(new HyperliquidReferenceClient(edge, _time), ingestor, new ReferenceOptions(), _time, NullLogger<ReferencePoller>.Instance);
        return (poller, hub);
    }

    [Fact]
    public async Task PollOnce_FourAndEightHourEntries_StoredAndDrawnAtTheSameRate1h_NullAndOwnVenueMakeNoRow()
    {
        var (poller, hub) = Build();

        var status = await poller.PollOnceAsync(default);

        Assert.False(status.IsStale);
        var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var queries = new HistoryQueries(_db.Factory);
        var btc = await queries.GetReferenceRatesAsync("BTC", nowMs - 60_000, nowMs, default);
        var doge = await queries.GetReferenceRatesAsync("DOGE", nowMs - 60_000, nowMs, default);
        // 0.0008 over 8 h and 0.0004 over 4 h are both 0.0001 per hour; Bybit −0.0004 over 8 h is −0.00005.
        Assert.Equal(["binance:0.0001:8", "bybit:-5E-05:8"], btc.Select(r => $"{r.Exchange}:{r.Rate1h:G10}:{r.IntervalHours}"));
        Assert.Equal(["binance:0.0001:4:1754481600000"], doge.Select(r => $"{r.Exchange}:{r.Rate1h:G10}:{r.IntervalHours}:{r.NextFundingMs}"));
        Assert.All(btc.Concat(doge), r => Assert.Equal(nowMs, r.TimeMs));
        Assert.Equal(2, hub.Current.References.For("BTC").Length);
        // Through the page's series builder: 0.0001/h at APR is 0.0001 × 8,760 = 87.6 %; at 8h 0.08 %.
        var apr = ReferenceSeries.Build("DOGE", doge, RateBasis.Apr).Single();
        Assert.Equal("Binance (CEX reference)", apr.Series.Name);
        Assert.Equal(87.6, ((double[])apr.Series.Data.Single()!)[1], 6);
        Assert.Equal(0.08, ((double[])ReferenceSeries.Build("BTC", btc, RateBasis.EightHour)[0].Series.Data.Single()!)[1], 6);
    }

    public static TheoryData<string, VenueFault, string, string> Unusable => new()
    {
        { "server error", VenueFault.ServerError, "", "HTTP 500" },
        { "malformed JSON", VenueFault.MalformedJson, "", "malformed JSON" },
        { "non-array root", VenueFault.None, """{"error": "unknown type"}""", "not an array" },
        { "empty array", VenueFault.None, "[]", "no usable CEX reference rate (0 parsed, 0 skipped)" },
        { "all null slots", VenueFault.None, """[["BTC", [null, null]], ["ETH", [null]]]""", "no usable CEX reference rate (0 parsed, 3 skipped)" },
        { "missing intervals", VenueFault.None, """[["BTC", [["BinPerp", {"fundingRate": "0.0001"}]]]]""", "no fundingIntervalHours, skipped rather than guessed" },
        { "only own venue", VenueFault.None, """[["BTC", [["HlPerp", {"fundingRate": "0.00001", "fundingIntervalHours": 1}]]]]""", "no usable CEX reference rate (1 parsed" },
        { "hostile names", VenueFault.None, """[["<b>x</b>", [["BinPerp", {"fundingRate": "0.0001", "fundingIntervalHours": 8}]]], ["BTC", [["Evil Exchange;DROP", {"fundingRate": "0.0001", "fundingIntervalHours": 8}]]]]""", "not a plain" },
        { "implausible rate", VenueFault.None, """[["BTC", [["BinPerp", {"fundingRate": "5", "fundingIntervalHours": 8}]]]]""", "beyond the sanity bound" },
        { "huge payload", VenueFault.None, "[" + string.Join(",", Enumerable.Repeat("""["BTC", [null]]""", 20_000)) + "]", "larger than 0.1 MiB: refused unread" },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public async Task PollOnce_UnusableAnswer_KeepsLastReadingsMarksOnlyTheFeedStaleWithTheReason(string name, VenueFault fault, string body, string reason)
    {
        var (poller, hub) = Build();
        await poller.PollOnceAsync(default);
        var venue = VenueSnapshot.Empty(new VenueInfo("dydx", "dYdX v4", "appchain", TimeSpan.Zero, 0.0005, false));
        hub.Publish(s => s.WithVenue(venue, 1));
        var venuesBefore = hub.Current.Venues;
        var readingsBefore = hub.Current.References.ByAsset;
        _time.Advance(TimeSpan.FromMinutes(1));

        _server.SetFault(Prefix, fault);
        if (fault == VenueFault.None) _answer = body;
        var status = await poller.PollOnceAsync(default);

        Assert.True(status.IsStale, name);
        Assert.Contains(reason, status.StaleReason);
        Assert.Same(status, hub.Current.References.Status);
        Assert.Same(readingsBefore, hub.Current.References.ByAsset);
        Assert.Same(venuesBefore, hub.Current.Venues);
        var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.Equal(3, (await new HistoryQueries(_db.Factory).GetReferenceRatesAsync("BTC", 0, nowMs, default)).Count
            + (await new HistoryQueries(_db.Factory).GetReferenceRatesAsync("DOGE", 0, nowMs, default)).Count);

        // Recovers by itself on the next good answer.
        _server.SetFault(Prefix, VenueFault.None);
        _answer = Good;
        Assert.False((await poller.PollOnceAsync(default)).IsStale);
    }

    [Fact]
    public async Task PollOnce_UnknownPlainExchangeName_KeptUnderItsOwnName()
    {
        var (poller, hub) = Build();
        _answer = """[["BTC", [["OkxPerp", {"fundingRate": "0.0002", "fundingIntervalHours": 8}]]]]""";

        var status = await poller.PollOnceAsync(default);

        Assert.False(status.IsStale);
        var quote = Assert.Single(hub.Current.References.For("BTC"));
        Assert.Equal("okxperp", quote.Exchange);
        Assert.Equal("Okxperp (CEX reference)", ReferenceExchanges.Label(quote.Exchange));
    }
}
