using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Paradex;
using FundingWeb.Tests.Fixtures;
using FundingWeb.Tests.Fixtures.Venues;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Paradex;

[Trait("Category", "Fast")]
public sealed class ParadexClientTests : IAsyncLifetime
{
    private LoopbackVenueServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackVenueServer.StartAsync();
        ParadexReplay.Map(_server, "/paradex");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ParadexClient Client(TimeSpan? timeout = null) => new(new HttpClient(), new VenueOptions
    {
        BaseUrl = _server.BaseUrl + "/paradex/v1",
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(5),
        RequestsPerMinute = 600,
        RollupKind = "appchain (Starknet)",
    }, TimeProvider.System);

    private static Market Hyper => new(VenueIds.Paradex, "HYPER-USD-PERP", "HYPER", 1, 10, 0.05);

    [Fact]
    public async Task PollAsync_Replay_MarketsQuotesOpenInterestAndPrices()
    {
        var client = Client();

        var poll = await client.PollAsync(CancellationToken.None);

        Assert.Equal(VenueIds.Paradex, client.Venue.Id);
        Assert.False(client.Venue.IsSimulated);
        Assert.Equal(5, poll.Markets.Count);
        Assert.Equal(MarketStatus.Paused, poll.Markets.Single(m => m.Symbol == "OLD-USD-PERP").Status);
        Assert.Equal(1, poll.Markets.Single(m => m.Symbol == "HYPER-USD-PERP").FundingIntervalHours);
        Assert.Equal(4, poll.Funding.Count(f => f.Kind == FundingKind.Quoted));
        var bera = FundingNormalizer.Normalize(VenueIds.Paradex, poll.Funding.Single(f => f.Symbol == "BERA-USD-PERP"));
        Assert.Equal(-0.00133792558260625, bera.Rate1h, 15);
        Assert.StartsWith(_server.BaseUrl + "/paradex/v1/markets/summary?market=ALL", poll.Funding[0].Source);
        Assert.Equal(412.5 * 97010.55, poll.OpenInterest.Single(o => o.Symbol == "BTC-USD-PERP").Usd, 6);
        Assert.Equal(4, poll.Prices.Count);
        Assert.Empty(poll.MarketErrors);
        Assert.Equal(1, _server.Hits("GET", "/paradex/v1/markets"));
    }

    [Fact]
    public async Task PollAsync_FirstPollOfANewHour_AddsSettledHourlySample()
    {
        const long hour = 1770444000000; // 06:00 UTC on 2026-02-07
        var createdAt = new Queue<long>([hour - 10_000, hour + 4_000, hour + 14_000]);
        var summary = FixtureFiles.Read("paradex", "markets-summary.derived.json");
        _server.Map("GET", "/paradex/v1/markets/summary", _ =>
            Task.FromResult<string?>(summary.Replace("1770444780108", createdAt.Dequeue().ToString())));
        var client = Client();

        var before = await client.PollAsync(CancellationToken.None);
        var crossing = await client.PollAsync(CancellationToken.None);
        var after = await client.PollAsync(CancellationToken.None);

        Assert.DoesNotContain(before.Funding, f => f.Kind == FundingKind.Settled);
        var settled = crossing.Funding.Where(f => f.Kind == FundingKind.Settled).ToList();
        Assert.Equal(4, settled.Count);
        Assert.All(settled, s => Assert.Equal(hour, s.TimeMs));
        // The summary carries no funding_index: the poll can only sample, and says so (the backfill's index row replaces it).
        Assert.All(settled, s => Assert.Equal(FundingOrigins.HourlySample, s.Origin));
        // The hourly sample covers one hour: −1.070340466085 % per 8h period → −0.13379255826 % accrued over the hour.
        var bera = settled.Single(s => s.Symbol == "BERA-USD-PERP");
        Assert.Equal(-0.01070340466085 / 8, bera.RateRaw, 15);
        Assert.Equal(1, bera.IntervalHours);
        Assert.Equal(-0.00133792558260625, FundingNormalizer.Normalize("paradex", bera).Rate1h, 15);
        Assert.DoesNotContain(after.Funding, f => f.Kind == FundingKind.Settled);
    }

    [Fact]
    public async Task GetHistoryAsync_RecordedPages_FollowsCursorAndKeepsOneSamplePerHour()
    {
        _server.Map("GET", "/paradex/v1/funding/data", context => Task.FromResult<string?>(
            context.Request.Query["cursor"] == "cursor-page-2"
                ? FixtureFiles.Read("paradex", "funding-data.HYPER.page2.derived.json")
                : FixtureFiles.Read("paradex", "funding-data.HYPER.page1.derived.json")));
        const long h0 = 1759816800000;

        var history = await Client().GetHistoryAsync(Hyper, DateTimeOffset.FromUnixTimeMilliseconds(h0),
            DateTimeOffset.FromUnixTimeMilliseconds(h0 + 3 * 3_600_000), CancellationToken.None);

        Assert.Equal(2, _server.Hits("GET", "/paradex/v1/funding/data"));
        Assert.Equal([h0, h0 + 3_600_000, h0 + 7_200_000], history.Funding.Select(f => f.TimeMs));
        Assert.Equal([0.0000105, 0.0000120, 0.0000125], history.Funding.Select(f => f.RateRaw));
        Assert.All(history.Funding, f => Assert.Equal(FundingKind.Settled, f.Kind));
        Assert.All(history.Funding, f => Assert.Equal(1, f.IntervalHours));
        // These derived pages hold the recorded message's index unchanged for hours while the premium is positive: a
        // stuck field, not an accrual of zero, so the first sample stands in for every hour.
        Assert.All(history.Funding, f => Assert.Equal(FundingOrigins.HourlySample, f.Origin));
        Assert.Empty(history.Gaps);
    }

    [Fact]
    public async Task GetHistoryAsync_ReplayTenDays_AllHoursOnceOldestFirstAcrossPages()
    {
        var to = DateTimeOffset.UtcNow;
        var from = to.AddDays(-10);
        var bera = new Market(VenueIds.Paradex, "BERA-USD-PERP", "BERA", 8, 10, 0.05);

        var history = await Client().GetHistoryAsync(bera, from, to, CancellationToken.None);

        // 10 days of 5-minute rows = 2,880 rows, served 1,000 a page → 3 pages.
        Assert.True(_server.Hits("GET", "/paradex/v1/funding/data") >= 3);
        var times = history.Funding.Select(f => f.TimeMs).ToList();
        Assert.InRange(times.Count, 240, 241); // 10 × 24 hour marks (one more if `from` sits exactly on one)
        Assert.Equal(times.Order(), times);
        Assert.Equal(times.Count, times.Distinct().Count());
        Assert.All(times, t => Assert.Equal(0, t % 3_600_000));
        // Hourly samples of an 8h-period market are stored as the 1h accrual (interval = the hour each covers).
        Assert.All(history.Funding, f => Assert.Equal(1, f.IntervalHours));
        Assert.All(history.Funding, f => Assert.InRange(f.RateRaw, -0.0134 / 8, -0.0080 / 8));
    }

    [Fact]
    public async Task PollAsync_Timeout_ThrowsVenueExceptionSoon()
    {
        _server.SetFault("/paradex", VenueFault.Timeout);

        // The stalled server never answers: the client's own 300 ms timeout must end the call. A deadline, not a
        // duration assertion: a client without its timeout hangs past it and the test fails with a TimeoutException.
        var ex = await Assert.ThrowsAsync<VenueException>(() => Client(TimeSpan.FromMilliseconds(300)).PollAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Contains("timeout", ex.Reason);
    }

    [Fact]
    public async Task PollAsync_RateLimited_ThrowsWithRetryAfter()
    {
        _server.SetFault("/paradex", VenueFault.RateLimited);

        var ex = await Assert.ThrowsAsync<VenueRateLimitedException>(() => Client().PollAsync(CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(1), ex.RetryAfter);
    }

    [Fact]
    public async Task PollAsync_ServerError_ThrowsVenueException()
    {
        _server.SetFault("/paradex", VenueFault.ServerError);

        var ex = await Assert.ThrowsAsync<VenueException>(() => Client().PollAsync(CancellationToken.None));

        Assert.Contains("HTTP 500", ex.Reason);
    }

    [Fact]
    public async Task PollAsync_MalformedJson_ThrowsVenueException()
    {
        _server.SetFault("/paradex", VenueFault.MalformedJson);

        var ex = await Assert.ThrowsAsync<VenueException>(() => Client().PollAsync(CancellationToken.None));

        Assert.Contains("malformed JSON", ex.Reason);
    }

    [Fact]
    public async Task PollAsync_TopLevelShapeChanged_ThrowsVenueException()
    {
        _server.MapJson("GET", "/paradex/v1/markets/summary", """{"data":[]}""");

        var ex = await Assert.ThrowsAsync<VenueException>(() => Client().PollAsync(CancellationToken.None));

        Assert.Contains("results", ex.Reason);
    }

    [Fact]
    public async Task PollAsync_MarketsWithoutFundingPeriod_KeptAsAssumedEightHoursAndHistoryRowsKeepTheirOwnPeriod()
    {
        // An older deployment: /markets has no funding_period_hours at all; /funding/data rows still carry theirs (HYPER 1 h).
        var markets = System.Text.Json.Nodes.JsonNode.Parse(FixtureFiles.Read("paradex", "markets.derived.json"))!;
        foreach (var m in markets["results"]!.AsArray()) m!.AsObject().Remove("funding_period_hours");
        _server.MapJson("GET", "/paradex/v1/markets", markets.ToJsonString());
        var client = Client();

        var poll = await client.PollAsync(CancellationToken.None);

        Assert.Empty(poll.MarketErrors);
        Assert.Equal(["BERA-USD-PERP", "BTC-USD-PERP", "ETH-USD-PERP", "HYPER-USD-PERP", "OLD-USD-PERP"], poll.Markets.Select(m => m.Symbol));
        Assert.All(poll.Markets, m => Assert.True(m.IntervalAssumed && m.FundingIntervalHours == 8, m.Symbol));
        Assert.Equal(0.02, poll.Markets.Single(m => m.Symbol == "BTC-USD-PERP").FundingCap);
        Assert.Equal(0.05, poll.Markets.Single(m => m.Symbol == "HYPER-USD-PERP").FundingCap);
        Assert.Null(poll.Markets.Single(m => m.Symbol == "OLD-USD-PERP").FundingCap);
        Assert.Equal(8, poll.Funding.Single(f => f.Symbol == "BTC-USD-PERP" && f.Kind == FundingKind.Quoted).IntervalHours);

        var hyper = poll.Markets.Single(m => m.Symbol == "HYPER-USD-PERP");
        var now = DateTimeOffset.UtcNow;
        var history = await client.GetHistoryAsync(hyper, now.AddHours(-3), now, CancellationToken.None);
        // The rows say 1 h: the hourly sample of the replay's 1h rate r × (1 ± 0.25) is at least 0.75 r per hour; read
        // with the assumed 8 h it would be at most 1.25 r / 8.
        Assert.NotEmpty(history.Funding);
        Assert.All(history.Funding, f =>
        {
            var sampled = f.Origin == FundingOrigins.IndexDelta ? f.CrossCheck1h!.Value : f.RateRaw;
            Assert.True(sampled >= 0.75 * 0.00001250176896 * 0.999, $"{f.Origin} {f.RateRaw:R} {f.CrossCheck1h:R}");
        });
    }

    [Fact]
    public async Task PollAsync_RequiredFieldRemovedFromOneMarket_MarketErrorOthersStillParse()
    {
        _server.MapJson("GET", "/paradex/v1/markets/summary", FixtureFiles.Read("paradex", "markets-summary.eth-no-funding_rate.derived.json"));

        var poll = await Client().PollAsync(CancellationToken.None);

        Assert.Equal("ETH-USD-PERP", Assert.Single(poll.MarketErrors).Symbol);
        Assert.Equal(3, poll.Funding.Count);
        Assert.Contains(poll.Markets, m => m.Symbol == "BTC-USD-PERP" && m.Status == MarketStatus.Active);
    }
}
