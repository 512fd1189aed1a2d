using FundingWeb.Core.Funding;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.OpenInterest;
using Xunit;

namespace FundingWeb.Tests.Core.Ingest;

[Trait("Category", "Fast")]
public class RawRowSamplerTests
{
    private static FundingRate Quote(long t, FundingKind kind = FundingKind.Quoted, string symbol = "BTC") =>
        new("dydx", symbol, t, kind, FundingLeg.Net, 0.00001, 1, RateUnit.Fraction, 0.00001);

    [Fact]
    public void Funding_PollsEvery2s_KeepsOneQuotePer30sPerMarketAndEverySettlement()
    {
        var sampler = new RawRowSampler(TimeSpan.FromSeconds(30));
        var kept = new List<FundingRate>();
        for (var t = 0L; t < 120_000; t += 2_000)
        {
            kept.AddRange(sampler.Funding([Quote(t), Quote(t, symbol: "ETH"), Quote(t, FundingKind.Settled)]));
        }

        // 0, 30, 60, 90 s for each of two markets; all 60 settled rows.
        Assert.Equal([0L, 30_000, 60_000, 90_000], kept.Where(r => r.Kind == FundingKind.Quoted && r.Symbol == "BTC").Select(r => r.TimeMs));
        Assert.Equal(4, kept.Count(r => r.Kind == FundingKind.Quoted && r.Symbol == "ETH"));
        Assert.Equal(60, kept.Count(r => r.Kind == FundingKind.Settled));
    }

    [Fact]
    public void OpenInterest_ZeroInterval_KeepsEverything()
    {
        var sampler = new RawRowSampler(TimeSpan.Zero);
        var rows = new[] { new OpenInterestObservation("BTC", 1, 1, 1), new OpenInterestObservation("BTC", 2, 1, 1) };
        Assert.Equal(2, sampler.OpenInterest("dydx", rows).Count);
    }
}
