using System.Text.Json;
using FundingWeb.Core.Venues.Hyperliquid;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Hyperliquid;

[Trait("Category", "Fast")]
public sealed class HyperliquidPredictedFundingsParserTests
{
    [Fact]
    public void Parse_RecordedShape_EachEntryByItsOwnInterval()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(FixtureFiles.Path("hyperliquid", "info-predictedFundings.doc.json")));
        var result = HyperliquidPredictedFundingsParser.Parse(doc.RootElement);
        var btcBinance = result.Rates.Single(r => r.Asset == "BTC" && r.Exchange == "binance");
        Assert.Equal(0.00008786 / 8, btcBinance.Rate1h, 15);
        Assert.Equal(8, btcBinance.IntervalHours);
        Assert.Equal(0.0000125, result.Rates.Single(r => r.Asset == "BTC" && r.Exchange == "hyperliquid").Rate1h, 15);
        Assert.Equal(6, result.Rates.Count);
        Assert.Equal(0, result.Skipped);
    }

    [Fact]
    public void Parse_FourAndEightHourEntriesNullSlotsAndMissingIntervals_OnlyKnownIntervalsMakeRows()
    {
        using var doc = JsonDocument.Parse("""
            [
              ["DOGE", [
                ["BinPerp", {"fundingRate": "0.0004", "nextFundingTime": 1754481600000, "fundingIntervalHours": 4}],
                null,
                ["BybitPerp", {"fundingRate": "0.0004", "nextFundingTime": 1754496000000}],
                ["HlPerp", {"fundingRate": "0.00001", "nextFundingTime": 1754470800000, "fundingIntervalHours": 1}]
              ]],
              ["ETH", [["BinPerp", {"fundingRate": "0.0004", "fundingIntervalHours": 8}], ["BinPerp", {"fundingRate": "NaN", "fundingIntervalHours": 8}]]],
              ["bad"],
              null
            ]
            """);
        var result = HyperliquidPredictedFundingsParser.Parse(doc.RootElement);
        Assert.Equal(0.0001, result.Rates.Single(r => r.Asset == "DOGE" && r.Exchange == "binance").Rate1h, 15);
        Assert.Equal(0.00005, result.Rates.Single(r => r.Asset == "ETH" && r.Exchange == "binance").Rate1h, 15);
        Assert.DoesNotContain(result.Rates, r => r.Exchange == "bybit");
        Assert.Equal(3, result.Rates.Count);
        Assert.Equal(5, result.Skipped); // the null slot, the missing interval, the NaN rate, ["bad"], null
        Assert.Contains("DOGE BybitPerp: no fundingIntervalHours", Assert.Single(result.Problems));
    }
}
