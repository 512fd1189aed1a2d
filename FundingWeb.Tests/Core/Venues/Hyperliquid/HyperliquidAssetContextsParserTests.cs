using System.Text.Json;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Hyperliquid;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Hyperliquid;

[Trait("Category", "Fast")]
public class HyperliquidAssetContextsParserTests
{
    private const long FetchedAtMs = 1_769_916_000_000; // 2026-02-01T03:00:00Z

    private static VenuePoll Parse(string file)
    {
        using var doc = JsonDocument.Parse(FixtureFiles.Read("hyperliquid", file));
        return HyperliquidAssetContextsParser.Parse(doc.RootElement, FetchedAtMs, "POST https://api.hyperliquid.xyz/info metaAndAssetCtxs");
    }

    [Fact]
    public void Parse_DocSample_QuotesHourlyFractionAndOpenInterestTimesMark()
    {
        var poll = Parse("info-metaAndAssetCtxs.doc.json");

        // "0.0000125" per 1h → rate_1h 1.25e-5 → APR 1.25e-5 × 8760 = 10.95 % (HL's idle baseline, 0.01 %/8h ÷ 8).
        var btc = FundingNormalizer.Normalize(VenueIds.Hyperliquid, Assert.Single(poll.Funding, f => f.Symbol == "BTC"));
        Assert.Equal(FundingKind.Quoted, btc.Kind);
        Assert.Equal(1d, btc.IntervalHours);
        Assert.Equal(RateUnit.Fraction, btc.Unit);
        Assert.Equal(1.25e-5, btc.Rate1h, 12);
        Assert.Equal(0.1095, FundingBasis.FromRate1h(btc.Rate1h, RateBasis.Apr), 10);
        Assert.Equal(FetchedAtMs, btc.TimeMs);
        Assert.Contains("funding", poll.Funding[0].Source);

        // OI 688.11 BTC × mark 14.3161 = 9,851.051571 USD.
        var oi = Assert.Single(poll.OpenInterest, o => o.Symbol == "BTC");
        Assert.Equal(688.11, oi.Base, 9);
        Assert.Equal(9851.051571, oi.Usd, 6);
        var price = Assert.Single(poll.Prices, p => p.Symbol == "BTC");
        Assert.Equal(14.3161, price.Mark);
        Assert.Equal(14.32, price.Index);
        Assert.Equal(FetchedAtMs, price.TimeMs);
    }

    [Fact]
    public void Parse_DocSample_MarketsCarryLeverageAndHalfInitialMarginAsMaintenance()
    {
        var poll = Parse("info-metaAndAssetCtxs.doc.json");

        var btc = Assert.Single(poll.Markets, m => m.Symbol == "BTC");
        // 1 / (2 × 50) = 1 %; Hyperliquid's documented cap, 4 % per hour, on every market.
        Assert.Equal(new Market(VenueIds.Hyperliquid, "BTC", "BTC", 1, 50, 0.01, FundingCap: 0.04), btc);
        // The doc sample lists three coins but only two contexts: the third is reported, not guessed.
        var error = Assert.Single(poll.MarketErrors);
        Assert.Equal("HPOS", error.Symbol);
        Assert.Contains("index 2", error.Reason);
        Assert.Equal(["BTC", "ETH"], poll.Markets.Select(m => m.Symbol));
    }

    [Fact]
    public void Parse_2026Contexts_NegativeRateNullOptionalsAndDelistedCoin()
    {
        var poll = Parse("info-metaAndAssetCtxs.2026.derived.json");

        // "-0.0000015186" per 1h → rate_1h −1.5186e-6 → APR −1.5186e-6 × 8760 = −1.3302936 % (shorts pay).
        var btc = FundingNormalizer.Normalize(VenueIds.Hyperliquid, poll.Funding.Single(f => f.Symbol == "BTC"));
        Assert.Equal(-1.5186e-6, btc.Rate1h, 14);
        Assert.Equal(-0.013302936, FundingBasis.FromRate1h(btc.Rate1h, RateBasis.Apr), 12);
        // OI 27,353.17682 BTC × mark 77,562 = 2,121,567,100.51 USD.
        Assert.Equal(2_121_567_100.51284, poll.OpenInterest.Single(o => o.Symbol == "BTC").Usd, 3);

        // ETH has premium/midPx/impactPxs null: optional, so it parses without an error.
        var eth = poll.Prices.Single(p => p.Symbol == "ETH");
        Assert.Equal(2123.7, eth.Mark);
        Assert.Equal(2124.6, eth.Index);
        Assert.Empty(poll.MarketErrors);

        // HPOS is delisted: listed with its status, but no quote, OI or price rows.
        Assert.Equal(MarketStatus.Delisted, poll.Markets.Single(m => m.Symbol == "HPOS").Status);
        Assert.DoesNotContain(poll.Funding, f => f.Symbol == "HPOS");
        Assert.DoesNotContain(poll.OpenInterest, o => o.Symbol == "HPOS");
        Assert.Equal(40, poll.Markets.Single(m => m.Symbol == "BTC").MaxLeverage);
        Assert.Equal(0.0125, poll.Markets.Single(m => m.Symbol == "BTC").MaintenanceMargin, 12); // 1 / (2 × 40)
    }

    [Fact]
    public void Parse_FundingRemovedFromOneCoin_ThatCoinIsAMarketErrorOthersParse()
    {
        var poll = Parse("info-metaAndAssetCtxs.no-funding.derived.json");

        var error = Assert.Single(poll.MarketErrors);
        Assert.Equal("BTC", error.Symbol);
        Assert.Contains("'funding'", error.Reason);
        Assert.DoesNotContain(poll.Markets, m => m.Symbol == "BTC");
        Assert.Equal(1.25e-5, poll.Funding.Single(f => f.Symbol == "ETH").RateRaw, 12);
    }

    [Theory]
    [InlineData("{\"universe\":[]}")]
    [InlineData("[{\"universe\":[]}]")]
    [InlineData("[{\"nouniverse\":[]}, []]")]
    public void Parse_WrongTopLevelShape_ThrowsVenueException(string json)
    {
        using var doc = JsonDocument.Parse(json);

        var ex = Assert.Throws<VenueException>(() => HyperliquidAssetContextsParser.Parse(doc.RootElement, FetchedAtMs, "test"));
        Assert.Contains("metaAndAssetCtxs", ex.Reason);
    }
}
