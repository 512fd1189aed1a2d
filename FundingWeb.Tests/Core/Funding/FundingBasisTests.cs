using Xunit;
using FundingWeb.Core.Funding;

namespace FundingWeb.Tests.Core.Funding;

[Trait("Category", "Fast")]
public class FundingBasisTests
{
    [Fact]
    public void FromRate1h_EachBasis_DerivesFromTheHourlyRate()
    {
        const double rate1h = 0.0000125;
        Assert.Equal(0.0000125, FundingBasis.FromRate1h(rate1h, RateBasis.Hourly));
        Assert.Equal(0.0001, FundingBasis.FromRate1h(rate1h, RateBasis.EightHour), 1e-15);
        Assert.Equal(0.1095, FundingBasis.FromRate1h(rate1h, RateBasis.Apr), 1e-12);
        // (1 + 0.0000125)^8760 − 1 = e^(8760 × 0.0000124999) − 1 = 0.115719: compounding adds ~0.62 points at the baseline.
        Assert.Equal(0.115719, FundingBasis.FromRate1h(rate1h, RateBasis.AprCompounded), 1e-6);
    }

    [Fact]
    public void FormatPercent_NegativeRate_KeepsSignAndBasisDecimals()
    {
        Assert.Equal("-10.95", FundingBasis.FormatPercent(-0.0000125, RateBasis.Apr));
        Assert.Equal("+0.0100", FundingBasis.FormatPercent(0.0000125, RateBasis.EightHour));
        Assert.Equal("+0.00125", FundingBasis.FormatPercent(0.0000125, RateBasis.Hourly));
    }

    [Theory]
    [InlineData("1h", RateBasis.Hourly)]
    [InlineData("8H", RateBasis.EightHour)]
    [InlineData("apr", RateBasis.Apr)]
    [InlineData("apy", RateBasis.AprCompounded)]
    public void TryParse_KnownTokens_RoundTrip(string token, RateBasis expected)
    {
        Assert.True(FundingBasis.TryParse(token, out var basis));
        Assert.Equal(expected, basis);
        Assert.Equal(token.ToLowerInvariant(), FundingBasis.Token(basis));
    }

    [Fact]
    public void TryParse_Unknown_FallsBackToApr()
    {
        Assert.False(FundingBasis.TryParse("weekly", out var basis));
        Assert.Equal(RateBasis.Apr, basis);
    }
}
