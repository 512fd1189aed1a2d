using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Hyperliquid;
using FundingWeb.Tests.Fixtures;
using FundingWeb.Tests.Fixtures.Venues;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Hyperliquid;

[Trait("Category", "Fast")]
public sealed class HyperliquidClientTests : IAsyncLifetime
{
    private const string Prefix = "/hyperliquid";
    private const long Hour = 3_600_000;
    private const long FirstRecorded2026Ms = 1769908800000;
    private const long LastRecorded2026Ms = 1769916000000;

    private static readonly Market Btc = new(VenueIds.Hyperliquid, "BTC", "BTC", 1, 40, 0.0125);

    private LoopbackVenueServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackVenueServer.StartAsync();
        HyperliquidReplay.Map(_server, Prefix);
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private HyperliquidClient Client(TimeSpan? timeout = null) => new(_http, new VenueOptions
    {
        BaseUrl = _server.BaseUrl + Prefix,
        RequestsPerMinute = 600,
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(5),
        RollupKind = "appchain",
    }, TimeProvider.System);

    [Fact]
    public async Task PollAsync_Replay_ReturnsDiscoveredMarketsQuotesOpenInterestAndPrices()
    {
        var poll = await Client().PollAsync(CancellationToken.None);

        Assert.Equal(["BTC", "ETH", "HPOS"], poll.Markets.Select(m => m.Symbol));
        Assert.Equal(["BTC", "ETH"], poll.Funding.Select(f => f.Symbol));
        // ETH "0.0000125" per 1h → rate_1h 1.25e-5.
        Assert.Equal(1.25e-5, FundingNormalizer.Normalize(VenueIds.Hyperliquid, poll.Funding[1]).Rate1h, 12);
        Assert.StartsWith($"POST {_server.BaseUrl}{Prefix}/info metaAndAssetCtxs assetCtxs[1].funding", poll.Funding[1].Source);
        // ETH OI 605,822.2558 × mark 2,123.7 = 1,286,584,724.64 USD.
        Assert.Equal(1_286_584_724.64246, poll.OpenInterest.Single(o => o.Symbol == "ETH").Usd, 3);
        Assert.Equal(77562.0, poll.Prices.Single(p => p.Symbol == "BTC").Mark);
        Assert.Empty(poll.MarketErrors);
        Assert.Empty(poll.Liquidations);
        Assert.Equal(1, _server.Hits("POST", Prefix + "/info"));
    }

    [Fact]
    public void Venue_IsBuiltFromOptionsAndTheVenueId()
    {
        var venue = Client().Venue;

        Assert.Equal(new VenueInfo(VenueIds.Hyperliquid, "Hyperliquid", "appchain", TimeSpan.FromHours(1), 0.0005, false), venue);
    }

    [Fact]
    public async Task GetHistoryAsync_ThreePagesOfHourlyRows_AllArriveOnceOldestFirst()
    {
        var from = DateTimeOffset.FromUnixTimeMilliseconds(FirstRecorded2026Ms - HyperliquidReplay.SyntheticHoursBeforeRecorded * Hour);
        var to = DateTimeOffset.FromUnixTimeMilliseconds(LastRecorded2026Ms);

        var history = await Client().GetHistoryAsync(Btc, from, to, CancellationToken.None);

        // 1,000 synthetic hours + the 3 recorded rows = 1,003 rows = pages of 500, 500 and 3.
        Assert.Equal(1003, history.Funding.Count);
        Assert.Equal(3, _server.Hits("POST", Prefix + "/info"));
        Assert.Equal(history.Funding.Select(f => f.TimeMs).Order(), history.Funding.Select(f => f.TimeMs));
        Assert.Equal(1003, history.Funding.Select(f => f.TimeMs).Distinct().Count());
        Assert.All(history.Funding, f => Assert.Equal((FundingKind.Settled, 1d), (f.Kind, f.IntervalHours)));
        Assert.Equal(-0.0000081, history.Funding.Single(f => f.TimeMs == FirstRecorded2026Ms + Hour).RateRaw, 12);
        Assert.EndsWith("fundingHistory.fundingRate", history.Funding[0].Source);
        Assert.Empty(history.OpenInterest);
    }

    [Fact]
    public async Task GetHistoryAsync_2023AndHourlyEras_EachRowGetsItsOwnInterval()
    {
        var from = DateTimeOffset.FromUnixTimeMilliseconds(1683849600000); // 2023-05-12
        var to = DateTimeOffset.FromUnixTimeMilliseconds(FirstRecorded2026Ms - 990 * Hour);

        var history = await Client().GetHistoryAsync(Btc, from, to, CancellationToken.None);

        // 3 recorded 8-hourly rows of 2023, then hours −1000 … −990 of the replay's hourly series.
        Assert.Equal(3 + 11, history.Funding.Count);
        Assert.Equal([8d, 8, 8], history.Funding.Take(3).Select(f => f.IntervalHours));
        Assert.All(history.Funding.Skip(3), f => Assert.Equal(1d, f.IntervalHours));
        // 2023: "-0.00061334" per 8h → rate_1h −7.66675e-5; hourly: "0.0000125" per 1h → 1.25e-5.
        Assert.Equal(-7.66675e-5, FundingNormalizer.Normalize(VenueIds.Hyperliquid, history.Funding[0]).Rate1h, 12);
        Assert.Equal(1.25e-5, FundingNormalizer.Normalize(VenueIds.Hyperliquid, history.Funding[3]).Rate1h, 12);
    }

    [Fact]
    public async Task GetHistoryAsync_WindowStartsMidSeries_FirstRowIntervalComesFromTheRowBeforeTheWindow()
    {
        var from = DateTimeOffset.FromUnixTimeMilliseconds(FirstRecorded2026Ms);
        var to = DateTimeOffset.FromUnixTimeMilliseconds(FirstRecorded2026Ms);

        var history = await Client().GetHistoryAsync(Btc, from, to, CancellationToken.None);

        var row = Assert.Single(history.Funding);
        Assert.Equal((FirstRecorded2026Ms, 0.0000125, 1d), (row.TimeMs, row.RateRaw, row.IntervalHours));
    }

    [Fact]
    public async Task PollAsync_Timeout_ThrowsVenueExceptionWithReason()
    {
        _server.SetFault(Prefix, VenueFault.Timeout);

        var ex = await Assert.ThrowsAsync<VenueException>(() => Client(TimeSpan.FromMilliseconds(300)).PollAsync(CancellationToken.None));
        Assert.Contains("timeout", ex.Reason);
    }

    [Fact]
    public async Task PollAsync_RateLimited_ThrowsWithRetryAfter()
    {
        _server.SetFault(Prefix, VenueFault.RateLimited);

        var ex = await Assert.ThrowsAsync<VenueRateLimitedException>(() => Client().PollAsync(CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(1), ex.RetryAfter);
    }

    [Fact]
    public async Task PollAsync_ServerError_ThrowsVenueException()
    {
        _server.SetFault(Prefix, VenueFault.ServerError);

        var ex = await Assert.ThrowsAsync<VenueException>(() => Client().PollAsync(CancellationToken.None));
        Assert.Contains("HTTP 500", ex.Reason);
    }

    [Fact]
    public async Task PollAsync_MalformedJson_ThrowsVenueException()
    {
        _server.SetFault(Prefix, VenueFault.MalformedJson);

        var ex = await Assert.ThrowsAsync<VenueException>(() => Client().PollAsync(CancellationToken.None));
        Assert.Contains("malformed JSON", ex.Reason);
    }

    [Fact]
    public async Task GetHistoryAsync_ServerError_NoRowsAndTheWholeRangeIsAGapWithTheReason()
    {
        _server.SetFault(Prefix, VenueFault.ServerError);
        var (from, to) = (DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow);

        var history = await Client().GetHistoryAsync(Btc, from, to, CancellationToken.None);

        Assert.Empty(history.Funding);
        var gap = Assert.Single(history.Gaps);
        Assert.Equal((from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds()), (gap.FromMs, gap.ToMs));
        Assert.Contains("HTTP 500", gap.Reason);
    }

    [Fact]
    public async Task PollAsync_FundingMissingForOneCoin_MarketErrorAndOthersStillReturn()
    {
        _server.MapJson("POST", "/drift/info", FixtureFiles.Read("hyperliquid", "info-metaAndAssetCtxs.no-funding.derived.json"));
        var client = new HyperliquidClient(_http, new VenueOptions { BaseUrl = _server.BaseUrl + "/drift" }, TimeProvider.System);

        var poll = await client.PollAsync(CancellationToken.None);

        Assert.Equal("BTC", Assert.Single(poll.MarketErrors).Symbol);
        Assert.Equal(["ETH"], poll.Funding.Select(f => f.Symbol));
    }
}
