using System.Text.Json;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Gmx;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Gmx;

/// <summary>
/// GMX signs each side from its own view (negative = that side pays, gmx-interface getFundingFactorPerPeriod); our legs
/// keep the market sign (positive = longs pay) on both legs, and borrowing is a cost (positive = that side pays).
/// The rows are built from the rule, not from one payload.
/// </summary>
[Trait("Category", "Fast")]
public sealed class GmxSidesTests
{
    public static TheoryData<string, double, double, double, double> FundingCases => new()
    {
        // case, GMX long, GMX short, our long leg, our short leg
        { "longs pay, shorts receive more (smaller side)", -0.10, 0.125, 0.10, 0.125 },
        { "shorts pay, longs receive", 0.08, -0.06, -0.08, -0.06 },
        { "longs pay although they are the smaller side (adaptive funding)", -0.02, 0.01, 0.02, 0.01 },
        { "shorts pay, nobody long to receive", 0, -0.05, 0, -0.05 },
        { "no funding", 0, 0, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(FundingCases))]
    public void FundingLegs_SideViewSigns_BecomeMarketSignOnBothLegs(string scenario, double gmxLong, double gmxShort, double ourLong, double ourShort)
    {
        Assert.True(ourLong == GmxSides.FundingLongLeg(gmxLong), scenario);
        Assert.True(ourShort == GmxSides.FundingShortLeg(gmxShort), scenario);
        // Whoever pays, both legs agree on the direction: positive = longs pay, negative = shorts pay.
        if (gmxLong < 0 || gmxShort > 0) Assert.True(GmxSides.FundingLongLeg(gmxLong) >= 0 && GmxSides.FundingShortLeg(gmxShort) >= 0, scenario);
        if (gmxShort < 0 || gmxLong > 0) Assert.True(GmxSides.FundingLongLeg(gmxLong) <= 0 && GmxSides.FundingShortLeg(gmxShort) <= 0, scenario);
    }

    [Fact]
    public void FundingLegs_Zero_IsPositiveZero()
    {
        Assert.False(double.IsNegative(GmxSides.FundingLongLeg(0)));
        Assert.False(double.IsNegative(GmxSides.FundingShortLeg(-0d)));
    }

    public static TheoryData<string, double, double, double?, double?, bool> BorrowCases => new()
    {
        // case, GMX borrowing, GMX funding of the side, GMX net of the side, expected cost (null = left out), problem reported
        { "positive cost as GMX's API stores it", 0.065, -0.11, -0.175, 0.065, false },
        { "zero", 0, 0.03, 0.03, 0, false },
        { "positive without a net rate", 0.02, 0.01, null, 0.02, false },
        { "negative, net = funding + borrowing: side's-view negation", -0.04, 0.01, -0.03, 0.04, false },
        { "negative, net = funding − borrowing: a paid borrowing fee cannot be", -0.04, 0.01, 0.05, null, true },
        { "negative, no net rate to tell", -0.04, 0.01, null, null, true },
        { "not a finite number", double.NaN, 0.01, 0.01, null, true },
    };

    [Theory]
    [MemberData(nameof(BorrowCases))]
    public void BorrowCost_AnySignConvention_IsACostOrReported(string scenario, double borrow, double funding, double? net, double? cost, bool problem)
    {
        var reading = GmxSides.BorrowCost("borrowingRateLong", borrow * 1e30, funding * 1e30, net * 1e30);

        Assert.True(cost is null ? reading.Cost is null : reading.Cost is double c && Math.Abs(c - cost.Value * 1e30) <= 1e-9 * 1e30, $"{scenario}: {reading.Cost}");
        Assert.Equal(problem, reading.Problem is not null);
        if (reading.Cost is double value) Assert.True(value >= 0, scenario);
        if (problem) Assert.Contains("borrowingRateLong", reading.Problem);
    }

    [Fact]
    public void ParseMarketsInfo_NegativeBorrowingUnconfirmed_KeepsMarketAndFundingAndReportsTheLeg()
    {
        using var doc = JsonDocument.Parse("""
            {"markets":[{"name":"ETH/USD [WETH-USDC]","indexToken":"0x82aF49447D8a07e3bd95BD0d56f35241523fBab1",
              "isListed":true,"isDisabled":false,"openInterestLong":"1000000000000000000000000000000000000","openInterestShort":"1000000000000000000000000000000000000",
              "fundingRateLong":"-100000000000000000000000000000","fundingRateShort":"100000000000000000000000000000",
              "borrowingRateLong":"-50000000000000000000000000000","borrowingRateShort":"20000000000000000000000000000",
              "netRateLong":"-50000000000000000000000000000","netRateShort":"80000000000000000000000000000"}]}
            """);
        var prices = new Dictionary<string, GmxOraclePrice>(StringComparer.OrdinalIgnoreCase)
        {
            ["0x82aF49447D8a07e3bd95BD0d56f35241523fBab1"] = new("0x82aF49447D8a07e3bd95BD0d56f35241523fBab1", "ETH", 2000e12, null),
        };
        var tokens = new Dictionary<string, GmxToken>(StringComparer.OrdinalIgnoreCase)
        {
            ["0x82aF49447D8a07e3bd95BD0d56f35241523fBab1"] = new("ETH", "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1", 18),
        };

        var parts = GmxParser.ParseMarketsInfo(doc.RootElement, prices, tokens, GmxConventions.Default, 1, "src");

        // netRateLong −0.05 = funding −0.1 − borrowing −0.05 would mean longs are paid a borrowing fee: refused.
        Assert.Single(parts.Markets);
        Assert.Equal("ETH/USD [WETH-USDC]", Assert.Single(parts.Errors).Symbol);
        Assert.Contains("borrowingRateLong", parts.Errors[0].Reason);
        var legs = parts.Funding.ToDictionary(f => f.Leg);
        Assert.Equal([FundingLeg.Long, FundingLeg.Short, FundingLeg.BorrowShort], legs.Keys);
        Assert.Equal(1e29, legs[FundingLeg.Long].RateRaw, 1e14);
        Assert.Equal(2e28, legs[FundingLeg.BorrowShort].RateRaw, 1e14);
    }
}
