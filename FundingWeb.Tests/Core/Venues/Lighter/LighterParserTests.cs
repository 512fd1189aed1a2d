using System.Text.Json;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Lighter;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Lighter;

/// <summary>Parsing of the recorded Lighter payloads (NOTES.md §4.4), with the numbers worked out by hand.</summary>
[Trait("Category", "Fast")]
public sealed class LighterParserTests
{
    private static JsonDocument Load(string file) => JsonDocument.Parse(FixtureFiles.Read("lighter", file));

    [Fact]
    public void ParseOrderBookDetails_RecordedEth_ReadsOiMarginsAndStatus()
    {
        using var doc = Load("orderBookDetails.json");

        var (markets, errors) = LighterParser.ParseOrderBookDetails(doc.RootElement, quotedIntervalHours: 8);

        Assert.Empty(errors);
        var eth = Assert.Single(markets);
        Assert.Equal(0, eth.MarketId);
        Assert.Equal(27350.8981, eth.OpenInterestBase, 10);
        Assert.Equal(2361.31, eth.LastTradePrice, 10);
        Assert.Equal("ETH", eth.Market.Symbol);
        Assert.Equal("ETH", eth.Market.BaseAsset);
        Assert.Equal(MarketStatus.Active, eth.Market.Status);
        // maintenance_margin_fraction 120 bp = 1.2 %; min_initial_margin_fraction 200 bp = 2 % → 50x.
        Assert.Equal(0.012, eth.Market.MaintenanceMargin, 12);
        Assert.Equal(50, eth.Market.MaxLeverage, 12);
        Assert.Equal(8, eth.Market.FundingIntervalHours);
    }

    [Fact]
    public void ParseFundingRates_RecordedRow_AsEightHourFraction_Gives1_2e5PerHour()
    {
        using var doc = Load("funding-rates.json");

        var rates = LighterParser.ParseFundingRates(doc.RootElement);

        var raw = Assert.Single(rates);
        Assert.Equal(0, raw.Key);
        // 0.000096 per 8 h as a fraction → 0.000096 / 8 = 1.2e-5 per hour (0.0012 %/h, ≈ 10.5 % APR).
        var quoted = new RawFundingRate("ETH", 0, FundingKind.Quoted, raw.Value!.Value,
            LighterConventions.Default.QuotedIntervalHours, LighterConventions.Default.QuotedUnit);
        Assert.Equal(1.2e-5, FundingNormalizer.Normalize(VenueIds.Lighter, quoted).Rate1h, 15);
    }

    [Fact]
    public void ParseFundingRates_OtherExchangesRows_AreIgnored()
    {
        using var doc = Load("funding-rates.derived.json");

        var rates = LighterParser.ParseFundingRates(doc.RootElement);

        Assert.Equal([0L, 1L, 2L, 24L], rates.Keys.Order());
        Assert.Equal(9.6e-5, rates[0]!.Value, 15);
    }

    [Fact]
    public void ParseFundings_SchemaRows_PercentPerHourSignedByDirectionInMs()
    {
        using var doc = Load("fundings.schema.json");

        var rows = LighterParser.ParseFundings(doc.RootElement, "ETH", "src");

        Assert.Equal(2, rows.Count);
        // timestamp 1778702400 s → 1778702400000 ms; "0.0012" % per hour, longs pay → +0.000012 per hour.
        Assert.Equal(1778702400000, rows[0].TimeMs);
        Assert.Equal(FundingKind.Settled, rows[0].Kind);
        Assert.Equal(1.2e-5, FundingNormalizer.Normalize(VenueIds.Lighter, rows[0]).Rate1h, 15);
        // "0.0002" % per hour, shorts pay → −0.000002 per hour.
        Assert.Equal(1778706000000, rows[1].TimeMs);
        Assert.Equal(-2e-6, FundingNormalizer.Normalize(VenueIds.Lighter, rows[1]).Rate1h, 15);
    }

    [Fact]
    public void ParseOrderBookDetails_OneMarketWithoutOpenInterest_ReportsItAndKeepsTheOthers()
    {
        using var doc = Load("orderBookDetails.missing-oi.derived.json");

        var (markets, errors) = LighterParser.ParseOrderBookDetails(doc.RootElement, 8);

        var error = Assert.Single(errors);
        Assert.Equal("BTC", error.Symbol);
        Assert.Contains("open_interest", error.Reason);
        Assert.Equal(["ETH", "SOL"], markets.Select(m => m.Market.Symbol));
    }

    [Theory]
    [InlineData("active", MarketStatus.Active)]
    [InlineData("inactive", MarketStatus.Paused)]
    [InlineData("delisted", MarketStatus.Delisted)]
    public void ParseStatus_VenueWords_MapToStatus(string status, MarketStatus expected) =>
        Assert.Equal(expected, LighterParser.ParseStatus(status));

    [Fact]
    public void ParseOrderBookDetails_WrongTopLevelShape_ThrowsVenueException()
    {
        using var doc = JsonDocument.Parse("""{"code":200,"data":[]}""");

        var ex = Assert.Throws<VenueException>(() => LighterParser.ParseOrderBookDetails(doc.RootElement, 8));

        Assert.Contains("order_book_details", ex.Reason);
    }
}
