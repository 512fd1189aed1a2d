using System.Text.Json;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Hyperliquid;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Hyperliquid;

[Trait("Category", "Fast")]
public class HyperliquidSettlementIntervalsTests
{
    private const long Hour = 3_600_000;

    private static IReadOnlyList<HyperliquidSettlement> Rows(string file)
    {
        using var doc = JsonDocument.Parse(FixtureFiles.Read("hyperliquid", file));
        return HyperliquidFundingHistoryParser.ParsePage(doc.RootElement, "BTC");
    }

    private static List<FundingRate> Normalise(IReadOnlyList<HyperliquidSettlement> rows)
    {
        var intervals = HyperliquidSettlementIntervals.Derive(rows.Select(r => r.TimeMs).ToList());
        return rows.Select((r, i) => FundingNormalizer.Normalize(VenueIds.Hyperliquid,
            new RawFundingRate(r.Coin, r.TimeMs, FundingKind.Settled, r.Rate, intervals[i], RateUnit.Fraction))).ToList();
    }

    [Fact]
    public void Derive_2023History_IsEightHourlyAndNormalisesToAnEighth()
    {
        var rates = Normalise(Rows("info-fundingHistory.2023-8h.json"));

        // Spacing 1683878400388 − 1683849600048 = 28,800,340 ms → 8 h (HL stamps settlements a little late).
        Assert.All(rates, r => Assert.Equal(8d, r.IntervalHours));
        // "-0.00061334" per 8h → rate_1h −7.66675e-5 → APR −7.66675e-5 × 8760 = −67.16073 %.
        Assert.Equal(-7.66675e-5, rates[0].Rate1h, 12);
        Assert.Equal(-0.6716073, FundingBasis.FromRate1h(rates[0].Rate1h, RateBasis.Apr), 9);
        Assert.Equal(-9.312875e-5, rates[1].Rate1h, 12); // -0.00074503 / 8
        Assert.Equal(-1.022475e-4, rates[2].Rate1h, 12); // -0.00081798 / 8
        Assert.Equal([1683849600048L, 1683878400388L, 1683907200253L], rates.Select(r => r.TimeMs));
    }

    [Fact]
    public void Derive_2026History_IsHourlyAndMissingPremiumIsFine()
    {
        var rates = Normalise(Rows("info-fundingHistory.2026-1h.json"));

        Assert.All(rates, r => Assert.Equal(1d, r.IntervalHours));
        // "0.0000125" per 1h → 1.25e-5 (APR 10.95 %); "-0.0000081" → −8.1e-6; "0.0000033" (no premium) → 3.3e-6.
        Assert.Equal([1.25e-5, -8.1e-6, 3.3e-6], rates.Select(r => Math.Round(r.Rate1h, 12)));
        Assert.Equal(0.1095, FundingBasis.FromRate1h(rates[0].Rate1h, RateBasis.Apr), 10);
        Assert.Equal(1769908800000, rates[0].TimeMs);
    }

    [Fact]
    public void Derive_MissedHourlySettlement_StaysHourly()
    {
        long[] times = [0, Hour, 2 * Hour, 4 * Hour, 5 * Hour, 6 * Hour];

        Assert.Equal([1d, 1, 1, 1, 1, 1], HyperliquidSettlementIntervals.Derive(times));
    }

    [Fact]
    public void Derive_MissedSettlementOnTheNewestRow_StaysHourly()
    {
        long[] times = [0, Hour, 2 * Hour, 5 * Hour];

        Assert.Equal([1d, 1, 1, 1], HyperliquidSettlementIntervals.Derive(times));
    }

    [Fact]
    public void Derive_EightHourlyThenHourlyAcrossAGap_EachEraKeepsItsCadence()
    {
        long[] times = [0, 8 * Hour, 16 * Hour, 100 * Hour, 101 * Hour, 102 * Hour];

        Assert.Equal([8d, 8, 8, 1, 1, 1], HyperliquidSettlementIntervals.Derive(times));
    }

    [Fact]
    public void Derive_SingleRow_IsTheCurrentHourlyCadence()
    {
        Assert.Equal([1d], HyperliquidSettlementIntervals.Derive([1769908800000]));
    }

    [Fact]
    public void ParsePage_RowWithoutRate_IsSkippedOthersKept()
    {
        using var doc = JsonDocument.Parse("""[{"coin":"BTC","time":1769908800000},{"coin":"BTC","fundingRate":"0.0000125","time":1769912400000}]""");

        var row = Assert.Single(HyperliquidFundingHistoryParser.ParsePage(doc.RootElement, "BTC"));
        Assert.Equal(1769912400000, row.TimeMs);
    }
}
