using System.Text.Json;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Gmx;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Gmx;

/// <summary>Parsing of the recorded GMX payloads (NOTES.md §6.4), with the numbers worked out by hand.</summary>
[Trait("Category", "Fast")]
public sealed class GmxParserTests
{
    private static JsonDocument Load(string file) => JsonDocument.Parse(FixtureFiles.Read("gmx", file));

    private static double Rate1h(RawFundingRate raw) => FundingNormalizer.Normalize(VenueIds.Gmx, raw).Rate1h;

    [Fact]
    public void ParseTickers_Recorded2024_DecodesWithTokenDecimals()
    {
        using var doc = Load("prices-tickers.2024.json");

        var prices = GmxParser.ParseTickers(doc.RootElement);

        // ETH: 2376284700000000 × 10^18 / 10^30 = 2376.2847 USD; updatedAt already in ms.
        var eth = prices["0x49D5c2BdFfac6CE2BFdB6640F4F80f226bc10bAB"];
        Assert.Equal(2376.2847, eth.ToUsd(18), 10);
        Assert.Equal(1707272591518, eth.UpdatedAtMs);
        // BTC.b (8 decimals): 430397400000000000000000000 × 10^8 / 10^30 = 43039.74 USD.
        Assert.Equal(43039.74, prices["0x152b9d0fdc40c096757f570a51e494bd4b943e50"].ToUsd(8), 8);
    }

    [Fact]
    public void ParseTickers_DocExampleInSeconds_ConvertsUpdatedAtToMs()
    {
        using var doc = Load("prices-tickers.doc.json");

        var price = Assert.Single(GmxParser.ParseTickers(doc.RootElement)).Value;

        Assert.Equal(1708956120000, price.UpdatedAtMs);
        Assert.Equal(1.8e33, price.RawMid, 1e18);
    }

    [Fact]
    public void ParseTokens_DerivedList_KeysByAddressIgnoringCase()
    {
        using var doc = Load("tokens.derived.json");

        var tokens = GmxParser.ParseTokens(doc.RootElement);

        Assert.Equal(18, tokens["0x82af49447d8a07e3bd95bd0d56f35241523fbab1"].Decimals);
        Assert.Equal("SOL", tokens["0x2bcC6D6CdBbDC0a4071e48bb3B969b06B3330c07"].Symbol);
        Assert.Equal(9, tokens["0x2bcC6D6CdBbDC0a4071e48bb3B969b06B3330c07"].Decimals);
    }

    [Fact]
    public void ParseMarketsInfo_Placeholder_KeepsLegsSeparateWithMarketSignAndSplitsOi()
    {
        var parts = Parse("markets-info.placeholder.json");

        Assert.Empty(parts.Errors);
        var market = Assert.Single(parts.Markets);
        Assert.Equal("ETH/USD [WETH-USDC]", market.Symbol);
        Assert.Equal("ETH", market.BaseAsset);
        Assert.Equal(8760, market.FundingIntervalHours);

        var legs = parts.Funding.ToDictionary(f => f.Leg);
        Assert.All(legs.Values, f => Assert.Equal(RateUnit.Fixed1e30, f.Unit));
        Assert.All(legs.Values, f => Assert.Equal(FundingKind.Quoted, f.Kind));
        // fundingRateLong +1e27: longs receive 0.001 per year → −0.001 / 8760 = −1.1415525e-7 per hour in "positive = longs pay".
        Assert.Equal(-1.1415525114155251e-7, Rate1h(legs[FundingLeg.Long]), 15);
        // fundingRateShort −5e26: shorts pay 0.0005/yr → −5.7077626e-8 per hour (shorts paying longs is negative).
        Assert.Equal(-5.7077625570776255e-8, Rate1h(legs[FundingLeg.Short]), 15);
        Assert.Equal(0, Rate1h(legs[FundingLeg.BorrowLong]));
        Assert.Equal(0, Rate1h(legs[FundingLeg.BorrowShort]));
        Assert.EndsWith("markets/info fundingRateShort", legs[FundingLeg.Short].Source);

        // OI 1e35 / 1e30 = 100,000 USD long, 80,000 short; base = 180,000 / 2376.2847 = 75.7485 ETH.
        var oi = Assert.Single(parts.OpenInterest);
        Assert.Equal(100_000, oi.LongUsd!.Value, 6);
        Assert.Equal(80_000, oi.ShortUsd!.Value, 6);
        Assert.Equal(180_000, oi.Usd, 6);
        Assert.Equal(75.74849932754269, oi.Base, 9);
        var price = Assert.Single(parts.Prices);
        Assert.Null(price.Mark);
        Assert.Equal(2376.2847, price.Index!.Value, 9);
        Assert.Equal(1763790000000, parts.DataTimeMs);
    }

    [Fact]
    public void ParseMarketsInfo_Derived_BorrowLegsAndShortsPayingAreSigned()
    {
        var parts = Parse("markets-info.derived.json");

        var eth = parts.Funding.Where(f => f.Symbol == "ETH/USD [WETH-USDC]").ToDictionary(f => f.Leg);
        // GMX writes fundingRateLong −11 %/yr (longs pay) → +1.2557e-5/h; fundingRateShort +11 % × 48.2/41.5 (shorts receive)
        // → +1.4584e-5/h, longs paying in both legs; longs borrow 6.5 %/yr → 7.4201e-6/h.
        Assert.Equal(1.2557077625570777e-5, Rate1h(eth[FundingLeg.Long]), 15);
        Assert.Equal(1.4584364856687023e-5, Rate1h(eth[FundingLeg.Short]), 15);
        Assert.Equal(7.4200913242009134e-6, Rate1h(eth[FundingLeg.BorrowLong]), 15);

        var btc = parts.Funding.Where(f => f.Symbol == "BTC/USD [WBTC.b-USDC]").ToDictionary(f => f.Leg);
        // GMX writes fundingRateShort −8.5 %/yr (shorts pay) → −9.7032e-6/h in the market sign; shorts borrow 4.2 % → 4.7945e-6/h.
        Assert.Equal(-9.703196347031965e-6, Rate1h(btc[FundingLeg.Short]), 15);
        // fundingRateLong +9.564 %/yr: longs receive → negative in the market sign.
        Assert.Equal(-0.09564205457463884 / 8760, Rate1h(btc[FundingLeg.Long]), 15);
        Assert.Equal(4.7945205479452054e-6, Rate1h(btc[FundingLeg.BorrowShort]), 15);

        // BTC index token has 8 decimals: 93,850.6 USD; OI 62.3M + 70.1M = 132.4M USD → 1410.7528 BTC.
        var btcOi = parts.OpenInterest.Single(o => o.Symbol == "BTC/USD [WBTC.b-USDC]");
        Assert.Equal(1410.7528348247106, btcOi.Base, 8);
        Assert.Equal(141.523, parts.Prices.Single(p => p.Symbol == "SOL/USD [SOL-USDC]").Index!.Value, 9);
    }

    [Fact]
    public void ParseMarketsInfo_DisabledUnlistedAndSwapOnly_HaveStatusAndNoRows()
    {
        var parts = Parse("markets-info.derived.json");

        Assert.Equal(MarketStatus.Paused, parts.Markets.Single(m => m.Symbol == "DOGE/USD [WETH-USDC]").Status);
        Assert.Equal(MarketStatus.Delisted, parts.Markets.Single(m => m.Symbol == "LTC/USD [WETH-USDC]").Status);
        Assert.DoesNotContain(parts.Markets, m => m.Symbol.StartsWith("SWAP-ONLY", StringComparison.Ordinal));
        Assert.DoesNotContain(parts.Funding, f => f.Symbol.StartsWith("DOGE", StringComparison.Ordinal) || f.Symbol.StartsWith("LTC", StringComparison.Ordinal));
        Assert.Equal(4, parts.OpenInterest.Count);
        Assert.Equal(2, parts.Markets.Count(m => m.BaseAsset == "ETH"));
    }

    [Fact]
    public void ParseMarketsInfo_RequiredFieldMissing_ReportsThatMarketOnly()
    {
        var parts = Parse("markets-info.missing-funding.derived.json");

        var error = Assert.Single(parts.Errors);
        Assert.Equal("BTC/USD [WBTC.b-USDC]", error.Symbol);
        Assert.Contains("fundingRateLong", error.Reason);
        Assert.Equal(["ETH/USD [WETH-USDC]", "SOL/USD [SOL-USDC]"], parts.Markets.Select(m => m.Symbol));
        Assert.DoesNotContain(parts.Funding, f => f.Symbol.StartsWith("BTC", StringComparison.Ordinal));
    }

    [Fact]
    public void ParseMarketsInfo_WrongTopLevelShape_ThrowsVenueException()
    {
        using var doc = JsonDocument.Parse("""[{"name":"ETH/USD"}]""");

        var ex = Assert.Throws<VenueException>(() => GmxParser.ParseMarketsInfo(doc.RootElement,
            new Dictionary<string, GmxOraclePrice>(), new Dictionary<string, GmxToken>(), GmxConventions.Default, 0, "src"));

        Assert.Contains("markets", ex.Reason);
    }

    private static GmxPollParts Parse(string marketsInfoFile)
    {
        using var info = Load(marketsInfoFile);
        using var tickers = Load("prices-tickers.derived.json");
        using var tokens = Load("tokens.derived.json");
        return GmxParser.ParseMarketsInfo(info.RootElement, GmxParser.ParseTickers(tickers.RootElement),
            GmxParser.ParseTokens(tokens.RootElement), GmxConventions.Default, 1_763_790_000_000, "https://arbitrum-api.gmxinfra.io/markets/info");
    }
}
