using System.Text.Json;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Dydx;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Dydx;

[Trait("Category", "Fast")]
public class DydxMarketsParserTests
{
    private const long FetchedAtMs = 1_765_210_000_000;

    private static VenuePoll Parse(string file)
    {
        using var doc = JsonDocument.Parse(FixtureFiles.Read("dydx", file));
        return DydxMarketsParser.Parse(doc.RootElement, FetchedAtMs, "GET https://indexer.dydx.trade/v4/perpetualMarkets");
    }

    [Fact]
    public void Parse_Recorded_QuotesHourlyFractionsAsWritten()
    {
        var poll = Parse("perpetualMarkets.json");

        // BTC "0.00000254545454545455" per 1h → rate_1h 2.5454545e-6 → APR × 8760 = 2.2298 %.
        var btc = FundingNormalizer.Normalize(VenueIds.Dydx, poll.Funding.Single(f => f.Symbol == "BTC-USD"));
        Assert.Equal((FundingKind.Quoted, 1d, RateUnit.Fraction, FetchedAtMs), (btc.Kind, btc.IntervalHours, btc.Unit, btc.TimeMs));
        Assert.Equal(2.54545454545455e-6, btc.Rate1h, 15);
        Assert.Equal(0.022298181818, FundingBasis.FromRate1h(btc.Rate1h, RateBasis.Apr), 10);
        // SOL "-0.00000143181818181818" per 1h → APR −1.2543 % (shorts pay longs).
        var sol = FundingNormalizer.Normalize(VenueIds.Dydx, poll.Funding.Single(f => f.Symbol == "SOL-USD"));
        Assert.Equal(-0.012542727273, FundingBasis.FromRate1h(sol.Rate1h, RateBasis.Apr), 10);
        Assert.Equal("GET https://indexer.dydx.trade/v4/perpetualMarkets markets[\"BTC-USD\"].nextFundingRate", poll.Funding[0].Source);
        Assert.Empty(poll.MarketErrors);
    }

    [Fact]
    public void Parse_Recorded_OpenInterestIsBaseTimesOracleAndOracleIsTheIndex()
    {
        var poll = Parse("perpetualMarkets.json");

        // openInterest (not baseOpenInterest) is the live OI: 381.7348 BTC × oracle 89,919.2 = 34,325,287.83 USD.
        var oi = poll.OpenInterest.Single(o => o.Symbol == "BTC-USD");
        Assert.Equal((381.7348, FetchedAtMs), (oi.Base, oi.TimeMs));
        Assert.Equal(34_325_287.82816, oi.Usd, 4);
        Assert.Equal(5_671_491.87, poll.OpenInterest.Single(o => o.Symbol == "SOL-USD").Usd, 4); // 41,917.9 × 135.3
        var price = poll.Prices.Single(p => p.Symbol == "BTC-USD");
        Assert.Null(price.Mark);
        Assert.Equal(89919.2, price.Index);
    }

    [Fact]
    public void Parse_Recorded_MarketsFromMarginFractions()
    {
        var poll = Parse("perpetualMarkets.json");

        // IMF 0.02 → 50x, MMF 0.012; SOL IMF 0.05 → 20x, MMF 0.03.
        Assert.Equal(new Market(VenueIds.Dydx, "BTC-USD", "BTC", 1, 50, 0.012), poll.Markets[0] with { FundingCap = null });
        Assert.Equal(new Market(VenueIds.Dydx, "SOL-USD", "SOL", 1, 20, 0.03), poll.Markets[1] with { FundingCap = null });
        // The protocol clamps the 8h rate to 600 % × (IMF − MMF), i.e. 75 % × (IMF − MMF) per hour:
        // BTC 0.75 × (0.02 − 0.012) = 0.006, SOL 0.75 × (0.05 − 0.03) = 0.015.
        Assert.Equal(0.006, poll.Markets[0].FundingCap!.Value, 15);
        Assert.Equal(0.015, poll.Markets[1].FundingCap!.Value, 15);
    }

    [Fact]
    public void Parse_IsolatedPausedAndSettling_StatusesAndOptionalOracle()
    {
        var poll = Parse("perpetualMarkets.statuses.derived.json");

        Assert.Empty(poll.MarketErrors);
        // Isolated with empty oraclePrice: still quotes (0.0000125 per 1h = 10.95 % APR), no price and no USD OI.
        Assert.Equal(1.25e-5, poll.Funding.Single(f => f.Symbol == "ISO-USD").RateRaw, 12);
        Assert.DoesNotContain(poll.Prices, p => p.Symbol == "ISO-USD");
        Assert.DoesNotContain(poll.OpenInterest, o => o.Symbol == "ISO-USD");
        // PAUSED: no quote, but positions still exist, so OI and price stay.
        Assert.Equal(MarketStatus.Paused, poll.Markets.Single(m => m.Symbol == "CRO-USD").Status);
        Assert.DoesNotContain(poll.Funding, f => f.Symbol == "CRO-USD");
        Assert.Equal(510, poll.OpenInterest.Single(o => o.Symbol == "CRO-USD").Usd, 9); // 5,100 × 0.1
        // FINAL_SETTLEMENT: listed as delisted, nothing else.
        Assert.Equal(MarketStatus.Delisted, poll.Markets.Single(m => m.Symbol == "FTM-USD").Status);
        Assert.DoesNotContain(poll.Prices, p => p.Symbol == "FTM-USD");
        Assert.Equal(["BTC-USD", "SOL-USD", "ISO-USD"], poll.Funding.Select(f => f.Symbol));
    }

    [Fact]
    public void Parse_OpenInterestRemovedFromOneMarket_MarketErrorOthersParse()
    {
        var poll = Parse("perpetualMarkets.no-openInterest.derived.json");

        var error = Assert.Single(poll.MarketErrors);
        Assert.Equal("BTC-USD", error.Symbol);
        Assert.Contains("'openInterest'", error.Reason);
        Assert.Equal(["SOL-USD"], poll.Markets.Select(m => m.Symbol));
        Assert.Equal(["SOL-USD"], poll.Funding.Select(f => f.Symbol));
    }

    [Fact]
    public void Parse_UnknownStatus_IsAMarketError()
    {
        using var doc = JsonDocument.Parse("""{"markets":{"X-USD":{"status":"HALTED","initialMarginFraction":"0.1","maintenanceMarginFraction":"0.05","openInterest":"1","oraclePrice":"1","nextFundingRate":"0"}}}""");

        var poll = DydxMarketsParser.Parse(doc.RootElement, FetchedAtMs, "test");

        Assert.Equal(new MarketError("X-USD", "unknown status 'HALTED'"), Assert.Single(poll.MarketErrors));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"markets\":[]}")]
    [InlineData("{\"errors\":[{\"msg\":\"boom\"}]}")]
    public void Parse_WrongTopLevelShape_ThrowsVenueException(string json)
    {
        using var doc = JsonDocument.Parse(json);

        var ex = Assert.Throws<VenueException>(() => DydxMarketsParser.Parse(doc.RootElement, FetchedAtMs, "test"));
        Assert.Contains("perpetualMarkets", ex.Reason);
    }

    [Theory]
    [InlineData(0.02, 0.012, 0.006)]
    [InlineData(0.05, 0.03, 0.015)]
    [InlineData(1.0, 0.0, 0.75)]
    [InlineData(0.02, 0.02, null)]
    [InlineData(0.01, 0.02, null)]
    [InlineData(0.02, -0.01, null)]
    public void FundingCap_MarginFractions_ClampPerHourOrNone(double initial, double maintenance, double? cap)
    {
        var actual = DydxMarketsParser.FundingCap(initial, maintenance);

        if (cap is null) Assert.Null(actual);
        else Assert.Equal(cap.Value, actual!.Value, 15);
    }
}
