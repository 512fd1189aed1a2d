using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Aevo;
using FundingWeb.Tests.Fixtures;
using FundingWeb.Tests.Fixtures.Venues;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Aevo;

[Trait("Category", "Fast")]
public sealed class AevoClientTests : IAsyncLifetime
{
    private const long HourMs = 3_600_000;
    private LoopbackVenueServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackVenueServer.StartAsync();
        AevoReplay.Map(_server, "/aevo");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private AevoClient Client(int requestsPerMinute = 600, TimeSpan? pollInterval = null, TimeSpan? timeout = null, TimeProvider? time = null) =>
        new(new HttpClient(), new VenueOptions
        {
            BaseUrl = _server.BaseUrl + "/aevo",
            RequestsPerMinute = requestsPerMinute,
            PollInterval = pollInterval ?? TimeSpan.FromSeconds(10),
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(5),
            RollupKind = "optimistic rollup (OP stack)",
        }, time ?? TimeProvider.System);

    private int Hits(string path) => _server.Hits("GET", "/aevo/" + path);

    [Fact]
    public async Task PollAsync_Replay_QuotesOpenInterestAndPricesForActivePerpetuals()
    {
        var client = Client();

        var poll = await client.PollAsync(CancellationToken.None);

        Assert.Equal(VenueIds.Aevo, client.Venue.Id);
        Assert.Equal(["BTC-PERP", "DOGE-PERP", "ETH-PERP", "SOL-PERP"], poll.Markets.Select(m => m.Symbol).Order());
        Assert.Equal(MarketStatus.Paused, poll.Markets.Single(m => m.Symbol == "SOL-PERP").Status);
        Assert.Equal(["BTC-PERP", "DOGE-PERP", "ETH-PERP"], poll.Funding.Select(f => f.Symbol).Order());
        var btc = poll.Funding.Single(f => f.Symbol == "BTC-PERP");
        Assert.Equal((FundingKind.Quoted, 1d, RateUnit.Fraction), (btc.Kind, btc.IntervalHours, btc.Unit));
        // 0.0000125 per 1 h → rate_1h 0.0000125 (10.95 % APR simple).
        Assert.Equal(0.0000125, FundingNormalizer.Normalize(VenueIds.Aevo, btc).Rate1h, 15);
        Assert.Equal(_server.BaseUrl + "/aevo/funding?instrument_name=BTC-PERP funding_rate", btc.Source);
        var oi = poll.OpenInterest.Single(o => o.Symbol == "BTC-PERP");
        Assert.Equal(152.3, oi.Base);
        Assert.Equal(14_774_336.676, oi.Usd, 6); // 152.3 BTC × 97,008.12 mark
        Assert.Equal(4, poll.Prices.Count);
        Assert.Equal((97008.12, 97001.5), (poll.Prices.Single(p => p.Symbol == "BTC-PERP").Mark!.Value, poll.Prices.Single(p => p.Symbol == "BTC-PERP").Index!.Value));
        Assert.Empty(poll.MarketErrors);
        Assert.Equal(0, _server.Hits("GET", "/aevo/funding-history"));
    }

    [Fact]
    public async Task PollAsync_SmallBudget_RotatesInstrumentsAcrossPolls()
    {
        // 60 req/min × 5 s = 5 requests a poll: /markets + 2 × (/funding + /statistics).
        var client = Client(requestsPerMinute: 60, pollInterval: TimeSpan.FromSeconds(5));

        var first = await client.PollAsync(CancellationToken.None);
        Assert.Equal(5, Hits("markets") + Hits("funding") + Hits("statistics"));
        var second = await client.PollAsync(CancellationToken.None);

        Assert.Equal(["BTC-PERP", "DOGE-PERP"], first.Funding.Select(f => f.Symbol));
        Assert.Equal(["ETH-PERP", "BTC-PERP"], second.Funding.Select(f => f.Symbol));
        Assert.Equal(10, Hits("markets") + Hits("funding") + Hits("statistics"));
        Assert.Equal(4, second.Prices.Count);
    }

    [Fact]
    public async Task PollAsync_NewHour_FetchesThatHoursSettlementOnce()
    {
        var realNow = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var hour = realNow - realNow % HourMs - 3 * HourMs;
        var clock = new SettableClock(DateTimeOffset.FromUnixTimeMilliseconds(hour + 10 * 60_000));
        var client = Client(time: clock);

        var before = await client.PollAsync(CancellationToken.None);
        clock.Now = DateTimeOffset.FromUnixTimeMilliseconds(hour + HourMs + 5 * 60_000);
        var crossing = await client.PollAsync(CancellationToken.None);
        clock.Now = DateTimeOffset.FromUnixTimeMilliseconds(hour + HourMs + 15 * 60_000);
        var after = await client.PollAsync(CancellationToken.None);

        Assert.DoesNotContain(before.Funding, f => f.Kind == FundingKind.Settled);
        var settled = crossing.Funding.Where(f => f.Kind == FundingKind.Settled).ToList();
        Assert.Equal(["BTC-PERP", "DOGE-PERP", "ETH-PERP"], settled.Select(s => s.Symbol).Order());
        Assert.All(settled, s => Assert.Equal(hour + HourMs, s.TimeMs));
        Assert.All(settled, s => Assert.Equal(1, s.IntervalHours));
        Assert.DoesNotContain(after.Funding, f => f.Kind == FundingKind.Settled);
        Assert.Equal(3, _server.Hits("GET", "/aevo/funding-history"));
    }

    [Fact]
    public async Task PollAsync_MinimumBudgetWithSettlementDue_StillRefreshesTheQuote()
    {
        var realNow = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var hour = realNow - realNow % HourMs - 3 * HourMs;
        var clock = new SettableClock(DateTimeOffset.FromUnixTimeMilliseconds(hour + 10 * 60_000));
        // 12 req/min × 10 s = 2 → the floor of 3 a poll: /markets + one instrument's /funding + /statistics.
        var client = Client(requestsPerMinute: 12, time: clock);

        var quoted = new List<string>();
        for (var poll = 0; poll < 4; poll++)
        {
            var result = await client.PollAsync(CancellationToken.None);
            quoted.AddRange(result.Funding.Where(f => f.Kind == FundingKind.Quoted).Select(f => f.Symbol));
            Assert.DoesNotContain(result.Funding, f => f.Kind == FundingKind.Settled);
            clock.Now = DateTimeOffset.FromUnixTimeMilliseconds(hour + HourMs + 5 * 60_000);
        }

        // BTC's settlement is due on the fourth poll but does not fit; the quote still does and the rotation moves on.
        Assert.Equal(["BTC-PERP", "DOGE-PERP", "ETH-PERP", "BTC-PERP"], quoted);
        Assert.Equal(0, _server.Hits("GET", "/aevo/funding-history"));
    }

    [Fact]
    public async Task GetHistoryAsync_FiveDays_PagesBackBy50AndReturnsEveryHourOnceOldestFirst()
    {
        var to = DateTimeOffset.UtcNow;
        var from = to.AddDays(-5);
        var market = new Market(VenueIds.Aevo, "ETH-PERP", "ETH", 1, 20, 0.025);
        var fromMs = from.ToUnixTimeMilliseconds();
        var firstHour = fromMs + (HourMs - fromMs % HourMs) % HourMs;
        var expected = Enumerable.Range(0, 200).Select(i => firstHour + i * HourMs).TakeWhile(t => t <= to.ToUnixTimeMilliseconds()).ToList();

        var history = await Client().GetHistoryAsync(market, from, to, CancellationToken.None);

        Assert.Equal(expected, history.Funding.Select(f => f.TimeMs));
        Assert.Equal((expected.Count + 49) / 50 + (expected.Count % 50 == 0 ? 1 : 0), _server.Hits("GET", "/aevo/funding-history"));
        Assert.All(history.Funding, f => Assert.Equal(FundingKind.Settled, f.Kind));
        Assert.All(history.Funding, f => Assert.InRange(f.RateRaw, -0.0000045, -0.0000023));
    }

    [Fact]
    public async Task GetHistoryAsync_PagesServedOldestFirst_StillReturnsEveryHourOnce()
    {
        const long h0 = 1770422400000; // 2026-02-07T00:00Z
        var hours = Enumerable.Range(0, 120).Select(i => h0 + i * HourMs).ToList();
        _server.Map("GET", "/aevo/funding-history", context =>
        {
            var start = long.Parse(context.Request.Query["start_time"]!) / 1_000_000;
            var end = long.Parse(context.Request.Query["end_time"]!) / 1_000_000;
            var page = hours.Where(t => t >= start && t <= end).Take(50)
                .Select(t => $"""["BTC-PERP","{t * 1_000_000}","0.00001","97000"]""");
            return Task.FromResult<string?>($$"""{"funding_history":[{{string.Join(",", page)}}]}""");
        });
        var market = new Market(VenueIds.Aevo, "BTC-PERP", "BTC", 1, 20, 0.025);

        var history = await Client().GetHistoryAsync(market, DateTimeOffset.FromUnixTimeMilliseconds(h0),
            DateTimeOffset.FromUnixTimeMilliseconds(h0 + 119 * HourMs), CancellationToken.None);

        Assert.Equal(hours, history.Funding.Select(f => f.TimeMs));
        Assert.Equal(3, _server.Hits("GET", "/aevo/funding-history"));
    }

    [Fact]
    public async Task PollAsync_Timeout_ThrowsVenueExceptionSoon()
    {
        _server.SetFault("/aevo", VenueFault.Timeout);

        // The stalled server never answers: the client's own 300 ms timeout must end the call. A deadline, not a
        // duration assertion: a client without its timeout hangs past it and the test fails with a TimeoutException.
        var ex = await Assert.ThrowsAsync<VenueException>(() => Client(timeout: TimeSpan.FromMilliseconds(300)).PollAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Contains("timeout", ex.Reason);
    }

    [Fact]
    public async Task PollAsync_RateLimitedWithNanosecondRetryAfter_ThrowsRateLimited()
    {
        _server.SetFault("/aevo", VenueFault.RateLimited);

        var ex = await Assert.ThrowsAsync<VenueRateLimitedException>(() => Client().PollAsync(CancellationToken.None));

        // X-RETRY-AFTER: 1000000000 ns = 1 s.
        Assert.Equal(TimeSpan.FromSeconds(1), ex.RetryAfter);
    }

    [Fact]
    public async Task PollAsync_ServerError_ThrowsVenueException()
    {
        _server.SetFault("/aevo", VenueFault.ServerError);

        var ex = await Assert.ThrowsAsync<VenueException>(() => Client().PollAsync(CancellationToken.None));

        Assert.Contains("HTTP 500", ex.Reason);
    }

    [Fact]
    public async Task PollAsync_MalformedJson_ThrowsVenueException()
    {
        _server.SetFault("/aevo", VenueFault.MalformedJson);

        var ex = await Assert.ThrowsAsync<VenueException>(() => Client().PollAsync(CancellationToken.None));

        Assert.Contains("malformed JSON", ex.Reason);
    }

    [Fact]
    public async Task PollAsync_MarkPriceRemovedFromOneMarket_MarketErrorOthersStillParse()
    {
        _server.MapJson("GET", "/aevo/markets", FixtureFiles.Read("aevo", "markets.btc-no-mark_price.derived.json"));

        var poll = await Client().PollAsync(CancellationToken.None);

        Assert.Equal("BTC-PERP", Assert.Single(poll.MarketErrors).Symbol);
        Assert.Equal(["DOGE-PERP", "ETH-PERP"], poll.Funding.Select(f => f.Symbol).Order());
        Assert.DoesNotContain(poll.Markets, m => m.Symbol == "BTC-PERP");
    }

    [Fact]
    public async Task PollAsync_OpenInterestMissingForOneAsset_MarketErrorOthersStillParse()
    {
        var statistics = FixtureFiles.Read("aevo", "statistics.by-asset.derived.json");
        _server.Map("GET", "/aevo/statistics", context => Task.FromResult<string?>(context.Request.Query["asset"] == "ETH"
            ? """{"asset":"ETH","daily_volume":"1"}"""
            : System.Text.Json.Nodes.JsonNode.Parse(statistics)![context.Request.Query["asset"].ToString()]!.ToJsonString()));

        var poll = await Client().PollAsync(CancellationToken.None);

        var error = Assert.Single(poll.MarketErrors);
        Assert.Equal("ETH-PERP", error.Symbol);
        Assert.Contains("open_interest", error.Reason);
        Assert.Equal(["BTC-PERP", "DOGE-PERP"], poll.Funding.Select(f => f.Symbol).Order());
        Assert.Equal(["BTC-PERP", "DOGE-PERP"], poll.OpenInterest.Select(o => o.Symbol).Order());
    }
}
