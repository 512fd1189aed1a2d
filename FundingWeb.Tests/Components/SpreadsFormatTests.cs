using FundingWeb.Core.Spreads;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>What the Spreads grid prints for break-even and "held for", over every double and every stored time.</summary>
[Trait("Category", "Fast")]
public sealed class SpreadsFormatTests
{
    [Theory]
    [InlineData(null, "–")]
    [InlineData(double.NaN, "–")]
    [InlineData(-1d, "–")]
    [InlineData(0d, "0 h")]
    [InlineData(47.94, "47.9 h")]
    [InlineData(48d, "2 d")]
    [InlineData(8760d, "365 d")]
    [InlineData(8760.1, "> 1 y")]
    [InlineData(double.PositiveInfinity, "> 1 y")]
    public void BreakEven_HoursToText(double? hours, string expected) => Assert.Equal(expected, SpreadsPageModel.BreakEven(hours));

    [Theory]
    [InlineData(null, "–")]
    [InlineData(double.NaN, "–")]
    [InlineData(-0.5, "–")]
    [InlineData(double.PositiveInfinity, "–")]
    [InlineData(0d, "0 min")]
    [InlineData(1.49, "89 min")]
    [InlineData(1.5, "1.5 h")]
    [InlineData(47.9, "47.9 h")]
    [InlineData(48d, "2 d")]
    [InlineData(1e6, "41666.7 d")]
    public void HeldFor_HoursToText(double? hours, string expected) => Assert.Equal(expected, SpreadsPageModel.HeldFor(hours));

    [Theory]
    [InlineData(0L, 7_200_000L, 2.0)]
    [InlineData(long.MinValue, 0L, null)]
    [InlineData(0L, long.MaxValue, null)]
    public void HeldHours_StoredTimesOffTheCalendar_SayNothing(long sinceMs, long lastMs, double? expected)
    {
        var row = new SpreadRow("BTC", new FundingSpread("a", 0.001, 0.0005, "b", 0, 0.0005), "A", "B", 0.5, new SpreadHeld(sinceMs, lastMs, 2));
        Assert.Equal(expected, row.HeldHours);
    }
}
