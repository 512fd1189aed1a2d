using Xunit;
using FundingWeb.Core.Liquidations;

namespace FundingWeb.Tests.Core.Liquidations;

[Trait("Category", "Fast")]
public class LiquidationLadderTests
{
    private const double Price = 100_000;

    private static LadderEntry Long(double liquidationPrice, double usd) => new(LiquidationSide.Long, liquidationPrice, usd);

    private static LadderEntry Short(double liquidationPrice, double usd) => new(LiquidationSide.Short, liquidationPrice, usd);

    [Fact]
    public void Build_ByWidth_LongsBelowShortsAboveCumulativeFromPriceOutward()
    {
        LadderEntry[] entries =
        [
            Long(99_500, 1e6), Long(95_200, 2e6), Long(90_000, 0.5e6),
            Short(100_400, 1e6), Short(104_500, 3e6),
            Long(85_000, 9e6),   // outside ±10 %
            Long(100_200, 7e6),  // a long liquidating above the price: wrong side
        ];

        var ladder = LiquidationLadder.Build(entries, Price, LadderBinning.ByWidth(1_000, 0.10), LadderKind.Measured);

        Assert.Equal(LadderKind.Measured, ladder.Kind);
        Assert.Equal(10, ladder.Longs.Count);
        Assert.Equal(new LadderBin(99_000, 100_000, 1e6, 1e6), ladder.Longs[0]);
        Assert.Equal(new LadderBin(95_000, 96_000, 2e6, 3e6), ladder.Longs[4]);
        Assert.Equal(new LadderBin(90_000, 91_000, 0.5e6, 3.5e6), ladder.Longs[9]);
        Assert.Equal(10, ladder.Shorts.Count);
        Assert.Equal(new LadderBin(100_000, 101_000, 1e6, 1e6), ladder.Shorts[0]);
        Assert.Equal(new LadderBin(104_000, 105_000, 3e6, 4e6), ladder.Shorts[4]);
        Assert.Equal(4e6, ladder.Shorts[^1].CumulativeUsd);
        Assert.Equal((3.5e6, 4e6, 16e6), (ladder.LongUsd, ladder.ShortUsd, ladder.ExcludedUsd));
    }

    [Fact]
    public void Build_ByWidth_BinsAreContiguousAndMoveAwayFromPrice()
    {
        var ladder = LiquidationLadder.Build([], Price, LadderBinning.ByWidth(250, 0.05), LadderKind.Measured);

        Assert.All(Enumerable.Range(1, ladder.Longs.Count - 1), i => Assert.Equal(ladder.Longs[i - 1].Low, ladder.Longs[i].High));
        Assert.All(Enumerable.Range(1, ladder.Shorts.Count - 1), i => Assert.Equal(ladder.Shorts[i - 1].High, ladder.Shorts[i].Low));
        Assert.All(ladder.Longs.Concat(ladder.Shorts), b => Assert.Equal(0, b.CumulativeUsd));
    }

    [Fact]
    public void Build_PriceInsideAGridBin_SplitsThatBinAtThePrice()
    {
        var ladder = LiquidationLadder.Build([Long(100_100, 1), Short(100_900, 2)], 100_500, LadderBinning.ByWidth(1_000, 0.10), LadderKind.Measured);

        Assert.Equal(new LadderBin(100_000, 100_500, 1, 1), ladder.Longs[0]);
        Assert.Equal(new LadderBin(100_500, 101_000, 2, 2), ladder.Shorts[0]);
    }

    [Fact]
    public void Build_AroundPriceEvenCount_PriceIsAnEdge()
    {
        // 10 bins over ±10 % of 100,000: width 2,000, five each side.
        var ladder = LiquidationLadder.Build([Long(90_000, 1), Short(110_000, 2)], Price, LadderBinning.AroundPrice(10, 0.10), LadderKind.Modelled);

        Assert.Equal(2_000, ladder.BinWidth, 9);
        Assert.Equal(5, ladder.Longs.Count);
        Assert.Equal(5, ladder.Shorts.Count);
        Assert.Equal(98_000, ladder.Longs[0].Low, 6);
        Assert.Equal(100_000, ladder.Longs[0].High, 6);
        Assert.Equal(1, ladder.Longs[4].NotionalUsd);
        Assert.Equal(2, ladder.Shorts[4].NotionalUsd);
        Assert.Equal(0, ladder.ExcludedUsd);
    }

    [Fact]
    public void Build_AroundPriceOddCount_MiddleBinSplitAtPrice()
    {
        var ladder = LiquidationLadder.Build([], Price, LadderBinning.AroundPrice(5, 0.10), LadderKind.Modelled);

        Assert.Equal(3, ladder.Longs.Count);
        Assert.Equal(3, ladder.Shorts.Count);
        Assert.Equal((98_000, 100_000), (Math.Round(ladder.Longs[0].Low, 6), ladder.Longs[0].High));
        Assert.Equal((100_000, 102_000), (ladder.Shorts[0].Low, Math.Round(ladder.Shorts[0].High, 6)));
    }

    [Fact]
    public void Build_ModelledLots_BinLikePositions()
    {
        // The worked modelled example after the drop to 90,000: the 5x long at 80,500 and three shorts remain.
        var result = ModelledLadder.Build(
            [new(0, 100, 100_000), new(1, 110, 100_000), new(2, 55, 100_000), new(3, 55, 92_000, Low: 90_000)],
            new ModelledLadderOptions(20, 0.005));

        var ladder = LiquidationLadder.Build(result.OpenLots.Select(LadderEntry.From), 92_000, LadderBinning.ByWidth(500, 0.3), LadderKind.Modelled);

        Assert.Equal(250_000d / 3, ladder.LongUsd, 6);
        Assert.Equal(250_000, ladder.ShortUsd, 6);
        var longBin = Assert.Single(ladder.Longs, b => b.NotionalUsd > 0);
        Assert.Equal((80_500d, 81_000d), (longBin.Low, longBin.High));
        Assert.Equal(250_000, ladder.Shorts.First(b => b.Low >= 119_500).CumulativeUsd, 6);
    }

    [Fact]
    public void Build_MeasuredPositions_ComeFromPositionLiquidations()
    {
        var entry = LadderEntry.From(new PositionLiquidation("BTC", LiquidationSide.Short, 101_000, 5e5));

        var ladder = LiquidationLadder.Build([entry], Price, LadderBinning.ByWidth(1_000, 0.1), LadderKind.Measured);

        Assert.Equal(5e5, ladder.Shorts[1].NotionalUsd);
    }

    [Fact]
    public void Build_WidthFarTooSmall_Throws()
    {
        Assert.Throws<ArgumentException>(() => LiquidationLadder.Build([], Price, LadderBinning.ByWidth(0.01, 0.5), LadderKind.Measured));
    }

    [Fact]
    public void Binning_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LadderBinning.ByWidth(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LadderBinning.AroundPrice(0, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LadderBinning.AroundPrice(10, 1.5));
    }
}
