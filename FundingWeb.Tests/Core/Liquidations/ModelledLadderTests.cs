using Xunit;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Venues;

namespace FundingWeb.Tests.Core.Liquidations;

[Trait("Category", "Fast")]
public class ModelledLadderTests
{
    private const long T0 = 1_767_225_600_000; // 2026-01-01T00:00Z
    private const long H = 3_600_000;
    private const double Usd = 1e-6;

    // Max 20x with mm 0.5 %: the default buckets {5, 10, 20, 25, 50, 100} are capped to {5, 10, 20}.
    private static readonly ModelledLadderOptions Options = new(MaxLeverage: 20, MaintenanceMargin: 0.005);

    // Baseline 100 BTC, then +10 BTC at 100,000 (1,000,000 USD new notional, 500,000 per side, 166,666.67 per lot).
    private static readonly OpenInterestBar[] Rise = [new(T0, 100, 100_000), new(T0 + H, 110, 100_000)];

    private static ModelledLot Lot(ModelledLadderResult result, LiquidationSide side, double leverage) =>
        result.OpenLots.Single(l => l.Side == side && l.Leverage == leverage);

    [Fact]
    public void Assumptions_MaxLeverage20_KeepsFiveTenTwentyEqualWeights()
    {
        var assumptions = ModelledLadder.Assumptions(Options);

        Assert.Equal([5d, 10d, 20d], assumptions.Buckets.Select(b => b.Leverage).ToArray());
        Assert.All(assumptions.Buckets, b => Assert.Equal(1d / 3, b.Weight, 12));
        Assert.Equal(0.5, assumptions.LongShare);
        Assert.False(assumptions.LongShareFromTakerRatio);
    }

    [Fact]
    public void Assumptions_MaxBelowEveryBucket_UsesTheMaxItself()
    {
        var assumptions = ModelledLadder.Assumptions(new ModelledLadderOptions(3, 0.01));

        Assert.Equal([new LeverageBucket(3, 1)], assumptions.Buckets);
    }

    [Fact]
    public void Assumptions_CustomWeightsAndTakerShare_AreCappedAndNormalised()
    {
        var options = new ModelledLadderOptions(20, 0.005, TakerLongShare: 0.6, Leverages: [5, 10, 20, 50], Weights: [2, 1, 1, 4]);

        var assumptions = ModelledLadder.Assumptions(options);

        Assert.Equal([new LeverageBucket(5, 0.5), new LeverageBucket(10, 0.25), new LeverageBucket(20, 0.25)], assumptions.Buckets);
        Assert.Equal(0.6, assumptions.LongShare);
        Assert.True(assumptions.LongShareFromTakerRatio);
    }

    [Fact]
    public void Assumptions_BucketLiquidatedOnEntry_IsDropped()
    {
        // 1/100 = 1 % initial margin is below the 1.2 % maintenance margin: a 100x position could not exist.
        var assumptions = ModelledLadder.Assumptions(new ModelledLadderOptions(100, 0.012));

        Assert.Equal([5d, 10d, 20d, 25d, 50d], assumptions.Buckets.Select(b => b.Leverage).ToArray());
    }

    [Fact]
    public void Assumptions_MaintenanceMarginAboveInitialAtMax_Throws()
    {
        Assert.Throws<ArgumentException>(() => ModelledLadder.Assumptions(new ModelledLadderOptions(3, 0.4)));
    }

    [Fact]
    public void Assumptions_WeightsOfWrongLength_Throw()
    {
        Assert.Throws<ArgumentException>(() => ModelledLadder.Assumptions(Options with { Weights = [1, 2] }));
    }

    [Fact]
    public void Describe_DefaultOptions_SaysModelledAndListsBuckets()
    {
        var lines = ModelledLadder.Assumptions(Options).Describe();

        Assert.StartsWith("Modelled", lines[0]);
        Assert.Contains(lines, l => l.Contains("assumed even") && l.Contains("50"));
        Assert.Contains(lines, l => l.Contains("5x") && l.Contains("10x") && l.Contains("20x") && l.Contains("max 20x"));
    }

    [Fact]
    public void LiquidationPrice_TenXWithHalfPercentMm_Is90500Long109500Short()
    {
        Assert.Equal(90_500, ModelledLadder.LiquidationPrice(LiquidationSide.Long, 100_000, 10, 0.005), 6);
        Assert.Equal(109_500, ModelledLadder.LiquidationPrice(LiquidationSide.Short, 100_000, 10, 0.005), 6);
    }

    [Fact]
    public void Build_OpenInterestRisesTenBtcAt100000_OpensOneLotPerSideAndBucket()
    {
        var result = ModelledLadder.Build(Rise, Options);

        Assert.Equal(6, result.OpenLots.Count);
        Assert.All(result.OpenLots, l => Assert.Equal(500_000d / 3, l.NotionalUsd, Usd));
        Assert.All(result.OpenLots, l => Assert.Equal((T0 + H, 100_000d), (l.OpenedMs, l.EntryPrice)));
        // Long = entry × (1 − 1/L + 0.005): 5x 80,500, 10x 90,500, 20x 95,500. Short = entry × (1 + 1/L − 0.005).
        Assert.Equal(80_500, Lot(result, LiquidationSide.Long, 5).LiquidationPrice, 6);
        Assert.Equal(90_500, Lot(result, LiquidationSide.Long, 10).LiquidationPrice, 6);
        Assert.Equal(95_500, Lot(result, LiquidationSide.Long, 20).LiquidationPrice, 6);
        Assert.Equal(119_500, Lot(result, LiquidationSide.Short, 5).LiquidationPrice, 6);
        Assert.Equal(109_500, Lot(result, LiquidationSide.Short, 10).LiquidationPrice, 6);
        Assert.Equal(104_500, Lot(result, LiquidationSide.Short, 20).LiquidationPrice, 6);
    }

    [Fact]
    public void Build_TakerLongShare60_SplitsNewNotional60To40()
    {
        var result = ModelledLadder.Build(Rise, Options with { TakerLongShare = 0.6 });

        Assert.Equal(600_000, result.OpenLots.Where(l => l.Side == LiquidationSide.Long).Sum(l => l.NotionalUsd), Usd);
        Assert.Equal(400_000, result.OpenLots.Where(l => l.Side == LiquidationSide.Short).Sum(l => l.NotionalUsd), Usd);
    }

    [Fact]
    public void Build_OpenInterestThenFallsHalf_EveryLotHalves()
    {
        OpenInterestBar[] bars = [.. Rise, new(T0 + 2 * H, 55, 100_000)];

        var result = ModelledLadder.Build(bars, Options);

        Assert.Equal(6, result.OpenLots.Count);
        Assert.All(result.OpenLots, l => Assert.Equal(250_000d / 3, l.NotionalUsd, Usd));
    }

    [Fact]
    public void Build_LowTradesTo90000_ConsumesTenXLongButNotFiveX()
    {
        // After the rise and the 50 % fall, a bar closing at 92,000 with a low of 90,000: 10x (90,500) and 20x (95,500)
        // longs are traded through; the 5x long (80,500) and every short survive.
        OpenInterestBar[] bars = [.. Rise, new(T0 + 2 * H, 55, 100_000), new(T0 + 3 * H, 55, 92_000, High: 100_100, Low: 90_000)];

        var result = ModelledLadder.Build(bars, Options);

        Assert.Equal([10d, 20d], result.Consumed.Select(c => c.Lot.Leverage).Order().ToArray());
        Assert.All(result.Consumed, c => Assert.Equal((LiquidationSide.Long, T0 + 3 * H), (c.Lot.Side, c.ConsumedMs)));
        Assert.Equal(80_500, Lot(result, LiquidationSide.Long, 5).LiquidationPrice, 6);
        Assert.Equal(250_000d / 3, Lot(result, LiquidationSide.Long, 5).NotionalUsd, Usd);
        Assert.Equal(3, result.OpenLots.Count(l => l.Side == LiquidationSide.Short));
    }

    [Fact]
    public void Build_OnlyCloses_UsesTheCloseAsTheRange()
    {
        // No high/low: a close of 105,000 is through the 20x short (104,500) but not the 10x short (109,500).
        OpenInterestBar[] bars = [.. Rise, new(T0 + 2 * H, 110, 105_000)];

        var result = ModelledLadder.Build(bars, Options);

        var consumed = Assert.Single(result.Consumed);
        Assert.Equal((LiquidationSide.Short, 20d), (consumed.Lot.Side, consumed.Lot.Leverage));
        Assert.Equal(5, result.OpenLots.Count);
    }

    [Fact]
    public void Build_LowInTheSameBarAsTheRise_DoesNotConsumeLotsOpenedAtItsClose()
    {
        OpenInterestBar[] bars = [new(T0, 100, 100_000), new(T0 + H, 110, 100_000, High: 100_000, Low: 50_000)];

        var result = ModelledLadder.Build(bars, Options);

        Assert.Empty(result.Consumed);
        Assert.Equal(6, result.OpenLots.Count);
    }

    [Fact]
    public void Build_BarsOutOfOrder_AreSortedByTime()
    {
        OpenInterestBar[] bars = [Rise[1], Rise[0]];

        var result = ModelledLadder.Build(bars, Options);

        Assert.Equal(1_000_000, result.OpenLots.Sum(l => l.NotionalUsd), Usd);
    }

    [Fact]
    public void Build_SingleBar_HasNoLots()
    {
        var result = ModelledLadder.Build([Rise[0]], ModelledLadderOptions.For(new Market("hyperliquid", "BTC", "BTC", 1, 40, 0.0125)));

        Assert.Empty(result.OpenLots);
        Assert.Equal(40, result.Assumptions.MaxLeverage);
    }
}
