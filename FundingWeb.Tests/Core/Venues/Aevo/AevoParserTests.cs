using System.Text.Json;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Aevo;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Aevo;

[Trait("Category", "Fast")]
public sealed class AevoParserTests
{
    private static JsonElement Json(string file) => JsonDocument.Parse(FixtureFiles.Read("aevo", file)).RootElement;

    private static JsonElement Inline(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void ParseFunding_DocFixture_RateAndNextEpochInMs()
    {
        var (rate, nextEpochMs) = AevoParser.ParseFunding(Json("funding.doc.json"));

        Assert.Equal(0.00122, rate);
        // "1680249600000000000" ns → 1,680,249,600,000 ms (2023-03-31T08:00:00Z).
        Assert.Equal(1680249600000, nextEpochMs);
    }

    [Fact]
    public void DefaultConvention_DocFundingRate_IsAlreadyTheHourlyFraction()
    {
        var convention = AevoConvention.From(new VenueOptions());
        var raw = new RawFundingRate("ETH-PERP", 0, FundingKind.Quoted, 0.00122, convention.IntervalHours, convention.Unit);

        // Read as 1h [I]: 0.00122 per 1 h → rate_1h 0.00122, i.e. 10.6872 APR simple (× 8760).
        var normalized = FundingNormalizer.Normalize(VenueIds.Aevo, raw);
        Assert.Equal(0.00122, normalized.Rate1h, 15);
        Assert.Equal(10.6872, FundingBasis.FromRate1h(normalized.Rate1h, RateBasis.Apr), 9);
        Assert.False(AevoClient.UnitVerified);
    }

    [Fact]
    public void Convention_OptionsOverride_UnitAndIntervalFromConfiguration()
    {
        var convention = AevoConvention.From(new VenueOptions { RateUnit = "percent", RateIntervalHours = 8 });
        var raw = new RawFundingRate("ETH-PERP", 0, FundingKind.Quoted, 0.00122, convention.IntervalHours, convention.Unit);

        Assert.Equal(new AevoConvention(RateUnit.Percent, 8), convention);
        // 0.00122 % per 8 h → 0.0000122 / 8 = 1.525e-6 per hour.
        Assert.Equal(1.525e-6, FundingNormalizer.Normalize(VenueIds.Aevo, raw).Rate1h, tolerance: 1e-20);
        Assert.Throws<ArgumentException>(() => AevoConvention.From(new VenueOptions { RateUnit = "bps" }));
    }

    [Fact]
    public void ParseHistory_DocFixture_NanosecondsBecomeMilliseconds()
    {
        var (rows, skipped) = AevoParser.ParseHistory(Json("funding-history.doc.json"));

        var row = Assert.Single(rows);
        Assert.Equal(0, skipped);
        Assert.Equal("ETH-PERP", row.Instrument);
        Assert.Equal(1680249600000000000, row.TimeNs);
        Assert.Equal(1680249600000, row.TimeMs);
        Assert.Equal(0.000123, row.Rate);
        Assert.Equal(1892.82, row.Mark);
    }

    [Fact]
    public void ParseHistory_BadRowsAndNull_SkippedNotFatal()
    {
        var (rows, skipped) = AevoParser.ParseHistory(Inline(
            """{"funding_history":[["ETH-PERP","1680249600000000000","0.000123","1892.82"],["ETH-PERP","not-a-time","0.1","1"],["ETH-PERP"],["ETH-PERP","1680253200000000000","-0.00002"]]}"""));

        Assert.Equal(2, skipped);
        Assert.Equal([1680249600000, 1680253200000], rows.Select(r => r.TimeMs));
        Assert.Null(rows[1].Mark);
        Assert.Empty(AevoParser.ParseHistory(Inline("""{"funding_history":null}""")).Rows);
        Assert.Throws<VenueException>(() => AevoParser.ParseHistory(Inline("""{"rows":[]}""")));
    }

    [Fact]
    public void ParseOpenInterestBase_DocFixture_TotalInBaseUnits()
    {
        Assert.Equal(1234.56, AevoParser.ParseOpenInterestBase(Json("statistics.doc.json")));
        Assert.Throws<FormatException>(() => AevoParser.ParseOpenInterestBase(Inline("""{"asset":"ETH"}""")));
    }

    [Fact]
    public void ParseMarkets_DerivedFixture_PerpetualsOnlyWithStatusAndMargins()
    {
        var errors = new List<MarketError>();

        var instruments = AevoParser.ParseMarkets(Json("markets.derived.json"), errors);

        Assert.Empty(errors);
        Assert.Equal(["BTC-PERP", "ETH-PERP", "SOL-PERP", "DOGE-PERP"], instruments.Select(i => i.Name));
        var btc = instruments[0];
        Assert.Equal(("BTC", 97008.12, 97001.5, 20d, 0.025), (btc.BaseAsset, btc.Mark, btc.Index!.Value, btc.MaxLeverage, btc.MaintenanceMargin));
        Assert.False(instruments.Single(i => i.Name == "SOL-PERP").IsActive);
        // SOL caps at 10× → maintenance 0.5 / 10 = 5 %; DOGE sends no cap → the documented 20× default.
        Assert.Equal(0.05, instruments.Single(i => i.Name == "SOL-PERP").MaintenanceMargin, 12);
        Assert.Equal(AevoParser.DefaultMaxLeverage, instruments.Single(i => i.Name == "DOGE-PERP").MaxLeverage);
    }

    [Fact]
    public void ParseMarkets_MarkPriceMissingInOne_MarketErrorOthersParse()
    {
        var errors = new List<MarketError>();

        var instruments = AevoParser.ParseMarkets(Json("markets.btc-no-mark_price.derived.json"), errors);

        var error = Assert.Single(errors);
        Assert.Equal("BTC-PERP", error.Symbol);
        Assert.Contains("mark_price", error.Reason);
        Assert.Equal(["ETH-PERP", "SOL-PERP", "DOGE-PERP"], instruments.Select(i => i.Name));
    }

    [Fact]
    public void ParseMarkets_NotAnArray_VenueException()
    {
        var ex = Assert.Throws<VenueException>(() => AevoParser.ParseMarkets(Inline("""{"markets":[]}"""), []));

        Assert.Contains("/markets", ex.Reason);
    }
}
