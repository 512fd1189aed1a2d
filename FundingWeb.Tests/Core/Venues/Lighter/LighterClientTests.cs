using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Lighter;
using FundingWeb.Tests.Fixtures;
using Xunit;
using FundingWeb.Tests.Fixtures.Venues;

namespace FundingWeb.Tests.Core.Venues.Lighter;

/// <summary>The Lighter client over real HTTP against the loopback replay server.</summary>
[Trait("Category", "Fast")]
public sealed class LighterClientTests : IAsyncLifetime
{
    private const string Prefix = "/lighter";
    private LoopbackVenueServer _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _server = await LoopbackVenueServer.StartAsync();
        LighterReplay.Map(_server, Prefix);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private LighterClient CreateClient(Action<VenueOptions>? configure = null)
    {
        var options = new VenueOptions { BaseUrl = _server.BaseUrl + Prefix, RequestsPerMinute = 6000, RollupKind = "zk rollup" };
        configure?.Invoke(options);
        return new LighterClient(_http, options, TimeProvider.System);
    }

    [Fact]
    public async Task PollAsync_MarginsInBothShapes_ReadAsFractionsAndImplausibleOnesKeepDefaultsWithReason()
    {
        // The replay's HYPE answers in the newer shape ("5.00" % initial, "2.00" % maintenance), the others in basis points.
        var details = System.Text.Json.Nodes.JsonNode.Parse(FixtureFiles.Read("lighter", "orderBookDetails.derived.json"))!;
        details["order_book_details"]![2]!["maintenance_margin_fraction"] = "0";
        _server.MapJson("GET", Prefix + "/api/v1/orderBookDetails", details.ToJsonString());

        var poll = await CreateClient().PollAsync(CancellationToken.None);

        var hype = poll.Markets.Single(m => m.Symbol == "HYPE");
        Assert.Equal(0.02, hype.MaintenanceMargin, 12);
        Assert.Equal(20, hype.MaxLeverage, 9);
        var eth = poll.Markets.Single(m => m.Symbol == "ETH");
        Assert.Equal(0.012, eth.MaintenanceMargin, 12);
        Assert.Equal(50, eth.MaxLeverage, 9);
        // SOL's maintenance "0" is not a margin: the market stays, with the documented defaults and the reason.
        var sol = poll.Markets.Single(m => m.Symbol == "SOL");
        Assert.Equal(LighterMargins.DefaultMaintenanceMargin, sol.MaintenanceMargin);
        Assert.Equal(LighterMargins.DefaultMaxLeverage, sol.MaxLeverage);
        Assert.Contains("maintenance_margin_fraction", Assert.Single(poll.MarketErrors, e => e.Symbol == "SOL").Reason);
        Assert.Contains(poll.Funding, f => f.Symbol == "SOL");
    }

    [Fact]
    public async Task PollAsync_Replay_DiscoversMarketsQuotesOiAndPricesInTwoRequests()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var poll = await CreateClient().PollAsync(CancellationToken.None);

        Assert.Equal(["ETH", "BTC", "SOL", "HYPE", "MKR"], poll.Markets.Select(m => m.Symbol));
        Assert.Empty(poll.MarketErrors);
        var eth = Assert.Single(poll.Funding, f => f.Symbol == "ETH");
        Assert.Equal(FundingKind.Quoted, eth.Kind);
        Assert.Equal(RateUnit.Fraction, eth.Unit);
        Assert.Equal(8, eth.IntervalHours);
        Assert.Equal(1.2e-5, FundingNormalizer.Normalize(VenueIds.Lighter, eth).Rate1h, 15);
        Assert.EndsWith("/lighter/api/v1/funding-rates funding_rates[].rate", eth.Source);
        Assert.InRange(eth.TimeMs, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        // SOL −0.000042 per 8 h → −5.25e-6 per hour: shorts pay.
        Assert.Equal(-5.25e-6, FundingNormalizer.Normalize(VenueIds.Lighter, poll.Funding.Single(f => f.Symbol == "SOL")).Rate1h, 15);

        // 27350.8981 ETH × last trade 2361.31 = 64,583,949.19 USD.
        var oi = poll.OpenInterest.Single(o => o.Symbol == "ETH");
        Assert.Equal(27350.8981, oi.Base, 8);
        Assert.Equal(64_583_949.192511, oi.Usd, 4);
        // 612.41237 BTC × 93,850.6 = 57,475,268.37 USD.
        Assert.Equal(57_475_268.371922, poll.OpenInterest.Single(o => o.Symbol == "BTC").Usd, 4);
        var price = poll.Prices.Single(p => p.Symbol == "ETH");
        Assert.Equal(2361.31, price.Mark);
        Assert.Null(price.Index);

        Assert.Equal(1, _server.Hits("GET", Prefix + "/api/v1/orderBookDetails"));
        Assert.Equal(1, _server.Hits("GET", Prefix + "/api/v1/funding-rates"));
    }

    [Fact]
    public async Task PollAsync_InactiveMarket_IsPausedWithoutRows()
    {
        var poll = await CreateClient().PollAsync(CancellationToken.None);

        Assert.Equal(MarketStatus.Paused, poll.Markets.Single(m => m.Symbol == "MKR").Status);
        Assert.DoesNotContain(poll.Funding, f => f.Symbol == "MKR");
        Assert.DoesNotContain(poll.OpenInterest, o => o.Symbol == "MKR");
        Assert.DoesNotContain(poll.Prices, p => p.Symbol == "MKR");
    }

    [Fact]
    public async Task PollAsync_NewMarketBetweenPolls_JustAppears()
    {
        var body = FixtureFiles.Read("lighter", "orderBookDetails.json");
        _server.Map("GET", Prefix + "/api/v1/orderBookDetails", _ => Task.FromResult<string?>(body));
        var client = CreateClient();

        var first = await client.PollAsync(CancellationToken.None);
        body = FixtureFiles.Read("lighter", "orderBookDetails.derived.json");
        var second = await client.PollAsync(CancellationToken.None);

        Assert.Equal(["ETH"], first.Markets.Select(m => m.Symbol));
        Assert.Contains(second.Funding, f => f.Symbol == "HYPE");
    }

    [Fact]
    public async Task PollAsync_RateUnitOverridden_UsesConfiguredUnitAndInterval()
    {
        var poll = await CreateClient(o => { o.RateUnit = "percent"; o.RateIntervalHours = 1; }).PollAsync(CancellationToken.None);

        var eth = poll.Funding.Single(f => f.Symbol == "ETH");
        Assert.Equal(RateUnit.Percent, eth.Unit);
        Assert.Equal(1, eth.IntervalHours);
        Assert.Equal(1, poll.Markets.Single(m => m.Symbol == "ETH").FundingIntervalHours);
        // 0.000096 % per hour → 9.6e-7 per hour.
        Assert.Equal(9.6e-7, FundingNormalizer.Normalize(VenueIds.Lighter, eth).Rate1h, 15);
    }

    [Fact]
    public async Task PollAsync_RequiredFieldMissingInOneMarket_ReportsMarketErrorAndKeepsOthers()
    {
        _server.MapJson("GET", Prefix + "/api/v1/orderBookDetails", FixtureFiles.Read("lighter", "orderBookDetails.missing-oi.derived.json"));

        var poll = await CreateClient().PollAsync(CancellationToken.None);

        Assert.Equal("BTC", Assert.Single(poll.MarketErrors).Symbol);
        Assert.Equal(["ETH", "SOL"], poll.Markets.Select(m => m.Symbol));
        Assert.Equal(["ETH", "SOL"], poll.Funding.Select(f => f.Symbol));
    }

    [Fact]
    public async Task GetHistoryAsync_FortyFiveDays_PagesAndReturnsEachHourOnceOldestFirst()
    {
        var to = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var from = to.AddDays(-45);
        var market = new Market(VenueIds.Lighter, "ETH", "ETH", 8, 50, 0.012);

        var history = await CreateClient().GetHistoryAsync(market, from, to, CancellationToken.None);

        // 45 days = 1080 hours, both ends inclusive → 1081 settlements over three windows (500 h, 500 h, 80 h).
        Assert.Equal(1081, history.Funding.Count);
        Assert.Equal(from.ToUnixTimeMilliseconds(), history.Funding[0].TimeMs);
        Assert.Equal(to.ToUnixTimeMilliseconds(), history.Funding[^1].TimeMs);
        Assert.All(history.Funding.Zip(history.Funding.Skip(1)), pair => Assert.Equal(3_600_000, pair.Second.TimeMs - pair.First.TimeMs));
        Assert.All(history.Funding, f => Assert.Equal(FundingKind.Settled, f.Kind));
        Assert.Equal(3, _server.Hits("GET", Prefix + "/api/v1/fundings"));
        // One discovery request to learn ETH's market_id, since this client has not polled yet.
        Assert.Equal(1, _server.Hits("GET", Prefix + "/api/v1/orderBookDetails"));
    }

    [Fact]
    public async Task GetHistoryAsync_UnknownMarket_IsEmpty()
    {
        var market = new Market(VenueIds.Lighter, "NOPE", "NOPE", 8, 50, 0.012);

        var history = await CreateClient().GetHistoryAsync(market, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Empty(history.Funding);
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

        Assert.Equal(TimeSpan.FromSeconds(1), ex.RetryAfter);
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
}
