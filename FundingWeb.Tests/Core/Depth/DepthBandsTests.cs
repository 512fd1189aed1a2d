using FundingWeb.Core.Depth;
using Xunit;

namespace FundingWeb.Tests.Core.Depth;

[Trait("Category", "Fast")]
public sealed class DepthBandsTests
{
    [Fact]
    public void Of_LevelsAcrossTheBands_SumsUsdWithinEachBandPerSide()
    {
        // Mid 100. Bids 99.95 × 1 | 99.6 × 2 | 99.1 × 3 | 98.1 × 4 | 97 × 5; asks 100.05 × 1 | 100.3 × 2 | 100.9 × 3 | 101.9 × 4 | 103 × 5.
        var book = Books.Of(
            [new(99.95, 1), new(99.6, 2), new(99.1, 3), new(98.1, 4), new(97, 5)],
            [new(100.05, 1), new(100.3, 2), new(100.9, 3), new(101.9, 4), new(103, 5)]);

        var bands = DepthBands.Of(book)!;

        Assert.Equal(100, bands.Mid, 12);
        Assert.Equal(0.001, bands.Spread!.Value, 12);
        // ±0.1 %: the touch only. ±0.5 %: + $199.2 / $200.6. ±1 %: + $297.3 / $302.7. ±2 %: + $392.4 / $407.6; 97 and 103 stay out.
        Assert.Equal([99.95, 299.15, 596.45, 988.85], bands.BidUsd.Select(x => Math.Round(x, 9)));
        Assert.Equal([100.05, 300.65, 603.35, 1010.95], bands.AskUsd.Select(x => Math.Round(x, 9)));
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("one-sided")]
    [InlineData("crossed")]
    public void Of_BookWithoutMid_IsNull(string kind)
    {
        var book = kind switch
        {
            "empty" => Books.Of([], []),
            "one-sided" => Books.Of([new(99, 1)], []),
            _ => Books.Of([new(101, 1)], [new(100, 1)]),
        };

        Assert.Null(DepthBands.Of(book));
    }
}
