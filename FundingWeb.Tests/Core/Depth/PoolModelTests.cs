using FundingWeb.Core.Depth;
using Xunit;

namespace FundingWeb.Tests.Core.Depth;

[Trait("Category", "Fast")]
public sealed class PoolModelTests
{
    // Exponent 2, negative factor 1e-9 and positive 5e-10 per USD; long OI $6 M, short $4 M: imbalance d₀ = $2 M, long-heavy.
    private static readonly PoolImpactParameters Factors = new(5e-10, 1e-9, 2, 2);

    private static PoolState Pool(PoolImpactParameters? impact, double availableLong = 10e6, double availableShort = 10e6) =>
        new("gmx", "ETH/USD [WETH-USDC]", 1_000, 1_000, 6e6, 4e6, availableLong, availableShort, impact, "test://pool");

    [Fact]
    public void Walk_BuyWorseningImbalance_PaysTheNegativeFactor()
    {
        // d₁ = $3 M: impact = −1e-9 × (3e6² − 2e6²) = −$5,000 on $1 M → 0.5 %; at a reference price of 2,000 the fill is 2,010.
        var result = PoolModel.Walk(Pool(Factors), 1e6, TradeSide.Buy, 2_000, 0.01);

        Assert.Equal(SlippageStatus.Filled, result.Status);
        Assert.Equal(0.005, result.Fraction!.Value, 12);
        Assert.Equal(2_010, result.Vwap!.Value, 9);
        Assert.Equal(2_000, result.Mid);
    }

    [Fact]
    public void Walk_SellImprovingBalance_CostsNothingAndEarnsNothing()
    {
        // d₁ = $1 M: a positive impact of 5e-10 × (4e12 − 1e12) = $1,500, paid from an impact pool the API does not show: not counted.
        var result = PoolModel.Walk(Pool(Factors), 1e6, TradeSide.Sell, 2_000, 0.01);

        Assert.Equal(0, result.Fraction!.Value, 15);
    }

    [Fact]
    public void Walk_SellCrossingBalance_EarnsTheFirstPartAndPaysTheRest()
    {
        // $5 M sell: long − short goes from +2 M to −3 M. Impact = 5e-10 × 2e6² − 1e-9 × 3e6² = 2,000 − 9,000 = −$7,000 → 0.14 %.
        var result = PoolModel.Walk(Pool(Factors), 5e6, TradeSide.Sell, null, 0.01);

        Assert.Equal(0.0014, result.Fraction!.Value, 12);
        Assert.Null(result.Vwap);
    }

    [Fact]
    public void Walk_NoFactors_UsesTheLinearModelAndIsThinPastAvailableLiquidity()
    {
        // Linear: 1 % at the side's full $10 M of available liquidity, so $1 M costs 0.1 %; $20 M fills $10 M at 1 % and is thin.
        Assert.Equal(0.001, PoolModel.Walk(Pool(null), 1e6, TradeSide.Buy, 2_000, 0.01).Fraction!.Value, 12);
        var thin = PoolModel.Walk(Pool(null), 20e6, TradeSide.Buy, 2_000, 0.01);
        Assert.Equal(SlippageStatus.Thin, thin.Status);
        Assert.Null(thin.Fraction);
        Assert.Equal(10e6, thin.FilledUsd);
        Assert.Equal(10e6, thin.ShortfallUsd);
        Assert.Equal(0.01, thin.FilledFraction!.Value, 12);
        Assert.Contains("linear", PoolModel.Describe(Pool(null), 0.01));
        Assert.Contains("impact factors", PoolModel.Describe(Pool(Factors), 0.01));
    }

    [Fact]
    public void Bands_LinearModel_NotionalWhoseCostStaysWithinEachBandCappedByLiquidity()
    {
        // cost = 0.01 × n ÷ 10 M ≤ b → n ≤ b × 1e9: 1 M, 5 M, then the 10 M cap for 1 % and 2 %.
        var bands = PoolModel.Bands(Pool(null, availableLong: 10e6, availableShort: 4e6), 2_000, 0.01)!;

        Assert.Equal([1e6, 5e6, 10e6, 10e6], bands.AskUsd.Select(x => Math.Round(x, 0)));
        Assert.Equal([0.4e6, 2e6, 4e6, 4e6], bands.BidUsd.Select(x => Math.Round(x, 0)));
        Assert.Null(PoolModel.Bands(Pool(null), null, 0.01));
    }

    public static TheoryData<string, PoolState, double, SlippageStatus> Hostile() => new()
    {
        { "no available liquidity", Pool(null, availableLong: 0), 1e6, SlippageStatus.NoLiquidity },
        { "available unknown", Pool(null) with { AvailableLongUsd = null }, 1e6, SlippageStatus.NoLiquidity },
        { "NaN notional", Pool(Factors), double.NaN, SlippageStatus.InvalidNotional },
        { "zero notional", Pool(Factors), 0, SlippageStatus.InvalidNotional },
        { "unusable factors fall back to linear", Pool(new PoolImpactParameters(double.NaN, 1e-9, 2, 2)), 1e6, SlippageStatus.Filled },
        { "huge notional", Pool(Factors), 1e300, SlippageStatus.Thin },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Walk_HostilePool_IsTotal(string name, PoolState pool, double notional, SlippageStatus status)
    {
        var result = PoolModel.Walk(pool, notional, TradeSide.Buy, 2_000, 0.01);

        Assert.True(status == result.Status, $"{name}: {result.Status}");
        Assert.True(result.FilledFraction is null || double.IsFinite(result.FilledFraction.Value), name);
    }
}
