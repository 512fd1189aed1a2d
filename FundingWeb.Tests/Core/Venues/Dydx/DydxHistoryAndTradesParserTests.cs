using System.Text.Json;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Dydx;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Dydx;

[Trait("Category", "Fast")]
public class DydxHistoryAndTradesParserTests
{
    private static JsonDocument Fixture(string file) => JsonDocument.Parse(FixtureFiles.Read("dydx", file));

    [Fact]
    public void ParseFunding_Recorded_HourlyRatesWithOracleAndUtcMs()
    {
        using var doc = Fixture("historicalFunding-BTC-USD.json");

        var rows = DydxHistoryParser.ParseFunding(doc.RootElement, "BTC-USD");

        // Newest first as the venue sends it; 2025-12-08T16:00:00.219Z = 1,765,209,600,219 ms.
        Assert.Equal([1765209600219L, 1765206000586L, 1765202400112L], rows.Select(r => r.TimeMs));
        Assert.Equal(89993.8, rows[0].OraclePrice);
        // "0.000002375" per 1h → rate_1h 2.375e-6 → APR × 8760 = 2.0805 %.
        var rate = FundingNormalizer.Normalize(VenueIds.Dydx, new RawFundingRate("BTC-USD", rows[0].TimeMs, FundingKind.Settled, rows[0].Rate, 1, RateUnit.Fraction));
        Assert.Equal(2.375e-6, rate.Rate1h, 15);
        Assert.Equal(0.020805, FundingBasis.FromRate1h(rate.Rate1h, RateBasis.Apr), 10);
    }

    [Fact]
    public void ParseCandles_Recorded_StartingOpenInterestAtCandleStart()
    {
        using var doc = Fixture("candles-BTC-USD-1MIN.json");

        var candle = Assert.Single(DydxHistoryParser.ParseCandles(doc.RootElement, "BTC-USD"));

        // 2025-12-08T16:11:00Z; OI 381.7348 BTC; orderbook mid at open 89,969.75 as the fallback price.
        Assert.Equal((1765210260000L, 381.7348, (double?)89969.75), (candle.StartedAtMs, candle.StartingOpenInterest, candle.PriceAtOpen));
    }

    [Fact]
    public void ParseFunding_RowWithoutRate_IsSkipped()
    {
        using var doc = JsonDocument.Parse("""{"historicalFunding":[{"ticker":"BTC-USD","effectiveAt":"2025-12-08T16:00:00.219Z"},{"ticker":"BTC-USD","rate":"0.000000375","effectiveAt":"2025-12-08T15:00:00.586Z"}]}""");

        var row = Assert.Single(DydxHistoryParser.ParseFunding(doc.RootElement, "BTC-USD"));
        Assert.Equal(3.75e-7, row.Rate, 15);
    }

    [Fact]
    public void ParseFunding_WrongShape_ThrowsVenueException()
    {
        using var doc = JsonDocument.Parse("""{"errors":[]}""");

        Assert.Throws<VenueException>(() => DydxHistoryParser.ParseFunding(doc.RootElement, "BTC-USD"));
    }

    [Fact]
    public void ParseLiquidations_RecordedWsTrades_KeepsOnlyTheLiquidation()
    {
        using var doc = Fixture("ws-v4_trades-liquidated.doc.json");

        // The WS message carries the same trade objects as REST, under "contents".
        var liquidation = Assert.Single(DydxTradesParser.ParseLiquidations(doc.RootElement.GetProperty("contents"), "BTC-USD"));

        // Taker BUY of 0.000100431 at 27,839 closes a short: 2.795898609 USD, 2023-04-04T00:29:19.353Z.
        Assert.Equal(("8ee6d90d-272d-5edd-bf0f-2e4d6ae3d3b7", LiquidationSide.Short, "LIQUIDATED"), (liquidation.Id, liquidation.Side, liquidation.Kind));
        Assert.Equal(2.795898609, liquidation.NotionalUsd, 9);
        Assert.Equal(1680568159353, liquidation.TimeMs);
    }

    [Fact]
    public void ParseLiquidations_RestTrades_LiquidatedAndDeleveragedButNotLimit()
    {
        using var doc = Fixture("trades-BTC-USD.derived.json");

        var events = DydxTradesParser.ParseLiquidations(doc.RootElement, "BTC-USD");

        Assert.Equal(["DELEVERAGED", "LIQUIDATED"], events.Select(e => e.Kind));
        // Deleveraged taker SELL of 0.25 at 89,890 closes a long: 22,472.5 USD.
        Assert.Equal((LiquidationSide.Long, 0.25, 89890d, 22472.5), (events[0].Side, events[0].SizeBase, events[0].Price, events[0].NotionalUsd));
    }
}
