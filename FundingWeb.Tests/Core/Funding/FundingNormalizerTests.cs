using Xunit;
using FundingWeb.Core.Funding;

namespace FundingWeb.Tests.Core.Funding;

/// <summary>Every convention in venues/NOTES.md §0.1, with the worked numbers a reviewer can check by hand.</summary>
[Trait("Category", "Fast")]
public class FundingNormalizerTests
{
    private const double Tolerance = 1e-15;

    [Fact]
    public void ToRate1h_HyperliquidHourlyFraction_IsTheRateItself()
    {
        // HL metaAndAssetCtxs "funding":"0.0000125" is the 1h rate (8h formula 0.01 % paid in eighths): 1.25e-5 per hour.
        Assert.Equal(0.0000125, FundingNormalizer.ToRate1h(0.0000125, RateUnit.Fraction, 1), Tolerance);
        // ×8760 = 10.95 % APR, the idle baseline every HL market shows.
        Assert.Equal(0.1095, FundingBasis.FromRate1h(0.0000125, RateBasis.Apr), 1e-12);
    }

    [Fact]
    public void ToRate1h_DydxIndexerHourly_IsTheRateItself()
    {
        // dYdX historicalFunding "rate":"0.000002375" is already hourly (indexer divides the protocol 8h ppm by 8).
        Assert.Equal(0.000002375, FundingNormalizer.ToRate1h(0.000002375, RateUnit.Fraction, 1), Tolerance);
    }

    [Fact]
    public void ToRate1h_DydxProtocolPpmPer8h_DividesByMillionAndEight()
    {
        // 100 ppm per 8h = 0.0001 per 8h = 0.0000125 per hour.
        Assert.Equal(0.0000125, FundingNormalizer.ToRate1h(100, RateUnit.Ppm, 8), Tolerance);
    }

    [Theory]
    // Paradex quotes per the market's own funding_period_hours (captured funding_data rows).
    [InlineData(0.00001250176896, 1, 0.00001250176896)]        // HYPER-USD-PERP, 1h period
    [InlineData(-0.01070340466085, 8, -0.00133792558260625)]   // BERA-USD-PERP, 8h period: −1.07 %/8h = −0.1338 %/h
    public void ToRate1h_ParadexPerMarketPeriod_DividesByThePeriod(double raw, double periodHours, double expected)
    {
        Assert.Equal(expected, FundingNormalizer.ToRate1h(raw, RateUnit.Fraction, periodHours), Tolerance);
    }

    [Fact]
    public void ToRate1h_LighterPercentPerHour_DividesByHundred()
    {
        // Lighter fundings "rate":"0.0012" read as percent per hour: 0.0012 % = 0.000012 per hour.
        Assert.Equal(0.000012, FundingNormalizer.ToRate1h(0.0012, RateUnit.Percent, 1), Tolerance);
    }

    [Fact]
    public void ToRate1h_LighterCrossVenueTable8hFraction_DividesByEight()
    {
        // /api/v1/funding-rates "rate":0.000096 read as an 8h fraction: 0.000012 per hour.
        Assert.Equal(0.000012, FundingNormalizer.ToRate1h(0.000096, RateUnit.Fraction, 8), 1e-18);
    }

    [Fact]
    public void ToRate1h_AevoHourly_IsTheRateItself()
    {
        // Aevo "funding_rate":"0.000026" is the capped 1h rate (8h formula ÷ funding interval).
        Assert.Equal(0.000026, FundingNormalizer.ToRate1h(0.000026, RateUnit.Fraction, 1), Tolerance);
    }

    [Fact]
    public void ToRate1h_GmxAnnualised1e30_DividesByScaleAndHoursPerYear()
    {
        // fundingRateLong "1000000000000000000000000000" = 1e27 / 1e30 = 0.001 per year = 1.1415525e-7 per hour.
        Assert.Equal(0.001 / 8760, FundingNormalizer.ToRate1h(1e27, RateUnit.Fixed1e30, 8760), 1e-20);
    }

    [Fact]
    public void ToRate1h_Vertex24hRate_DividesByTwentyFour()
    {
        // Vertex funding_rate 0.000068613217104332 is a 24h rate ("divide by 24 for hourly").
        Assert.Equal(0.000068613217104332 / 24, FundingNormalizer.ToRate1h(0.000068613217104332, RateUnit.Fraction, 24), Tolerance);
    }

    [Fact]
    public void ToRate1h_Orderly8hPeriod_DividesByEight()
    {
        // Orderly last_funding_rate 0.0001 per 8h period = 0.0000125 per hour.
        Assert.Equal(0.0000125, FundingNormalizer.ToRate1h(0.0001, RateUnit.Fraction, 8), Tolerance);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void ToRate1h_IntervalNotPositive_Throws(double interval)
    {
        var ex = Assert.Throws<FormatException>(() => FundingNormalizer.ToRate1h(0.0001, RateUnit.Fraction, interval));
        Assert.Contains("interval", ex.Message);
    }

    [Fact]
    public void ToRate1h_RateNotFinite_Throws()
    {
        Assert.Throws<FormatException>(() => FundingNormalizer.ToRate1h(double.PositiveInfinity, RateUnit.Fraction, 1));
    }

    [Theory]
    [InlineData(RateUnit.Fraction, 1)]
    [InlineData(RateUnit.Fraction, 8)]
    [InlineData(RateUnit.Percent, 1)]
    [InlineData(RateUnit.Fixed1e30, 8760)]
    [InlineData(RateUnit.Ppm, 8)]
    public void FromRate1h_RoundTripsThroughToRate1h(RateUnit unit, double interval)
    {
        const double rate1h = -0.0000417;
        var raw = FundingNormalizer.FromRate1h(rate1h, unit, interval);
        Assert.Equal(rate1h, FundingNormalizer.ToRate1h(raw, unit, interval), 1e-18);
    }

    [Fact]
    public void Normalize_KeepsRawBesideDerived()
    {
        var rate = FundingNormalizer.Normalize("paradex", new RawFundingRate("BERA-USD-PERP", 1770444780108, FundingKind.Quoted, -0.0107034, 8, RateUnit.Fraction));
        Assert.Equal(-0.0107034, rate.RateRaw);
        Assert.Equal(8, rate.IntervalHours);
        Assert.Equal(RateUnit.Fraction, rate.Unit);
        Assert.Equal(-0.001337925, rate.Rate1h, 1e-12);
        Assert.Equal("paradex", rate.Venue);
    }

    [Fact]
    public void HourlySettlement_SameSourceIntervalAndUnit_ShareOneSourceText()
    {
        var sample = new RawFundingRate("BTC-USD-PERP", 3_600_000, FundingKind.Quoted, 0.0001, 8, RateUnit.Fraction, Source: "paradex: markets/summary");
        var a = FundingNormalizer.HourlySettlement(sample, 3_600_000);
        var b = FundingNormalizer.HourlySettlement(sample with { TimeMs = 7_200_000, RateRaw = 0.0002 }, 7_200_000);
        Assert.Equal("paradex: markets/summary (hourly sample of a rate per 8 h Fraction, as a 1h fraction)", a.Source);
        Assert.Same(a.Source, b.Source);
        var other = FundingNormalizer.HourlySettlement(sample with { IntervalHours = 1 }, 3_600_000);
        Assert.Equal("paradex: markets/summary (hourly sample of a rate per 1 h Fraction, as a 1h fraction)", other.Source);
        Assert.Equal(" (hourly sample of a rate per 8 h Fraction, as a 1h fraction)", FundingNormalizer.HourlySettlement(sample with { Source = null }, 0).Source);
    }
}
