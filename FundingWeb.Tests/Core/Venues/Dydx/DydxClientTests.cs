using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Dydx;
using FundingWeb.Tests.Fixtures;
using FundingWeb.Tests.Fixtures.Venues;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Dydx;

[Trait("Category", "Fast")]
public sealed class DydxClientTests : IAsyncLifetime
{
    private const string Prefix = "/dydx";
    private const long Hour = 3_600_000;
    private const long OldestRecordedMs = 1765202400112; // 2025-12-08T14:00:00.112Z
    private const long NewestRecordedMs = 1765209600219; // 2025-12-08T16:00:00.219Z

    private static readonly Market Btc = new(VenueIds.Dydx, "BTC-USD", "BTC", 1, 50, 0.012);

    private LoopbackVenueServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackVenueServer.StartAsync();
        DydxReplay.Map(_server, Prefix);
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private DydxClient Client(string prefix = Prefix, TimeSpan? timeout = null) => new(_http, new VenueOptions
    {
        BaseUrl = _server.BaseUrl + prefix,
        RequestsPerMinute = 600,
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(5),
        RollupKind = "appchain",
    }, TimeProvider.System);

    [Fact]
    public async Task PollAsync_Replay_MarketsQuotesOpenInterestPricesAndLiquidations()
    {
        var poll = await Client().PollAsync(CancellationToken.None);

        Assert.Equal(["BTC-USD", "SOL-USD"], poll.Markets.Select(m => m.Symbol));
        // BTC "0.00000254545454545455" per 1h → rate_1h 2.545e-6 → APR 2.2298 %.
        Assert.Equal(0.022298181818, FundingBasis.FromRate1h(FundingNormalizer.Normalize(VenueIds.Dydx, poll.Funding[0]).Rate1h, RateBasis.Apr), 10);
        Assert.StartsWith($"GET {_server.BaseUrl}{Prefix}/perpetualMarkets", poll.Funding[0].Source);
        Assert.Equal(34_325_287.82816, poll.OpenInterest.Single(o => o.Symbol == "BTC-USD").Usd, 4);
        Assert.Equal(135.3, poll.Prices.Single(p => p.Symbol == "SOL-USD").Index);
        Assert.Empty(poll.MarketErrors);
        // Both markets' trades were read; BTC-USD has one DELEVERAGED and one LIQUIDATED trade, the LIMIT is dropped.
        Assert.Equal([("DELEVERAGED", LiquidationSide.Long), ("LIQUIDATED", LiquidationSide.Short)], poll.Liquidations.Select(l => (l.Kind, l.Side)));
        Assert.Equal(1, _server.Hits("GET", Prefix + "/trades/perpetualMarket/SOL-USD"));
    }

    [Fact]
    public void Venue_IsBuiltFromOptionsAndTheVenueId()
    {
        Assert.Equal(new VenueInfo(VenueIds.Dydx, "dYdX v4", "appchain", TimeSpan.FromHours(1), 0.0005, false), Client().Venue);
        Assert.True(DydxClient.UnitVerified);
        Assert.Equal("https://indexer.dydx.trade/v4", DydxClient.DefaultBaseUrl);
    }

    [Fact]
    public async Task PollAsync_SecondPoll_ReportsNoLiquidationTwice()
    {
        var client = Client();
        await client.PollAsync(CancellationToken.None);

        var second = await client.PollAsync(CancellationToken.None);

        Assert.Empty(second.Liquidations);
        Assert.Equal(2, second.Funding.Count);
    }

    [Fact]
    public async Task GetHistoryAsync_SeveralPages_AllSettlementsAndCandlesOnceOldestFirst()
    {
        var from = DateTimeOffset.FromUnixTimeMilliseconds(OldestRecordedMs / Hour * Hour - 250 * Hour);
        var to = DateTimeOffset.FromUnixTimeMilliseconds(NewestRecordedMs);

        var history = await Client().GetHistoryAsync(Btc, from, to, CancellationToken.None);

        // Hours −250 … 0 before the oldest recorded row, plus the two recorded hours after it: 253 rows, pages of 100.
        Assert.Equal(253, history.Funding.Count);
        Assert.Equal(history.Funding.Select(f => f.TimeMs).Order(), history.Funding.Select(f => f.TimeMs));
        Assert.Equal(253, history.Funding.Select(f => f.TimeMs).Distinct().Count());
        Assert.Equal(3, _server.Hits("GET", Prefix + "/historicalFunding/BTC-USD"));
        Assert.All(history.Funding, f => Assert.Equal((FundingKind.Settled, 1d, RateUnit.Fraction), (f.Kind, f.IntervalHours, f.Unit)));
        // The newest recorded settlement: "0.000002375" per 1h at 2025-12-08T16:00:00.219Z.
        Assert.Equal((NewestRecordedMs, 0.000002375), (history.Funding[^1].TimeMs, history.Funding[^1].RateRaw));
        Assert.EndsWith("historicalFunding[].rate", history.Funding[^1].Source);

        Assert.Equal(253, history.OpenInterest.Count);
        Assert.Equal(3, _server.Hits("GET", Prefix + "/candles/perpetualMarkets/BTC-USD"));
        Assert.Equal(history.OpenInterest.Select(o => o.TimeMs).Order(), history.OpenInterest.Select(o => o.TimeMs));
        // 16:00 candle: starting OI 381.7348 BTC × that hour's settlement oracle 89,993.8 = 34,353,765.24 USD.
        var last = history.OpenInterest[^1];
        Assert.Equal((NewestRecordedMs / Hour * Hour, 381.7348), (last.TimeMs, last.Base));
        Assert.Equal(34_353_765.24424, last.Usd, 4);
    }

    [Fact]
    public async Task GetHistoryAsync_WindowInsideOnePage_OneRequestEach()
    {
        var history = await Client().GetHistoryAsync(Btc,
            DateTimeOffset.FromUnixTimeMilliseconds(OldestRecordedMs), DateTimeOffset.FromUnixTimeMilliseconds(NewestRecordedMs), CancellationToken.None);

        // The three recorded settlements, oldest first: 6.25e-7, 3.75e-7, 2.375e-6 per 1h.
        Assert.Equal([6.25e-7, 3.75e-7, 2.375e-6], history.Funding.Select(f => f.RateRaw));
        Assert.Equal(1, _server.Hits("GET", Prefix + "/historicalFunding/BTC-USD"));
    }

    [Fact]
    public async Task PollAsync_Timeout_ThrowsVenueExceptionWithReason()
    {
        _server.SetFault(Prefix, VenueFault.Timeout);

        var ex = await Assert.ThrowsAsync<VenueException>(() => Client(timeout: TimeSpan.FromMilliseconds(300)).PollAsync(CancellationToken.None));
        Assert.Contains("timeout", ex.Reason);
    }

    [Fact]
    public async Task PollAsync_RateLimited_ThrowsWithRetryAfter()
    {
        _server.SetFault(Prefix, VenueFault.RateLimited);

        var ex = await Assert.ThrowsAsync<VenueRateLimitedException>(() => Client().PollAsync(CancellationToken.None));
        Assert.True(ex.RetryAfter > TimeSpan.Zero);
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
    public async Task GetHistoryAsync_MalformedFundingJson_CandlesStillReadAndTheFundingRangeIsAGap()
    {
        _server.SetFault(Prefix + "/historicalFunding", VenueFault.MalformedJson);
        var (from, to) = (DateTimeOffset.UtcNow.AddHours(-3), DateTimeOffset.UtcNow);

        var history = await Client().GetHistoryAsync(Btc, from, to, CancellationToken.None);

        Assert.Empty(history.Funding);
        Assert.NotEmpty(history.OpenInterest);
        var gap = Assert.Single(history.Gaps);
        Assert.Equal((from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds()), (gap.FromMs, gap.ToMs));
        Assert.Contains("malformed JSON", gap.Reason);
    }

    [Fact]
    public async Task PollAsync_TradesFailing_FundingStillReturnsWithAMarketErrorPerMarket()
    {
        _server.SetFault(Prefix + "/trades", VenueFault.ServerError);

        var poll = await Client().PollAsync(CancellationToken.None);

        Assert.Equal(2, poll.Funding.Count);
        Assert.Empty(poll.Liquidations);
        Assert.All(poll.MarketErrors, e => Assert.StartsWith("liquidations: HTTP 500", e.Reason));
        Assert.Equal(["BTC-USD", "SOL-USD"], poll.MarketErrors.Select(e => e.Symbol));
    }

    [Fact]
    public async Task PollAsync_OpenInterestMissingInOneMarket_MarketErrorOthersParse()
    {
        _server.MapJson("GET", "/drift/perpetualMarkets", FixtureFiles.Read("dydx", "perpetualMarkets.no-openInterest.derived.json"));
        _server.MapJson("GET", "/drift/trades/perpetualMarket/SOL-USD", """{"trades":[]}""");

        var poll = await Client("/drift").PollAsync(CancellationToken.None);

        Assert.Equal("BTC-USD", Assert.Single(poll.MarketErrors).Symbol);
        Assert.Equal(["SOL-USD"], poll.Funding.Select(f => f.Symbol));
    }
}
