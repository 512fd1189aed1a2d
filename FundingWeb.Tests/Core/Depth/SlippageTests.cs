using FundingWeb.Core.Depth;
using Xunit;

namespace FundingWeb.Tests.Core.Depth;

[Trait("Category", "Fast")]
public sealed class SlippageTests
{
    [Fact]
    public void Walk_BuyAcrossTwoLevels_MatchesTheHandWalk()
    {
        // $500: all of 100.5 × 2 ($201), then $299 of the 101 level = 299/101 units. VWAP = 500 ÷ (2 + 299/101) = 50,500/501;
        // slippage = (50,500/501 − 100) ÷ 100 = 400/50,100 = 4/501.
        var result = Slippage.Walk(Books.Hand(), 500, TradeSide.Buy);

        Assert.Equal(SlippageStatus.Filled, result.Status);
        Assert.Equal(100, result.Mid!.Value, 12);
        Assert.Equal(2 + 299 / 101d, result.FilledBase, 12);
        Assert.Equal(50_500 / 501d, result.Vwap!.Value, 10);
        Assert.Equal(4 / 501d, result.Fraction!.Value, 12);
        Assert.Equal(101, result.WorstPrice);
        Assert.Equal(0.01, result.WorstMove!.Value, 12);
        Assert.Equal(2, result.LevelsUsed);
        Assert.Equal(0, result.ShortfallUsd);
    }

    [Fact]
    public void Walk_SellAcrossTwoLevels_MatchesTheHandWalk()
    {
        // $400: all of 99.5 × 2 ($199), then $201 of the 99 level = 201/99 units. VWAP = 400 ÷ (399/99) = 39,600/399;
        // slippage = (100 − 39,600/399) ÷ 100 = 300/39,900 = 1/133.
        var result = Slippage.Walk(Books.Hand(), 400, TradeSide.Sell);

        Assert.Equal(SlippageStatus.Filled, result.Status);
        Assert.Equal(39_600 / 399d, result.Vwap!.Value, 10);
        Assert.Equal(1 / 133d, result.Fraction!.Value, 12);
        Assert.Equal(99, result.WorstPrice);
    }

    [Fact]
    public void Walk_NotionalExactlyOneLevel_IsHalfTheSpread()
    {
        var result = Slippage.Walk(Books.Hand(), 201, TradeSide.Buy);

        Assert.Equal(1, result.LevelsUsed);
        Assert.Equal(100.5, result.Vwap!.Value, 12);
        Assert.Equal(0.005, result.Fraction!.Value, 12);
    }

    [Fact]
    public void Walk_BeyondTheBook_ReportsFilledPartAndShortfallAndNoSlippageForTheWhole()
    {
        // Asks hold $201 + $303 + $1,020 = $1,524 = 15 units: VWAP of what filled 101.6, 1.6 % from mid.
        var result = Slippage.Walk(Books.Hand(), 2_000, TradeSide.Buy);

        Assert.Equal(SlippageStatus.Thin, result.Status);
        Assert.Null(result.Fraction);
        Assert.Equal(1_524, result.FilledUsd, 9);
        Assert.Equal(476, result.ShortfallUsd, 9);
        Assert.Equal(15, result.FilledBase, 12);
        Assert.Equal(0.016, result.FilledFraction!.Value, 12);
        Assert.Equal(102, result.WorstPrice);
        Assert.Equal(3, result.LevelsUsed);
    }

    public static TheoryData<string, OrderBook, TradeSide, double, SlippageStatus, double?, int> Table() => new()
    {
        // name, book, side, notional, status, fraction, dropped levels
        { "empty book", Books.Of([], []), TradeSide.Buy, 100, SlippageStatus.NoLiquidity, null, 0 },
        { "one-sided, buy into the asks", Books.Of([], [new(100.5, 2)]), TradeSide.Buy, 100, SlippageStatus.NoMid, null, 0 },
        { "one-sided, sell with no bids", Books.Of([], [new(100.5, 2)]), TradeSide.Sell, 100, SlippageStatus.NoLiquidity, null, 0 },
        { "crossed", Books.Of([new(101, 1)], [new(100, 1)]), TradeSide.Buy, 50, SlippageStatus.NoMid, null, 0 },
        { "locked", Books.Of([new(100, 1)], [new(100, 1)]), TradeSide.Sell, 50, SlippageStatus.NoMid, null, 0 },
        { "NaN size at the top is left out", Books.Of([new(99.5, 2)], [new(100.2, double.NaN), new(100.5, 2)]), TradeSide.Buy, 201, SlippageStatus.Filled, 0.005, 1 },
        { "zero size is no level", Books.Of([new(99.5, 2)], [new(100.1, 0), new(100.5, 2)]), TradeSide.Buy, 201, SlippageStatus.Filled, 0.005, 1 },
        { "negative and infinite prices are left out", Books.Of([new(-1, 5), new(99.5, 2)], [new(double.PositiveInfinity, 1), new(100.5, 2)]), TradeSide.Buy, 201, SlippageStatus.Filled, 0.005, 2 },
        { "negative size is left out", Books.Of([new(99.5, 2), new(99.9, -3)], [new(100.5, 2)]), TradeSide.Sell, 199, SlippageStatus.Filled, 0.005, 1 },
        { "levels out of order are sorted best first", Books.Of([new(98, 10), new(99.5, 2)], [new(102, 10), new(100.5, 2)]), TradeSide.Buy, 201, SlippageStatus.Filled, 0.005, 0 },
        { "equal prices merge into one level", Books.Of([new(99.5, 1), new(99.5, 1)], [new(100.5, 2)]), TradeSide.Sell, 199, SlippageStatus.Filled, 0.005, 0 },
        { "zero notional", Books.Hand(), TradeSide.Buy, 0, SlippageStatus.InvalidNotional, null, 0 },
        { "negative notional", Books.Hand(), TradeSide.Sell, -5, SlippageStatus.InvalidNotional, null, 0 },
        { "NaN notional", Books.Hand(), TradeSide.Buy, double.NaN, SlippageStatus.InvalidNotional, null, 0 },
        { "infinite notional", Books.Hand(), TradeSide.Buy, double.PositiveInfinity, SlippageStatus.InvalidNotional, null, 0 },
        { "huge notional on a real book is thin, not a number", Books.Hand(), TradeSide.Sell, 1e300, SlippageStatus.Thin, null, 0 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Walk_BookFamily_IsTotalAndHonest(string name, OrderBook book, TradeSide side, double notional, SlippageStatus status, double? fraction, int dropped)
    {
        var result = Slippage.Walk(book, notional, side);

        Assert.True(status == result.Status, $"{name}: {result.Status}");
        Assert.Equal(dropped, book.DroppedLevels);
        if (fraction is { } f) Assert.Equal(f, result.Fraction!.Value, 12);
        else Assert.Null(result.Fraction);
        Assert.True(double.IsFinite(result.FilledUsd) && double.IsFinite(result.ShortfallUsd), name);
    }

    [Fact]
    public void Create_MoreLevelsThanKept_KeepsTheBestAndCountsTheRest()
    {
        var asks = Enumerable.Range(1, OrderBook.MaxLevelsPerSide + 10).Select(i => new BookLevel(100 + i * 0.01, 1));

        var book = Books.Of([new(99, 1)], asks);

        Assert.Equal(OrderBook.MaxLevelsPerSide, book.Asks.Count);
        Assert.Equal(100.01, book.BestAsk!.Value, 9);
        Assert.Equal(10, book.DroppedLevels);
    }
}
