using FundingWeb.Core.Carry;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

[Trait("Category", "Fast")]
public class CarryQueryTests
{
    [Fact]
    public void Parse_FullUrl_RoundTrips()
    {
        var (q, errors) = CarryQuery.Parse("DYDX", "eth", "Short", "2500000", "7.5", "36");
        Assert.Empty(errors);
        Assert.Equal(new CarryQuery("dydx", "ETH", PositionSide.Short, 2_500_000, 7.5, 36), q);
        Assert.Equal("/carry?venue=dydx&asset=ETH&side=short&notional=2500000&leverage=7.5&hours=36", q.ToUrl());

        var (withDelay, none) = CarryQuery.Parse("dydx", "ETH", "short", "2500000", "7.5", "36", "12");
        Assert.Empty(none);
        Assert.Equal(12, withDelay.ExitDelayHours);
        Assert.EndsWith("&delay=12", withDelay.ToUrl(), StringComparison.Ordinal);
        Assert.Equal(new FieldError(nameof(CarryInput.Delay), "Exit delay (hours): '-1' is not a number from 0 to 720 (30 days)."),
            Assert.Single(CarryQuery.Parse("dydx", "ETH", null, null, null, null, "-1").Errors));
    }

    [Fact]
    public void Parse_Nothing_TakesTheDefaults()
    {
        var (q, errors) = CarryQuery.Parse(null, null, null, null, null, null);
        Assert.Empty(errors);
        Assert.Equal(CarryQuery.Default, q);
    }

    [Theory]
    [InlineData("sideways", null, null, null, nameof(CarryInput.Side), "Side: 'sideways' is neither long nor short.")]
    [InlineData(null, "-5", null, null, nameof(CarryInput.Notional), "Notional (USD): '-5' is not a number above 0")]
    [InlineData(null, null, "0.5", null, nameof(CarryInput.Leverage), "Leverage: '0.5' is not a number from 1 to 1,000.")]
    [InlineData(null, null, null, "NaN", nameof(CarryInput.Hours), "Holding time (hours): 'NaN' is not a number")]
    [InlineData(null, null, null, "9000", nameof(CarryInput.Hours), "Holding time (hours): '9000' is not a number above 0 and at most 8,760")]
    public void Parse_BadValue_IsNamedAtItsFieldAndTheDefaultStays(string? side, string? notional, string? leverage, string? hours, string field, string expected)
    {
        var (q, errors) = CarryQuery.Parse("hyperliquid", "BTC", side, notional, leverage, hours);
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(CarryQuery.Default with { Venue = "hyperliquid" }, q);
    }
}
