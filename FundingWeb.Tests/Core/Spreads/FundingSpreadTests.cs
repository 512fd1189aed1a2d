using Xunit;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Spreads;

namespace FundingWeb.Tests.Core.Spreads;

[Trait("Category", "Fast")]
public class FundingSpreadTests
{
    private const long T0 = 1_767_225_600_000; // 2026-01-01T00:00Z
    private const long H = 3_600_000;
    private const double Tolerance = 1e-12;

    // Hyperliquid +0.00005/h (taker 0.045 %), dYdX −0.00001/h (taker 0.05 %), Paradex +0.00002/h (taker 0.03 %).
    private static readonly SpreadQuote[] Quotes =
    [
        new("hyperliquid", 0.00005, 0.00045),
        new("dydx", -0.00001, 0.0005),
        new("paradex", 0.00002, 0.0003),
    ];

    [Fact]
    public void Widest_ThreeVenues_ShortsHighestAndLongsLowest()
    {
        var spread = FundingSpread.Widest(Quotes)!;

        Assert.Equal(("hyperliquid", "dydx"), (spread.ShortVenue, spread.LongVenue));
        // (0.00005 − (−0.00001)) × 8760 = 0.5256 = 52.56 % APR.
        Assert.Equal(0.00006, spread.SpreadRate1h, Tolerance);
        Assert.Equal(0.5256, spread.SpreadApr, Tolerance);
    }

    [Fact]
    public void NetApr_OneWeekHold_SubtractsRoundTripFeesSpreadOverTheHold()
    {
        var spread = FundingSpread.Widest(Quotes)!;

        // Round trip 2 × (0.00045 + 0.0005) = 0.0019 of notional. Over 168h: 0.0019 × 8760 ÷ 168 = 0.0990714 APR,
        // so net = 0.5256 − 0.0990714 = 0.4265286.
        Assert.Equal(0.0019, spread.RoundTripFees, Tolerance);
        Assert.Equal(0.5256 - 0.0019 * 8760 / 168, spread.NetApr(168), Tolerance);
        Assert.Equal(0.4265286, spread.NetApr(168), 7);
        // Over 24h the fees (0.0019 × 365 = 0.6935 APR) outweigh the spread: −0.1679.
        Assert.Equal(-0.1679, spread.NetApr(24), Tolerance);
        // Break-even: 0.0019 ÷ 0.00006 = 31.67 h.
        Assert.Equal(0.0019 / 0.00006, spread.BreakEvenHours!.Value, 9);
    }

    [Fact]
    public void NetApr_NonPositiveHold_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FundingSpread.Widest(Quotes)!.NetApr(0));
    }

    [Fact]
    public void Widest_FewerThanTwoVenues_IsNull()
    {
        Assert.Null(FundingSpread.Widest([]));
        Assert.Null(FundingSpread.Widest([Quotes[0], Quotes[0] with { Rate1h = 0.1 }]));
    }

    [Fact]
    public void Widest_EqualRates_ZeroSpreadNoBreakEven()
    {
        var spread = FundingSpread.Widest([new("b", 0.00001, 0.0005), new("a", 0.00001, 0.0005)])!;

        Assert.Equal(("b", "a"), (spread.ShortVenue, spread.LongVenue));
        Assert.Equal(0, spread.SpreadApr);
        Assert.Null(spread.BreakEvenHours);
    }

    [Fact]
    public void HeldSince_PositiveRunAboveThreshold_StartsAtFirstSampleOfTheRun()
    {
        // APRs: −0.05, 0.30, 0.08 (below 0.10 threshold), 0.20, 0.25, 0.40 → the run is the last three samples.
        SpreadSample[] series =
        [
            new(T0, -0.05), new(T0 + H, 0.30), new(T0 + 2 * H, 0.08),
            new(T0 + 3 * H, 0.20), new(T0 + 4 * H, 0.25), new(T0 + 5 * H, 0.40),
        ];

        var held = FundingSpread.HeldSince(series, thresholdApr: 0.10)!;

        Assert.Equal(new SpreadHeld(T0 + 3 * H, T0 + 5 * H, 3), held);
        Assert.Equal(TimeSpan.FromHours(2), held.Duration);
        // Without a threshold only the sign matters: held since T0 + 1h.
        Assert.Equal(T0 + H, FundingSpread.HeldSince(series)!.SinceMs);
    }

    [Fact]
    public void HeldSince_NegativeSpread_TracksTheNegativeSign()
    {
        SpreadSample[] series = [new(T0, 0.1), new(T0 + H, -0.2), new(T0 + 2 * H, -0.3)];

        Assert.Equal(new SpreadHeld(T0 + H, T0 + 2 * H, 2), FundingSpread.HeldSince(series));
    }

    [Fact]
    public void HeldSince_LatestWithinThreshold_IsNull()
    {
        SpreadSample[] series = [new(T0, 0.5), new(T0 + H, 0.05)];

        Assert.Null(FundingSpread.HeldSince(series, 0.10));
        Assert.Null(FundingSpread.HeldSince([]));
    }

    [Fact]
    public void PairSeries_TwoVenuesQuotingAtDifferentTimes_UsesEachLatestQuote()
    {
        FundingRate[] high = [Quote("hyperliquid", T0, 0.00005), Quote("hyperliquid", T0 + 2 * H, 0.00003)];
        FundingRate[] low = [Quote("dydx", T0 + H, -0.00001), Quote("dydx", T0 + 2 * H, 0.00001)];

        var series = FundingSpread.PairSeries(high, low);

        // T0: dYdX not quoted yet. T0 + 1h: 0.00006 × 8760. T0 + 2h (both quote): 0.00002 × 8760.
        Assert.Equal([T0 + H, T0 + 2 * H], series.Select(s => s.TimeMs).ToArray());
        Assert.Equal(0.5256, series[0].SpreadApr, Tolerance);
        Assert.Equal(0.1752, series[1].SpreadApr, Tolerance);
    }

    private static FundingRate Quote(string venue, long timeMs, double rate1h) =>
        new(venue, "BTC", timeMs, FundingKind.Quoted, FundingLeg.Net, rate1h, 1, RateUnit.Fraction, rate1h);
}
