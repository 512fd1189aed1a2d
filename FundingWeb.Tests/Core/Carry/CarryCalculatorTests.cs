using Xunit;
using FundingWeb.Core.Carry;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Venues;

namespace FundingWeb.Tests.Core.Carry;

[Trait("Category", "Fast")]
public class CarryCalculatorTests
{
    private const long HourMs = 3_600_000;
    private static readonly long T0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly VenueInfo Venue = new("hl", "Hyperliquid", "appchain", TimeSpan.FromHours(24), 0.00045, false);

    private static FundingRate Row(FundingKind kind, long hour, double rate1h) =>
        new("hl", "BTC", T0 + hour * HourMs, kind, FundingLeg.Net, rate1h, 1, RateUnit.Fraction, rate1h);

    private static CarryMarket Market(IReadOnlyList<FundingRate> history, long nowHour, double? quoted = null, IReadOnlyList<LadderEntry>? levels = null) =>
        new(Venue, 100, 0.01, quoted, history, levels ?? [], LadderKind.Measured, T0 + nowHour * HourMs);

    private static CarryPosition Long(double hours = 20, double leverage = 10) => new("hl", "BTC", PositionSide.Long, 100_000, leverage, hours);

    [Fact]
    public void Expected_TwentyHourHold_UsesThe24hWindowAndALongPaysWhatAShortReceives()
    {
        // 0.005 %/h over the last 24 h, 0.002 %/h before: the 24h window averages 0.00005.
        var history = Enumerable.Range(1, 240).Select(h => Row(FundingKind.Settled, h, h > 216 ? 0.00005 : 0.00002)).ToArray();
        var market = Market(history, 240);

        var longCost = CarryCalculator.Expected(Long(), market)!;
        var shortCost = CarryCalculator.Expected(Long() with { Side = PositionSide.Short }, market)!;

        // 0.00005 × 20 h × $100,000 = $100.
        Assert.Equal(("24h", 24), (longCost.WindowLabel, longCost.WindowHours));
        Assert.Equal(0.00005, longCost.AverageRate1h, 12);
        Assert.Equal(100, longCost.CostUsd, 9);
        Assert.Equal(-100, shortCost.CostUsd, 9);
        Assert.Equal(0.438, longCost.Apr, 9);
        // A 100 h hold is nearer 7d (68 h away) than 24h (76 h away).
        Assert.Equal("7d", CarryCalculator.Expected(Long(hours: 100), market)!.WindowLabel);
    }

    [Fact]
    public void Stress_RatesFrom0To100PerMillion_P95AndP99OverTheExitDelay()
    {
        // Settled rate_1h k × 1e-6 for k = 0..100: p95 = 95e-6, p99 = 99e-6, p5 = 5e-6, p1 = 1e-6. Exit delay 24 h.
        var history = Enumerable.Range(0, 101).Select(k => Row(FundingKind.Settled, k + 1, k * 1e-6)).ToArray();
        var market = Market(history, 200);

        var stressLong = CarryCalculator.Stress(Long(), market, new CarryOptions());
        var stressShort = CarryCalculator.Stress(Long() with { Side = PositionSide.Short }, market, new CarryOptions());

        // Long: 95e-6 × 24 h × $100,000 = $228; 99e-6 → $237.60.
        Assert.Equal((24d, 101), (stressLong.ExitDelayHours, stressLong.SampleCount));
        Assert.Equal(95e-6, stressLong.P95Rate1h!.Value, 15);
        Assert.Equal(228, stressLong.P95CostUsd!.Value, 9);
        Assert.Equal(237.6, stressLong.P99CostUsd!.Value, 9);
        // Short: the adverse tail is the low one; here still positive, so the short still receives $12 and $2.40.
        Assert.Equal(5e-6, stressShort.P95Rate1h!.Value, 15);
        Assert.Equal(-12, stressShort.P95CostUsd!.Value, 9);
        Assert.Equal(-2.4, stressShort.P99CostUsd!.Value, 9);
    }

    [Fact]
    public void Stress_RowsOlderThanTheLookback_AreLeftOut()
    {
        var history = new[] { Row(FundingKind.Settled, 1, 0.01), Row(FundingKind.Settled, 800, 0.0001) };

        var stress = CarryCalculator.Stress(Long(), Market(history, 801), new CarryOptions());

        Assert.Equal(1, stress.SampleCount);
        Assert.Equal(240, stress.P99CostUsd!.Value, 9);
    }

    [Fact]
    public void Liquidation_TenTimesWithOnePercentMaintenance_NinePercentAwayWithTheNearestCluster()
    {
        var levels = new[]
        {
            new LadderEntry(LiquidationSide.Long, 95.1, 1.5e6), new LadderEntry(LiquidationSide.Long, 95.3, 0.5e6),
            new LadderEntry(LiquidationSide.Long, 97, 0.2e6), new LadderEntry(LiquidationSide.Long, 80, 9e6),
            new LadderEntry(LiquidationSide.Short, 104, 5e6),
        };
        var market = Market([], 0, levels: levels);

        var longs = CarryCalculator.Liquidation(Long(), market, new CarryOptions());
        var shorts = CarryCalculator.Liquidation(Long() with { Side = PositionSide.Short }, market, new CarryOptions());

        // Long: 100 × (1 − 1/10 + 0.01) = 91, 9 % away. The $2M in bin [95, 95.5) is a cluster; $0.2M at 97 is too small; 80 is past 91 − 2.
        Assert.Equal(91, longs.LiquidationPrice, 9);
        Assert.Equal(0.09, longs.DistanceFraction, 12);
        var cluster = longs.NearestCluster!;
        Assert.Equal((LadderKind.Measured, 95, 95.5, 2e6), (cluster.Kind, cluster.Low, cluster.High, cluster.NotionalUsd));
        Assert.Equal(0.045, cluster.DistanceFraction, 12);
        // Short: 100 × (1 + 1/10 − 0.01) = 109; the $5M at 104 sits in [104, 104.5), 4 % above.
        Assert.Equal(109, shorts.LiquidationPrice, 9);
        Assert.Equal(0.04, shorts.NearestCluster!.DistanceFraction, 12);
    }

    [Fact]
    public void Realised_PastWindowsWithACloseQuote_GiveTheDistributionAndItsCost()
    {
        // Hours 0..119 quoted 10 % APR and settled 5 % APR; afterwards quoted 50 % and settled 40 %. Today's quote 12 % APR.
        var history = new List<FundingRate>();
        for (var h = 0; h < 240; h++)
        {
            history.Add(Row(FundingKind.Quoted, h, (h < 120 ? 0.10 : 0.50) / 8760));
            history.Add(Row(FundingKind.Settled, h + 1, (h + 1 <= 120 ? 0.05 : 0.40) / 8760));
        }
        var market = Market(history, 240, quoted: 0.12 / 8760);

        var realised = CarryCalculator.Realised(Long(), market, new CarryOptions());

        // Close = within max(5 %, 25 % × 12 %) = 5 % APR: quotes in [7 %, 17 %] → the 120 hourly starts 0..119. The 101 whose
        // 20 h window ends by hour 120 realised 5 %, so p5 = p50 = 5 % APR: 0.05 ÷ 8760 × 20 h × $100,000 = $11.42.
        Assert.Equal(120, realised.Count);
        Assert.Equal((0.07, 0.17), (Math.Round(realised.BandLowApr, 12), Math.Round(realised.BandHighApr, 12)));
        Assert.Equal(0.05, realised.P5Apr!.Value, 9);
        Assert.Equal(0.05, realised.P50Apr!.Value, 9);
        Assert.True(realised.P95Apr > 0.05);
        Assert.Equal(0.05 / 8760 * 20 * 100_000, realised.P50CostUsd!.Value, 9);
        Assert.Equal(-0.05, realised.P50SlippageApr!.Value, 9);
    }

    [Fact]
    public void Estimate_AllRows_ComposesEveryPart()
    {
        var history = Enumerable.Range(1, 48).Select(h => Row(FundingKind.Settled, h, 0.00001)).ToArray();

        var estimate = CarryCalculator.Estimate(Long(hours: 8), Market(history, 48, quoted: 0.00001));

        Assert.Equal(("8h", 8, 8), (estimate.Expected!.WindowLabel, estimate.Expected.CostUsd, estimate.Stress.SampleCount / 6));
        Assert.Equal(24, estimate.Stress.P95CostUsd!.Value, 9);
        Assert.Equal(0.09, estimate.Liquidation.DistanceFraction, 12);
        Assert.Equal(0, estimate.Realised.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => CarryCalculator.Estimate(Long(leverage: 0.5), Market(history, 48)));
    }
}
