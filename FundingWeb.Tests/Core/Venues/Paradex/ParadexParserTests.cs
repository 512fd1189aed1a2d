using System.Text.Json;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Paradex;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Venues.Paradex;

[Trait("Category", "Fast")]
public sealed class ParadexParserTests
{
    private const long Now = 1770444780108;
    private const string Source = "http://x/v1/markets/summary?market=ALL";

    private static JsonElement Json(string file) => JsonDocument.Parse(FixtureFiles.Read("paradex", file)).RootElement;

    private static (IReadOnlyDictionary<string, ParadexMarketConfig> Configs, VenuePoll Poll) ParseDerived(string summaryFile = "markets-summary.derived.json")
    {
        var errors = new List<MarketError>();
        var configs = ParadexMarketsParser.Parse(Json("markets.derived.json"), Now, errors);
        return (configs, ParadexSummaryParser.Parse(Json(summaryFile), configs, Now, Source, errors));
    }

    private static double Rate1h(VenuePoll poll, string symbol) =>
        FundingNormalizer.Normalize(VenueIds.Paradex, poll.Funding.Single(f => f.Symbol == symbol && f.Kind == FundingKind.Quoted)).Rate1h;

    [Fact]
    public void MarketsParse_DerivedFixture_KeepsPerpsWithTheirOwnFundingPeriod()
    {
        var (configs, _) = ParseDerived();

        Assert.Equal(["BERA-USD-PERP", "BTC-USD-PERP", "ETH-USD-PERP", "HYPER-USD-PERP", "OLD-USD-PERP"], configs.Keys.Order());
        Assert.Equal(8, configs["BTC-USD-PERP"].FundingPeriodHours);
        Assert.Equal(1, configs["HYPER-USD-PERP"].FundingPeriodHours);
        // imf_base 0.02 → 1/0.02 = 50×; maintenance = imf_base × mmf_factor = 0.02 × 0.5 = 0.01.
        Assert.Equal(50, configs["BTC-USD-PERP"].MaxLeverage, 9);
        Assert.Equal(0.01, configs["BTC-USD-PERP"].MaintenanceMargin, 12);
        Assert.Equal(10, configs["HYPER-USD-PERP"].MaxLeverage, 9);
        Assert.Equal(0.05, configs["HYPER-USD-PERP"].MaintenanceMargin, 12);
        Assert.Equal("BTC", configs["BTC-USD-PERP"].BaseAsset);
    }

    [Fact]
    public void SummaryParse_OneHourMarket_Rate1hIsTheRawRate()
    {
        var (_, poll) = ParseDerived();

        var quote = poll.Funding.Single(f => f.Symbol == "HYPER-USD-PERP");
        Assert.Equal(0.00001250176896, quote.RateRaw, tolerance: 1e-20);
        Assert.Equal(1, quote.IntervalHours);
        Assert.Equal(RateUnit.Fraction, quote.Unit);
        // 0.00001250176896 per 1 h → rate_1h 1.250176896e-5.
        Assert.Equal(1.250176896e-5, Rate1h(poll, "HYPER-USD-PERP"), tolerance: 1e-20);
        Assert.Equal(Source + " results[].funding_rate", quote.Source);
    }

    [Fact]
    public void SummaryParse_EightHourMarket_Rate1hIsRawOverEight()
    {
        var (_, poll) = ParseDerived();

        // -0.01070340466085 per 8 h → -0.01070340466085 / 8 = -0.00133792558260625 per hour.
        Assert.Equal(-0.00133792558260625, Rate1h(poll, "BERA-USD-PERP"), 15);
        // 0.0000912 per 8 h → 0.0000114 per hour.
        Assert.Equal(0.0000114, Rate1h(poll, "BTC-USD-PERP"), 15);
        Assert.Equal(8, poll.Funding.Single(f => f.Symbol == "BTC-USD-PERP").IntervalHours);
    }

    [Fact]
    public void SummaryParse_DerivedFixture_OpenInterestPricesAndTimes()
    {
        var (_, poll) = ParseDerived();

        var oi = poll.OpenInterest.Single(o => o.Symbol == "BTC-USD-PERP");
        Assert.Equal(412.5, oi.Base, 9);
        Assert.Equal(412.5 * 97010.55, oi.Usd, 6); // 40,016,851.875 USD
        Assert.Equal(40_016_851.875, oi.Usd, 3);
        Assert.Equal(1_030_250, poll.OpenInterest.Single(o => o.Symbol == "HYPER-USD-PERP").Usd, 6); // 2,500,000 × 0.4121
        var price = poll.Prices.Single(p => p.Symbol == "BTC-USD-PERP");
        Assert.Equal(97010.55, price.Mark);
        Assert.Equal(97004.2, price.Index);
        Assert.Equal(1770444780108, price.TimeMs);
        Assert.Equal(1770444780108, poll.DataTimeMs);
        Assert.Empty(poll.MarketErrors);
    }

    [Fact]
    public void SummaryParse_ListedButUnquotedMarket_IsPausedWithoutQuote()
    {
        var (_, poll) = ParseDerived();

        Assert.Equal(MarketStatus.Paused, poll.Markets.Single(m => m.Symbol == "OLD-USD-PERP").Status);
        Assert.DoesNotContain(poll.Funding, f => f.Symbol == "OLD-USD-PERP");
        Assert.DoesNotContain(poll.Markets, m => m.Symbol == "BTC-USD-110000-C");
        Assert.Equal(4, poll.Funding.Count);
    }

    [Fact]
    public void SummaryParse_FundingRateMissingInOneMarket_MarketErrorAndOthersParse()
    {
        var (_, poll) = ParseDerived("markets-summary.eth-no-funding_rate.derived.json");

        var error = Assert.Single(poll.MarketErrors);
        Assert.Equal("ETH-USD-PERP", error.Symbol);
        Assert.Contains("funding_rate", error.Reason);
        Assert.DoesNotContain(poll.Markets, m => m.Symbol == "ETH-USD-PERP");
        Assert.Equal(["BERA-USD-PERP", "BTC-USD-PERP", "HYPER-USD-PERP"], poll.Funding.Select(f => f.Symbol).Order());
    }

    [Fact]
    public void SummaryParse_DocFixture_ShapeParsesWithPlaceholderValues()
    {
        var configs = new Dictionary<string, ParadexMarketConfig>
        {
            ["BTC-USD-PERP"] = new("BTC-USD-PERP", "BTC", 8, 50, 0.01, MarketStatus.Active),
        };

        var poll = ParadexSummaryParser.Parse(Json("markets-summary.doc.json"), configs, Now, Source, []);

        // Placeholder "0.3" per 8 h → 0.0375 per hour: shape only, the magnitude is the spec's example.
        Assert.Equal(0.0375, Rate1h(poll, "BTC-USD-PERP"), 15);
        var oi = Assert.Single(poll.OpenInterest);
        Assert.Equal(6100048.3, oi.Base, 6);
        Assert.Equal(6100048.3 * 29799.70877478, oi.Usd, 2);
        Assert.Equal(1681462770114, oi.TimeMs);
        Assert.Equal(29876.3, poll.Prices.Single().Index);
    }

    public static TheoryData<string, string, double?, bool> PeriodCases => new()
    {
        // case, the funding_period_hours member ("" = left out), expected period (null = market error), assumed
        { "omitted (older deployments)", "", 8, true },
        { "null", "\"funding_period_hours\":null,", 8, true },
        { "empty string", "\"funding_period_hours\":\"\",", 8, true },
        { "stated 4", "\"funding_period_hours\":4,", 4, false },
        { "stated 1 as a string", "\"funding_period_hours\":\"1\",", 1, false },
        { "stated 8", "\"funding_period_hours\":8,", 8, false },
        { "zero contradicts itself", "\"funding_period_hours\":0,", null, false },
        { "negative", "\"funding_period_hours\":-8,", null, false },
        { "not a number", "\"funding_period_hours\":\"eight\",", null, false },
    };

    [Theory]
    [MemberData(nameof(PeriodCases))]
    public void MarketsParse_FundingPeriodFamily_StatedWinsOmittedIsAssumedEightBadIsReported(string scenario, string member, double? period, bool assumed)
    {
        using var doc = JsonDocument.Parse($$"""{"results":[{"symbol":"X-USD-PERP","asset_kind":"PERP",{{member}}"max_funding_rate":"0.02"},{"symbol":"Y-USD-PERP","asset_kind":"PERP","funding_period_hours":4}]}""");
        var errors = new List<MarketError>();

        var configs = ParadexMarketsParser.Parse(doc.RootElement, Now, errors);

        Assert.Equal(4, configs["Y-USD-PERP"].FundingPeriodHours);
        Assert.False(configs["Y-USD-PERP"].IntervalAssumed);
        if (period is null)
        {
            Assert.Equal("X-USD-PERP", Assert.Single(errors).Symbol);
            Assert.False(configs.ContainsKey("X-USD-PERP"), scenario);
            return;
        }
        Assert.Empty(errors);
        var market = configs["X-USD-PERP"].ToMarket();
        Assert.Equal(period.Value, market.FundingIntervalHours);
        Assert.Equal(assumed, market.IntervalAssumed);
        Assert.Equal(0.02, market.FundingCap);
    }

    public static TheoryData<string, double?> CapCases => new()
    {
        // the max_funding_rate member ("" = left out), expected FundingCap (fraction per funding period)
        { "\"max_funding_rate\":\"0.02\",", 0.02 },
        { "\"max_funding_rate\":0.05,", 0.05 },
        { "", null },
        { "\"max_funding_rate\":null,", null },
        { "\"max_funding_rate\":\"\",", null },
        { "\"max_funding_rate\":\"0\",", null },
        { "\"max_funding_rate\":\"-0.02\",", null },
        { "\"max_funding_rate\":\"lots\",", null },
    };

    [Theory]
    [MemberData(nameof(CapCases))]
    public void MarketsParse_MaxFundingRate_BecomesTheCapPerPeriodOrNoCapNeverAnError(string member, double? cap)
    {
        using var doc = JsonDocument.Parse($$"""{"results":[{"symbol":"X-USD-PERP","asset_kind":"PERP",{{member}}"funding_period_hours":1}]}""");
        var errors = new List<MarketError>();

        var market = ParadexMarketsParser.Parse(doc.RootElement, Now, errors)["X-USD-PERP"].ToMarket();

        Assert.Empty(errors);
        Assert.Equal(cap, market.FundingCap);
        Assert.Equal(1, market.FundingIntervalHours);
    }

    [Fact]
    public void SummaryParse_ExpiredAndNotYetOpenMarkets_DelistedAndPausedWithoutQuotes()
    {
        using var markets = JsonDocument.Parse($$"""
            {"results":[
              {"symbol":"GONE-USD-PERP","asset_kind":"PERP","funding_period_hours":8,"open_at":1600000000000,"expiry_at":{{Now - 1}}},
              {"symbol":"SOON-USD-PERP","asset_kind":"PERP","funding_period_hours":1,"open_at":{{Now + 60_000}},"expiry_at":0},
              {"symbol":"LIVE-USD-PERP","asset_kind":"PERP","funding_period_hours":8,"open_at":1600000000000,"expiry_at":0}]}
            """);
        using var summary = JsonDocument.Parse("""
            {"results":[
              {"symbol":"GONE-USD-PERP","funding_rate":"0.001","mark_price":"1","open_interest":"5"},
              {"symbol":"SOON-USD-PERP","funding_rate":"0.001","mark_price":"1","open_interest":"5"},
              {"symbol":"LIVE-USD-PERP","funding_rate":"0.0008","mark_price":"2","open_interest":"5"}]}
            """);
        var errors = new List<MarketError>();

        var poll = ParadexSummaryParser.Parse(summary.RootElement, ParadexMarketsParser.Parse(markets.RootElement, Now, errors), Now, Source, errors);

        Assert.Equal(MarketStatus.Delisted, poll.Markets.Single(m => m.Symbol == "GONE-USD-PERP").Status);
        Assert.Equal(MarketStatus.Paused, poll.Markets.Single(m => m.Symbol == "SOON-USD-PERP").Status);
        var quote = Assert.Single(poll.Funding);
        Assert.Equal("LIVE-USD-PERP", quote.Symbol);
        // No created_at in the row → the fetch time stands in; 0.0008 per 8 h → 0.0001 per hour.
        Assert.Equal(Now, quote.TimeMs);
        Assert.Equal(0.0001, FundingNormalizer.Normalize(VenueIds.Paradex, quote).Rate1h, 15);
        Assert.Equal(10, Assert.Single(poll.OpenInterest).Usd, 12);
    }

    [Fact]
    public void FundingDataParse_EightHourRow_PeriodReadFromTheRow()
    {
        var page = ParadexFundingDataParser.Parse(Json("funding-data.BERA.derived.json"), fallbackPeriodHours: 1);

        var row = Assert.Single(page.Rows);
        Assert.Equal(8, row.FundingPeriodHours);
        Assert.Equal(-0.01070340466085, row.FundingRate, tolerance: 1e-18);
        Assert.Equal(1770444780108, row.CreatedAtMs);
        Assert.Null(page.Next);
    }

    [Fact]
    public void HourlySampler_DenseRows_FirstSampleOfEachHourLabelledWithTheHour()
    {
        var sampler = new ParadexHourlySampler();
        foreach (var file in new[] { "funding-data.HYPER.page1.derived.json", "funding-data.HYPER.page2.derived.json" })
        {
            foreach (var row in ParadexFundingDataParser.Parse(Json(file), 1).Rows) sampler.Add(row);
        }

        var settled = sampler.ToSettled("HYPER-USD-PERP", 0, long.MaxValue, "s");

        const long h0 = 1759816800000;
        Assert.Equal([h0, h0 + 3_600_000, h0 + 7_200_000], settled.Select(s => s.TimeMs));
        Assert.Equal([0.0000105, 0.0000120, 0.0000125], settled.Select(s => s.RateRaw));
        Assert.All(settled, s => Assert.Equal(FundingKind.Settled, s.Kind));
    }
}
