using FundingWeb.Core.Depth;
using Xunit;

namespace FundingWeb.Tests.Core.Depth;

[Trait("Category", "Fast")]
public sealed class DepthBudgetTests
{
    [Theory]
    // venue, funding poll's requests/min, configured depth, expected depth, says why
    [InlineData("hyperliquid", 8, null, 30, false)]       // 8 × 20 + 30 × 2 = 220 of 1,200 weight
    [InlineData("hyperliquid", 8, 1000, 460, true)]       // (0.9 × 1,200 − 8 × 20) ÷ 2 = 460
    [InlineData("hyperliquid", 60, null, 0, true)]        // 60 × 20 = 1,200 > 1,080: nothing left
    [InlineData("dydx", 60, null, 30, false)]
    [InlineData("dydx", 60, 600, 480, true)]              // 0.9 × 600 − 60
    [InlineData("paradex", 600, null, 60, false)]
    [InlineData("lighter", 40, null, 12, false)]          // 40 + 12 = 52 of 60
    [InlineData("lighter", 40, 20, 14, true)]             // 0.9 × 60 − 40 = 14
    [InlineData("lighter", 55, null, 0, true)]
    [InlineData("aevo", 120, 90, 90, false)]              // no published number: as configured
    [InlineData("gmx", 60, null, 2, false)]
    [InlineData("dydx", 60, 0, 0, true)]
    [InlineData("dydx", 60, -5, 0, true)]
    [InlineData("nowhere", 10, null, 0, true)]
    public void For_VenueLimitLessFundingPoll_HoldsDepthUnderIt(string venue, int funding, int? configured, int expected, bool reason)
    {
        var (rpm, why) = DepthBudget.For(venue, funding, configured);

        Assert.Equal(expected, rpm);
        Assert.Equal(reason, why is not null);
    }

    [Theory]
    [InlineData(30, 10, 5)]
    [InlineData(2, 10, 1)]
    [InlineData(12, 0.5, 1)]
    [InlineData(600, 10, 100)]
    public void RequestsPerRound_ShareOfTheMinute_AtLeastOne(int perMinute, double intervalSeconds, int expected) =>
        Assert.Equal(expected, DepthBudget.RequestsPerRound(perMinute, TimeSpan.FromSeconds(intervalSeconds)));
}
