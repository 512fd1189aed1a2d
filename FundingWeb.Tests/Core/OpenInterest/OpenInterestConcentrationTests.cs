using Xunit;
using FundingWeb.Core.OpenInterest;

namespace FundingWeb.Tests.Core.OpenInterest;

[Trait("Category", "Fast")]
public class OpenInterestConcentrationTests
{
    private const long T0 = 1_767_225_600_000; // 2026-01-01T00:00Z, a round hour
    private const long H = 3_600_000;
    private const double Tolerance = 1e-12;

    [Fact]
    public void Hhi_SharesHalfThreeTenthsTwoTenths_Is038()
    {
        // 0.5² + 0.3² + 0.2² = 0.25 + 0.09 + 0.04 = 0.38.
        Assert.Equal(0.38, OpenInterestConcentration.Hhi([50e6, 30e6, 20e6])!.Value, Tolerance);
    }

    [Fact]
    public void Hhi_AllOnOneVenue_IsOne()
    {
        Assert.Equal(1d, OpenInterestConcentration.Hhi([0, 75e6])!.Value, Tolerance);
    }

    [Fact]
    public void Hhi_NoOpenInterest_IsNull()
    {
        Assert.Null(OpenInterestConcentration.Hhi([]));
        Assert.Null(OpenInterestConcentration.Hhi([0, 0]));
    }

    [Fact]
    public void At_ThreeVenues_SharesHhiAndChanges()
    {
        OpenInterestSample[] samples =
        [
            new("hyperliquid", T0 - 24 * H, 40e6), new("hyperliquid", T0 - H, 45e6), new("hyperliquid", T0, 50e6),
            new("dydx", T0 - 24 * H, 30e6), new("dydx", T0 - H, 30e6), new("dydx", T0, 30e6),
            new("gmx", T0 - H, 20e6, 11e6, 9e6), new("gmx", T0, 20e6, 12e6, 8e6),
        ];

        var breakdown = OpenInterestConcentration.At("BTC", samples, T0);

        Assert.Equal(100e6, breakdown.TotalUsd, Tolerance);
        Assert.Equal(0.38, breakdown.Hhi!.Value, Tolerance);
        Assert.Equal(["hyperliquid", "dydx", "gmx"], breakdown.Shares.Select(s => s.Venue).ToArray());
        Assert.Equal([0.5, 0.3, 0.2], breakdown.Shares.Select(s => Math.Round(s.Share, 12)).ToArray());

        var hyperliquid = breakdown.Shares[0];
        Assert.Equal(5e6, hyperliquid.Change1h.AbsoluteUsd!.Value, Tolerance);
        Assert.Equal(5d / 45, hyperliquid.Change1h.Relative!.Value, Tolerance);
        Assert.Equal(10e6, hyperliquid.Change24h.AbsoluteUsd!.Value, Tolerance);
        Assert.Equal(0.25, hyperliquid.Change24h.Relative!.Value, Tolerance);

        var gmx = breakdown.Shares[2];
        Assert.Equal((12e6, 8e6), (gmx.LongUsd, gmx.ShortUsd));
        Assert.Equal(0d, gmx.Change1h.AbsoluteUsd!.Value, Tolerance);
        Assert.Equal(OpenInterestChange.Unknown, gmx.Change24h);

        // Total 1h: all three known an hour ago, 95M → 100M. Total 24h: like for like over HL + dYdX, 70M → 80M.
        Assert.Equal(5e6, breakdown.Change1h.AbsoluteUsd!.Value, Tolerance);
        Assert.Equal(5d / 95, breakdown.Change1h.Relative!.Value, Tolerance);
        Assert.Equal(10e6, breakdown.Change24h.AbsoluteUsd!.Value, Tolerance);
        Assert.Equal(10d / 70, breakdown.Change24h.Relative!.Value, Tolerance);
    }

    [Fact]
    public void At_VenueSilentLongerThanMaxAge_IsLeftOut()
    {
        OpenInterestSample[] samples = [new("hyperliquid", T0, 60e6), new("lighter", T0 - 2 * H, 40e6), new("aevo", T0 - 4 * H, 99e6)];

        var breakdown = OpenInterestConcentration.At("ETH", samples, T0);

        Assert.Equal(["hyperliquid", "lighter"], breakdown.Shares.Select(s => s.Venue).ToArray());
        Assert.Equal(0.6 * 0.6 + 0.4 * 0.4, breakdown.Hhi!.Value, Tolerance);
    }

    [Fact]
    public void At_SamplesAfterTheTime_AreNotUsed()
    {
        OpenInterestSample[] samples = [new("hyperliquid", T0 - H, 10e6), new("hyperliquid", T0 + 1, 90e6)];

        var breakdown = OpenInterestConcentration.At("BTC", samples, T0);

        Assert.Equal(10e6, breakdown.TotalUsd);
    }

    [Fact]
    public void HhiSeries_VenueMissing_CarriesAtMostTwoBucketsThenDropsOut()
    {
        // A reports 100 every hour. B reports 50 then 100 inside bucket 0 (the last one counts), then nothing until bucket 5.
        var samples = Enumerable.Range(0, 6).Select(h => new OpenInterestSample("a", T0 + h * H + 60_000, 100))
            .Append(new OpenInterestSample("b", T0 + 1_000, 50))
            .Append(new OpenInterestSample("b", T0 + 2_000, 100))
            .Append(new OpenInterestSample("b", T0 + 5 * H, 100))
            .ToArray();

        var series = OpenInterestConcentration.HhiSeries(samples, T0, T0 + 5 * H);

        Assert.Equal(Enumerable.Range(0, 6).Select(h => T0 + h * H).ToArray(), series.Select(p => p.BucketStartMs).ToArray());
        Assert.Equal([0.5, 0.5, 0.5, 1.0, 1.0, 0.5], series.Select(p => p.Hhi!.Value).ToArray());
        Assert.Equal([2, 2, 2, 1, 1, 2], series.Select(p => p.VenueCount).ToArray());
        Assert.Equal(200, series[0].TotalUsd);
    }

    [Fact]
    public void HhiSeries_SampleBeforeRange_CarriesIntoTheFirstBuckets()
    {
        OpenInterestSample[] samples = [new("a", T0 - H, 100), new("b", T0 + 10, 300), new("b", T0 + H + 10, 300), new("b", T0 + 2 * H + 10, 300)];

        var series = OpenInterestConcentration.HhiSeries(samples, T0, T0 + 2 * H);

        // a (bucket −1) is carried into buckets 0 and 1: shares 0.25/0.75 → 0.625; bucket 2 is b alone.
        Assert.Equal([0.625, 0.625, 1.0], series.Select(p => p.Hhi!.Value).ToArray());
    }

    [Fact]
    public void HhiSeries_BucketWithNoVenue_HasNullHhi()
    {
        var series = OpenInterestConcentration.HhiSeries([new OpenInterestSample("a", T0, 100)], T0, T0 + 4 * H);

        Assert.Null(series[3].Hhi);
        Assert.Equal(0, series[3].VenueCount);
        Assert.Equal(0, series[3].TotalUsd);
    }

    [Fact]
    public void From_GmxObservation_KeepsLongAndShort()
    {
        var sample = OpenInterestSample.From("gmx", new OpenInterestObservation("BTC/USD [BTC-USDC]", T0, 10, 1e6, 6e5, 4e5));

        Assert.Equal(new OpenInterestSample("gmx", T0, 1e6, 6e5, 4e5), sample);
    }
}
