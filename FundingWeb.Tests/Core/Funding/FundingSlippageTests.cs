using Xunit;
using FundingWeb.Core.Funding;
using static FundingWeb.Tests.Core.Funding.FundingRows;

namespace FundingWeb.Tests.Core.Funding;

[Trait("Category", "Fast")]
public class FundingSlippageTests
{
    private const double Tolerance = 1e-12;

    // Three 8-hourly settlements after the start: 0.00001, 0.00002, 0.00003 per hour. The row stamped exactly at the
    // start pays for the period before it and must not count.
    private static readonly FundingRate[] EightHourly =
    [
        Settled(0, 0.01, intervalHours: 8),
        Settled(8, 0.00001, intervalHours: 8),
        Settled(16, 0.00002, intervalHours: 8),
        Settled(24, 0.00003, intervalHours: 8),
    ];

    [Fact]
    public void RealisedApr_EightHourlySettlements_SumsRateTimesIntervalOverWindowHours()
    {
        // Σ rate_1h × 8 = 0.00048 over 24h → 0.00002 per hour → × 8760 = 0.1752.
        Assert.Equal(0.1752, FundingSlippage.RealisedApr(EightHourly, At(0), 24)!.Value, Tolerance);
    }

    [Fact]
    public void At_QuoteBeforeStart_SlippageIsRealisedMinusQuoted()
    {
        // Quoted 0.00005/h half an hour before the start (APR 0.438); the quote one minute after is not "at start".
        FundingRate[] rows = [.. EightHourly, Quoted(-0.5, 0.00005), Quoted(1 / 60d, 0.0009)];

        var point = FundingSlippage.At(rows, At(0), 24);

        Assert.Equal(0.438, point.QuotedApr!.Value, Tolerance);
        Assert.Equal(At(-0.5), point.QuotedAtMs);
        Assert.Equal(0.1752, point.RealisedApr!.Value, Tolerance);
        Assert.Equal(-0.2628, point.SlippageApr!.Value, Tolerance);
        Assert.Equal(3, point.SettledCount);
        Assert.True(point.IsFullyCovered);
    }

    [Fact]
    public void At_QuoteExactlyAtStart_IsUsed()
    {
        FundingRate[] rows = [.. EightHourly, Quoted(-1, 0.1), Quoted(0, -0.00001)];

        Assert.Equal(-0.0876, FundingSlippage.QuotedApr(rows, At(0))!.Value, Tolerance);
    }

    [Fact]
    public void At_NoQuoteYet_QuotedAndSlippageAreNull()
    {
        var point = FundingSlippage.At(EightHourly, At(0), 24);

        Assert.Null(point.QuotedApr);
        Assert.Null(point.SlippageApr);
        Assert.NotNull(point.RealisedApr);
    }

    [Fact]
    public void At_NoSettlementInWindow_RealisedIsNullNotZero()
    {
        var point = FundingSlippage.At([.. EightHourly, Quoted(30, 0.00001)], At(30), 8);

        Assert.Null(point.RealisedApr);
        Assert.Null(point.SlippageApr);
        Assert.Equal(0, point.SettledCount);
    }

    [Fact]
    public void At_WindowNotYetSettled_ReportsPartialCoverage()
    {
        // Only the +8h and +16h settlements exist so far: 16 of 24 hours covered, and the APR (÷ 24) understates.
        var point = FundingSlippage.At(EightHourly.Take(3), At(0), 24);

        Assert.Equal(16, point.CoveredHours);
        Assert.False(point.IsFullyCovered);
        Assert.Equal(0.00024 / 24 * 8760, point.RealisedApr!.Value, Tolerance);
    }

    [Fact]
    public void Rolling_HourlyStarts_PairsQuoteAtStartWithNextWindow()
    {
        // Hourly settlements at +1h..+6h of 1..6 × 1e−5; a quote every hour at 0..5 of 2e−5.
        var rows = Enumerable.Range(1, 6).Select(h => Settled(h, h * 1e-5))
            .Concat(Enumerable.Range(0, 6).Select(h => Quoted(h, 2e-5)))
            .ToArray();

        var series = FundingSlippage.Rolling(rows, FundingSlippage.Starts(At(0), At(4)), 2);

        Assert.Equal(5, series.Count);
        // Start 0: (1 + 2) × 1e−5 ÷ 2 × 8760 = 0.1314 realised vs 0.1752 quoted → −0.0438.
        Assert.Equal(0.1314, series[0].RealisedApr!.Value, Tolerance);
        Assert.Equal(-0.0438, series[0].SlippageApr!.Value, Tolerance);
        // Start 4: (5 + 6) × 1e−5 ÷ 2 × 8760 = 0.4818 → +0.3066.
        Assert.Equal(0.3066, series[4].SlippageApr!.Value, Tolerance);
        Assert.All(series, p => Assert.True(p.IsFullyCovered));
    }

    [Fact]
    public void Rolling_NonPositiveWindow_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FundingSlippage.Rolling(EightHourly, [At(0)], 0));
    }

    [Fact]
    public void Starts_HourlyOverRange_IncludesBothEnds()
    {
        Assert.Equal([At(0), At(1), At(2)], FundingSlippage.Starts(At(0), At(2)));
    }

    [Fact]
    public void Distribution_HundredAndOnePairs_GivesP5P50P95()
    {
        // Slippages 0..100 (in APR points / 100) plus one point without a quote, which is left out.
        var points = Enumerable.Range(0, 101)
            .Select(i => new FundingSlippagePoint(At(i), 8, 0, At(i), i / 100d, 8, 8))
            .Append(new FundingSlippagePoint(At(200), 8, null, null, 0.5, 8, 8));

        var distribution = FundingSlippage.Distribution(points);

        Assert.Equal(101, distribution.Count);
        Assert.Equal(0.05, distribution.P5!.Value, Tolerance);
        Assert.Equal(0.50, distribution.P50!.Value, Tolerance);
        Assert.Equal(0.95, distribution.P95!.Value, Tolerance);
    }

    [Fact]
    public void Distribution_NoPairs_HasNullPercentiles()
    {
        var distribution = FundingSlippage.Distribution([]);

        Assert.Equal(0, distribution.Count);
        Assert.Null(distribution.P50);
    }
}
