using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Gmx;
using FundingWeb.Tests.Fixtures;
using FundingWeb.Tests.Fixtures.Venues;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Gmx;

/// <summary>The GMX client over real HTTP against the loopback replay server.</summary>
[Trait("Category", "Fast")]
public sealed class GmxClientTests : IAsyncLifetime
{
    private const string Prefix = "/gmx";
    private LoopbackVenueServer _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _server = await LoopbackVenueServer.StartAsync();
        GmxReplay.Map(_server, Prefix);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private GmxClient CreateClient(Action<VenueOptions>? configure = null)
    {
        var options = new VenueOptions { BaseUrl = _server.BaseUrl + Prefix, RequestsPerMinute = 6000, RollupKind = "optimistic rollup (Arbitrum)" };
        configure?.Invoke(options);
        return new GmxClient(_http, options, TimeProvider.System);
    }

    [Fact]
    public async Task PollAsync_Replay_ReturnsMarketsLegsOiAndOraclePrices()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var poll = await CreateClient().PollAsync(CancellationToken.None);

        Assert.Equal(6, poll.Markets.Count);
        Assert.Empty(poll.MarketErrors);
        var ethLegs = poll.Funding.Where(f => f.Symbol == "ETH/USD [WETH-USDC]").ToDictionary(f => f.Leg);
        Assert.Equal([FundingLeg.Long, FundingLeg.Short, FundingLeg.BorrowLong, FundingLeg.BorrowShort], ethLegs.Keys);
        // 0.11/yr as annualised 1e30 → 0.11 / 8760 = 1.2557e-5 per hour.
        Assert.Equal(1.2557077625570777e-5, FundingNormalizer.Normalize(VenueIds.Gmx, ethLegs[FundingLeg.Long]).Rate1h, 15);
        Assert.InRange(ethLegs[FundingLeg.Long].TimeMs, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.StartsWith(_server.BaseUrl + "/gmx/markets/info", ethLegs[FundingLeg.Long].Source);

        // 48.2M + 41.5M USD at 2376.2847 → 37,748.0 ETH; both sides kept.
        var oi = poll.OpenInterest.Single(o => o.Symbol == "ETH/USD [WETH-USDC]");
        Assert.Equal(48_200_000, oi.LongUsd!.Value, 3);
        Assert.Equal(41_500_000, oi.ShortUsd!.Value, 3);
        Assert.Equal(37748.00216489211, oi.Base, 6);
        Assert.Equal(2376.2847, poll.Prices.Single(p => p.Symbol == "ETH/USD [WETH-USDC]").Index!.Value, 9);
        Assert.InRange(poll.DataTimeMs!.Value, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task PollAsync_TwoPolls_FetchTokensOnceAndTwoRequestsPerPoll()
    {
        var client = CreateClient();

        await client.PollAsync(CancellationToken.None);
        await client.PollAsync(CancellationToken.None);

        Assert.Equal(2, _server.Hits("GET", Prefix + "/markets/info"));
        Assert.Equal(2, _server.Hits("GET", Prefix + "/prices/tickers"));
        Assert.Equal(1, _server.Hits("GET", Prefix + "/tokens"));
    }

    [Fact]
    public async Task PollAsync_NewMarketWithUnknownIndexToken_RefetchesTokensAndAppears()
    {
        var info = FixtureFiles.Read("gmx", "markets-info.placeholder.json");
        _server.Map("GET", Prefix + "/markets/info", _ => Task.FromResult<string?>(info));
        var tokens = """{"tokens":[{"symbol":"ETH","address":"0x82aF49447D8a07e3bd95BD0d56f35241523fBab1","decimals":18}]}""";
        _server.Map("GET", Prefix + "/tokens", _ => Task.FromResult<string?>(tokens));
        var client = CreateClient();

        var first = await client.PollAsync(CancellationToken.None);
        info = FixtureFiles.Read("gmx", "markets-info.derived.json");
        tokens = FixtureFiles.Read("gmx", "tokens.derived.json");
        var second = await client.PollAsync(CancellationToken.None);

        Assert.Single(first.Markets);
        Assert.Contains(second.Funding, f => f.Symbol == "SOL/USD [SOL-USDC]");
        Assert.Empty(second.MarketErrors);
        Assert.Equal(2, _server.Hits("GET", Prefix + "/tokens"));
    }

    [Fact]
    public async Task PollAsync_RateIntervalOverridden_TreatsRatesAsPerHour()
    {
        var poll = await CreateClient(o => o.RateIntervalHours = 1).PollAsync(CancellationToken.None);

        var leg = poll.Funding.Single(f => f.Symbol == "ETH/USD [WETH-USDC]" && f.Leg == FundingLeg.Long);
        Assert.Equal(1, leg.IntervalHours);
        Assert.Equal(RateUnit.Fixed1e30, leg.Unit);
        Assert.Equal(0.11, FundingNormalizer.Normalize(VenueIds.Gmx, leg).Rate1h, 12);
    }

    [Fact]
    public async Task PollAsync_RequiredFieldMissingInOneMarket_ReportsMarketErrorAndKeepsOthers()
    {
        _server.MapJson("GET", Prefix + "/markets/info", FixtureFiles.Read("gmx", "markets-info.missing-funding.derived.json"));

        var poll = await CreateClient().PollAsync(CancellationToken.None);

        Assert.Equal("BTC/USD [WBTC.b-USDC]", Assert.Single(poll.MarketErrors).Symbol);
        Assert.Equal(["ETH/USD [WETH-USDC]", "SOL/USD [SOL-USDC]"], poll.Markets.Select(m => m.Symbol));
    }

    [Fact]
    public async Task GetHistoryAsync_NoRestHistory_ReturnsEmptyWithoutRequests()
    {
        var market = new Market(VenueIds.Gmx, "ETH/USD [WETH-USDC]", "ETH", 8760, 100, 0.01);

        var history = await CreateClient().GetHistoryAsync(market, DateTimeOffset.UtcNow.AddDays(-7), DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Same(VenueHistory.Empty, history);
        Assert.Equal(0, _server.Hits("GET", Prefix + "/markets/info"));
    }

    [Fact]
    public async Task PollAsync_Timeout_ThrowsVenueExceptionWithReason()
    {
        _server.SetFault(Prefix, VenueFault.Timeout);

        var ex = await Assert.ThrowsAsync<VenueException>(() =>
            CreateClient(o => o.RequestTimeout = TimeSpan.FromMilliseconds(300)).PollAsync(CancellationToken.None));

        Assert.Contains("timeout", ex.Reason);
    }

    [Fact]
    public async Task PollAsync_RateLimited_ThrowsWithRetryAfter()
    {
        _server.SetFault(Prefix, VenueFault.RateLimited);

        var ex = await Assert.ThrowsAsync<VenueRateLimitedException>(() => CreateClient().PollAsync(CancellationToken.None));

        Assert.True(ex.RetryAfter > TimeSpan.Zero);
    }

    [Fact]
    public async Task PollAsync_ServerError_ThrowsVenueException()
    {
        _server.SetFault(Prefix, VenueFault.ServerError);

        var ex = await Assert.ThrowsAsync<VenueException>(() => CreateClient().PollAsync(CancellationToken.None));

        Assert.Contains("500", ex.Reason);
    }

    [Fact]
    public async Task PollAsync_MalformedJson_ThrowsVenueException()
    {
        _server.SetFault(Prefix, VenueFault.MalformedJson);

        var ex = await Assert.ThrowsAsync<VenueException>(() => CreateClient().PollAsync(CancellationToken.None));

        Assert.Contains("malformed JSON", ex.Reason);
    }

    [Fact]
    public void Venue_FromOptions_IsLiveGmx()
    {
        var venue = CreateClient(o => o.TakerFee = 0.0006).Venue;

        Assert.Equal(VenueIds.Gmx, venue.Id);
        Assert.False(venue.IsSimulated);
        Assert.Equal(0.0006, venue.TakerFee);
        Assert.Equal("optimistic rollup (Arbitrum)", venue.RollupKind);
    }
}
