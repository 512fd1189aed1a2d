using System.Text.Json.Nodes;
using FundingWeb.Core.Depth;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Gmx;
using FundingWeb.Tests.Fixtures;
using FundingWeb.Tests.Fixtures.Venues;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Gmx;

/// <summary>GMX pool states from <c>/markets/info</c> over real HTTP on loopback: never a book.</summary>
[Trait("Category", "Fast")]
public sealed class GmxDepthSourceTests : IAsyncLifetime
{
    private const string Eth = "ETH/USD [WETH-USDC]";
    private DepthReplay _replay = null!;

    public async Task InitializeAsync() => _replay = await DepthReplay.StartAsync();

    public async Task DisposeAsync() => await _replay.DisposeAsync();

    private Task<DepthBatch> Read(string json, params string[] symbols)
    {
        _replay.Server.MapJson("GET", "/gmx/markets/info", json);
        return new GmxDepthSource(_replay.Edge("/gmx"), TimeProvider.System)
            .ReadAsync(symbols.Select(s => DepthReplay.Market(VenueIds.Gmx, s, "ETH")).ToList(), 1, CancellationToken.None);
    }

    [Fact]
    public async Task ReadAsync_DerivedMarketsInfo_PoolsForListedMarketsLinearModelWithoutFactors()
    {
        var batch = await Read(FixtureFiles.Read("gmx", "markets-info.derived.json"), Eth, "DOGE/USD [WETH-USDC]");

        Assert.Empty(batch.Books);
        // Listed and enabled, swap-only pool left out: ETH (two pools), BTC, SOL.
        Assert.Equal(["ETH/USD [WETH-USDC]", "BTC/USD [WBTC.b-USDC]", "SOL/USD [SOL-USDC]", "ETH/USD [WETH-WETH]"], batch.Pools.Select(p => p.Symbol));
        var eth = batch.Pools[0];
        Assert.Equal(48.2e6, eth.LongOiUsd, 3);
        Assert.Equal(41.5e6, eth.ShortOiUsd, 3);
        Assert.Equal(43.38e6, eth.AvailableLongUsd!.Value, 3);
        Assert.Null(eth.Impact);
        Assert.Contains("disabled", Assert.Single(batch.Errors).Reason);
        // Linear model: $1 M long against $43.38 M available at 1 % for all of it.
        Assert.Equal(0.01 * 1e6 / 43.38e6, PoolModel.Walk(eth, 1e6, TradeSide.Buy, 2_400, 0.01).Fraction!.Value, 12);
        Assert.Equal(1, _replay.Server.Hits("GET", "/gmx/markets/info"));
    }

    [Fact]
    public async Task ReadAsync_ImpactFactorsInTheAnswer_AreReadAs1e30FixedPoint()
    {
        var doc = JsonNode.Parse(FixtureFiles.Read("gmx", "markets-info.derived.json"))!;
        var eth = doc["markets"]![0]!;
        eth["positionImpactFactorPositive"] = "75000000000000000000";   // 7.5e-11
        eth["positionImpactFactorNegative"] = "150000000000000000000";  // 1.5e-10
        eth["positionImpactExponentFactor"] = "2000000000000000000000000000000";

        var pool = (await Read(doc.ToJsonString(), Eth)).Pools[0];

        Assert.Equal(new PoolImpactParameters(7.5e-11, 1.5e-10, 2, 2), pool.Impact);
        // Long-heavy by $6.7 M; a $1 M buy: 1.5e-10 × (7.7e6² − 6.7e6²) = $2,160 → 0.216 %.
        Assert.Equal(0.00216, PoolModel.Walk(pool, 1e6, TradeSide.Buy, null, 0.01).Fraction!.Value, 9);
    }

    [Theory]
    [InlineData("""{"markets":[{"name":"X","indexToken":"0x1","openInterestLong":"-1","openInterestShort":"0"}]}""", "negative")]
    [InlineData("""{"markets":[{"name":"X","indexToken":"0x1","openInterestShort":"0"}]}""", "'openInterestLong' is missing")]
    public async Task ReadAsync_UnreadablePool_NamesTheMarket(string json, string reason)
    {
        var batch = await Read(json, "X");

        Assert.Empty(batch.Pools);
        Assert.Contains(reason, Assert.Single(batch.Errors).Reason);
    }

    [Fact]
    public async Task ReadAsync_NoMarketsArray_FailsTheRound() =>
        await Assert.ThrowsAsync<VenueException>(() => Read("""{"pools":[]}""", Eth));
}
