using System.Text.Json;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues.Paradex;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Paradex;

/// <summary>
/// Each settled Paradex hour from the funding index (NOTES §3.2): the index advances premium × Δt ÷ period, premium =
/// rate × price, so Δindex over the hour ÷ price is the hour's accrual. Numbers below are small enough to check by hand.
/// </summary>
[Trait("Category", "Fast")]
public sealed class ParadexHourlySamplerTests
{
    private const long H = 1_770_444_000_000; // 2026-02-07 06:00 UTC
    private const long Min = 60_000;

    private static ParadexFundingSample Row(long t, double rate, double? premium, double? index, double period = 8) =>
        new("BTC-USD-PERP", t, rate, period, index, premium);

    private static IReadOnlyList<RawFundingRate> Settle(params ParadexFundingSample[] rows)
    {
        var sampler = new ParadexHourlySampler();
        foreach (var row in rows) sampler.Add(row);
        return sampler.ToSettled("BTC-USD-PERP", H, H + 10 * 60 * Min, "src");
    }

    [Fact]
    public void ToSettled_SteadyRate_IndexGivesTheRateOverTheHourAndTheSampleIsKeptBeside()
    {
        // 0.0003 per 8 h at 60,000: premium 18 USDC per BTC per 8 h; over 30 min the index moves 18 × 1800 / 28800 = 1.125.
        var settled = Settle(
            Row(H, 0.0003, 18, 100),
            Row(H + 30 * Min, 0.0003, 18, 101.125),
            Row(H + 60 * Min, 0.0003, 18, 102.25),
            Row(H + 120 * Min, 0.0003, 18, 104.5));

        Assert.Equal([H, H + 60 * Min, H + 120 * Min], settled.Select(s => s.TimeMs));
        // Hours 06:00 and 07:00: Δindex 2.25 ÷ 60,000 = 3.75e-5 per hour (= 0.0003 / 8), exact, as a 1h fraction.
        Assert.All(settled.Take(2), s =>
        {
            Assert.Equal(FundingOrigins.IndexDelta, s.Origin);
            Assert.Equal(3.75e-5, s.RateRaw, 15);
            Assert.Equal(3.75e-5, s.CrossCheck1h!.Value, 15);
            Assert.Equal(1, s.IntervalHours);
            Assert.Equal(FundingKind.Settled, s.Kind);
        });
        // 08:00 has no row at its end yet: the first sample stands for it.
        Assert.Equal(FundingOrigins.HourlySample, settled[2].Origin);
        Assert.Equal(3.75e-5, settled[2].RateRaw, 15);
        Assert.Null(settled[2].CrossCheck1h);
    }

    [Fact]
    public void ToSettled_RateFallsWithinTheHour_IndexCatchesWhatTheFirstSampleMisses()
    {
        // 0.0003 for 30 min (index +1.125), then 0.0001 for 30 min (premium 6: +0.375): Δ 1.5 ÷ 60,000 = 2.5e-5 per hour.
        // The first sample alone says 0.0003 / 8 = 3.75e-5: 50 % too much.
        var hour = Settle(
            Row(H, 0.0003, 18, 0),
            Row(H + 30 * Min, 0.0001, 6, 1.125),
            Row(H + 60 * Min, 0.0001, 6, 1.5))[0];

        Assert.Equal(FundingOrigins.IndexDelta, hour.Origin);
        Assert.Equal(2.5e-5, hour.RateRaw, 15);
        Assert.Equal(3.75e-5, hour.CrossCheck1h!.Value, 15);
    }

    [Fact]
    public void ToSettled_ShortsPay_NegativeIndexMoveIsANegativeRate()
    {
        // −0.0008 per 8 h at 2 USDC: premium −0.0016; over the hour −0.0016 × 3600 / 28800 = −0.0002; ÷ 2 = −1e-4 per hour.
        var hour = Settle(
            Row(H + 5_000, -0.0008, -0.0016, -2.0),
            Row(H + 60 * Min + 5_000, -0.0008, -0.0016, -2.0002))[0];

        Assert.Equal(FundingOrigins.IndexDelta, hour.Origin);
        Assert.Equal(-1e-4, hour.RateRaw, 12);
        Assert.Equal(H, hour.TimeMs);
    }

    [Fact]
    public void ToSettled_OneHourPeriod_IndexMovesTheWholePremiumInAnHour()
    {
        // 1h market (HYPER-like): 0.0000125 per 1 h at 0.28: premium 3.5e-6, the index moves 3.5e-6 in an hour → 1.25e-5.
        var hour = Settle(
            Row(H, 0.0000125, 0.0000035, -0.1, period: 1),
            Row(H + 60 * Min, 0.0000125, 0.0000035, -0.0999965, period: 1))[0];

        Assert.Equal(FundingOrigins.IndexDelta, hour.Origin);
        Assert.Equal(1.25e-5, hour.RateRaw, 12);
        Assert.Equal(1.25e-5, hour.CrossCheck1h!.Value, 15);
    }

    [Fact]
    public void ToSettled_ZeroRateAndStillIndex_IsAnExactZero()
    {
        var hour = Settle(Row(H, 0, 0, 5), Row(H + 60 * Min, 0, 0, 5))[0];

        Assert.Equal(FundingOrigins.IndexDelta, hour.Origin);
        Assert.Equal(0, hour.RateRaw);
    }

    public static TheoryData<string, ParadexFundingSample[], string> FallbackCases => new()
    {
        // case, the rows of hour H and the start of H + 1 h, the reason the sample stands in
        { "first row more than a minute after the hour", [Row(H + 2 * Min, 0.0003, 18, 100), Row(H + 60 * Min, 0.0003, 18, 102.25)], "start of the hour" },
        { "no row at the end of the hour", [Row(H, 0.0003, 18, 100), Row(H + 65 * Min, 0.0003, 18, 102.6)], "end of the hour" },
        { "start row without an index", [Row(H, 0.0003, 18, null), Row(H + 60 * Min, 0.0003, 18, 102.25)], "without funding_index" },
        { "end row without an index", [Row(H, 0.0003, 18, 100), Row(H + 60 * Min, 0.0003, 18, null)], "without funding_index" },
        { "no premium to derive the price from", [Row(H, 0.0003, null, 100), Row(H + 60 * Min, 0.0003, null, 102.25)], "no funding_premium" },
        { "index jumps (reset or a different series)", [Row(H, 0.0003, 18, 100), Row(H + 60 * Min, 0.0003, 18, 250)], "more than the premium allows" },
        { "index moves against the funding direction", [Row(H, 0.0003, 18, 100), Row(H + 60 * Min, 0.0003, 18, 99)], "against the funding direction" },
        { "index stuck while every premium says funding accrued", [Row(H, 0.0003, 18, 100), Row(H + 30 * Min, 0.0003, 18, 100), Row(H + 60 * Min, 0.0003, 18, 100)], "stood still" },
        { "zero rate but a moving index", [Row(H, 0, 0, 100), Row(H + 60 * Min, 0, 0, 100.5)], "more than the premium allows" },
    };

    [Theory]
    [MemberData(nameof(FallbackCases))]
    public void ToSettled_IndexCannotBeTrusted_FirstSampleStandsInAndSaysWhy(string scenario, ParadexFundingSample[] rows, string reason)
    {
        var hour = Settle(rows)[0];

        Assert.True(hour.Origin == FundingOrigins.HourlySample, scenario);
        Assert.Contains(reason, hour.Source);
        Assert.Equal(rows[0].FundingRate / 8, hour.RateRaw, 15);
        Assert.Null(hour.CrossCheck1h);
    }

    [Fact]
    public void ToSettled_PremiumChangesSignWithinTheHour_SmallNetMoveEitherWayIsAccepted()
    {
        // +18 for 30 min (+1.125), −18 for 30 min (−1.125) and a little more: net −0.01, inside what the premiums allow.
        var hour = Settle(Row(H, 0.0003, 18, 10), Row(H + 30 * Min, -0.0003, -18, 11.125), Row(H + 60 * Min, -0.0003, -18, 9.99))[0];

        Assert.Equal(FundingOrigins.IndexDelta, hour.Origin);
        Assert.Equal(-0.01 / 60_000, hour.RateRaw, 12);
    }

    [Theory]
    [InlineData("ws-funding_data-1h-period.json", "HYPER-USD-PERP", 1, -0.1013629022003508722, 0.000003498531863578174094 / 0.00001250176896)]
    [InlineData("ws-funding_data-8h-period.json", "BERA-USD-PERP", 8, -2.314983676759534478, -0.00550913173271130432 / -0.01070340466085)]
    public void ParseRow_RecordedFundingDataMessages_ReadIndexPremiumAndTheImpliedPrice(string file, string market, double period, double index, double price)
    {
        using var doc = JsonDocument.Parse(FixtureFiles.Read("paradex", file));

        var row = ParadexFundingDataParser.ParseRow(doc.RootElement.GetProperty("params").GetProperty("data"), fallbackPeriodHours: 8);

        Assert.Equal(market, row.Market);
        Assert.Equal(period, row.FundingPeriodHours);
        Assert.Equal(index, row.FundingIndex!.Value, 15);
        // premium ÷ rate = spot ÷ USDC price: HYPER ≈ 0.2798, BERA ≈ 0.5147 (both positive whatever the rate's sign).
        Assert.Equal(price, row.ImpliedPrice!.Value, 12);
        Assert.True(row.ImpliedPrice > 0);
    }
}
