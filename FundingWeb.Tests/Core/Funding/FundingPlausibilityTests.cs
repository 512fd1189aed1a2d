using FundingWeb.Core.Funding;
using Xunit;

namespace FundingWeb.Tests.Core.Funding;

[Trait("Category", "Fast")]
public class FundingPlausibilityTests
{
    private static MarketConvention Convention(double? cap1h) =>
        new(8, RateUnit.Fraction, cap1h, cap1h is null ? null : "max_funding_rate", "test", false, 0, 0);

    public static TheoryData<double, FundingLeg, double?, bool> Cases => new()
    {
        // rate_1h, leg, cap per hour, implausible?
        { 0, FundingLeg.Net, null, false },
        { 0.0000125, FundingLeg.Net, null, false },
        { -0.0000125, FundingLeg.Net, 0.0025, false },
        { 0.0025, FundingLeg.Net, 0.0025, false },          // exactly at the cap: the venue working as designed
        { 0.0025 * 1.000001, FundingLeg.Net, 0.0025, false }, // the cap's own text rounding
        { 0.00251, FundingLeg.Net, 0.0025, true },
        { -0.00251, FundingLeg.Short, 0.0025, true },
        { 0.0073, FundingLeg.Net, null, true },             // the real isolated market: 0.73 % per hour, 6,417 % APR
        { -0.0073, FundingLeg.Long, null, true },
        { 0.005, FundingLeg.Net, null, false },             // exactly at the sanity bound
        { 0.0073, FundingLeg.Net, 0.04, false },            // a venue whose published cap allows it (Hyperliquid: 4 %/h)
        { 0.0073, FundingLeg.BorrowLong, 0.04, true },      // borrowing has no funding cap: the bound applies
        { 1e3, FundingLeg.Net, null, true },
        { double.NaN, FundingLeg.Net, null, true },
        { double.PositiveInfinity, FundingLeg.Net, 0.04, true },
        { 0.001, FundingLeg.Net, 0, false },                 // a zero cap is no cap: the bound applies
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_RateAgainstCapOrBound_FlagsOnlyBeyond(double rate1h, FundingLeg leg, double? cap1h, bool implausible)
    {
        var reason = FundingPlausibility.Check(rate1h, leg, Convention(cap1h));
        Assert.Equal(implausible, reason is not null);
    }

    [Fact]
    public void Check_BeyondCap_ReasonNamesTheCapAndItsSource()
    {
        var reason = FundingPlausibility.Check(0.003, FundingLeg.Net, Convention(0.0025));
        Assert.Contains("0.25 % per hour", reason);
        Assert.Contains("max_funding_rate", reason);
    }

    [Fact]
    public void Check_NoCap_ReasonNamesTheBoundAndSaysNoCapIsPublished()
    {
        var reason = FundingPlausibility.Check(0.0073, FundingLeg.Net, null);
        Assert.Contains("sanity bound of 0.5 % per hour", reason);
        Assert.Contains("no cap", reason);
    }

    [Fact]
    public void Flag_EachRowAgainstItsOwnMarket_LeavesPlausibleRowsUntouched()
    {
        var rows = new[]
        {
            new FundingRate("v", "A", 1, FundingKind.Quoted, FundingLeg.Net, 0.01, 1, RateUnit.Fraction, 0.01),
            new FundingRate("v", "B", 1, FundingKind.Quoted, FundingLeg.Net, 0.01, 1, RateUnit.Fraction, 0.01),
            new FundingRate("v", "C", 1, FundingKind.Settled, FundingLeg.Net, 0.00001, 1, RateUnit.Fraction, 0.00001),
        };
        var flagged = FundingPlausibility.Flag(rows, s => s == "B" ? Convention(0.04) : null);
        Assert.NotNull(flagged[0].Implausible);
        Assert.Null(flagged[1].Implausible);
        Assert.Same(rows[2], flagged[2]);
    }
}
