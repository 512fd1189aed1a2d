using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Portfolio;
using Xunit;

namespace FundingWeb.Tests.Core.Portfolio;

/// <summary>Worked numbers for the cross-margin stress: equity, requirement, ratio, distance, isolation, beta and the cascade.</summary>
[Trait("Category", "Fast")]
public sealed class PortfolioStressTests
{
    private static MarketFacts Facts(string venue, string asset, double price, double mmr, double beta, double longPays1h = 0.0001, double hours = 2) =>
        new(venue, asset, price, mmr, beta, longPays1h, 0.0005, 0.0004, TimeSpan.FromHours(hours));

    private static PortfolioStress.Inputs OneLong(double collateral = 10_000, IReadOnlyList<LiquidationCluster>? clusters = null, PriceImpact? impact = null) => new(
        [new BookPosition("hyperliquid", "BTC", LiquidationSide.Long, 50_000, 5)],
        [new VenueAccount("hyperliquid", collateral)],
        new Dictionary<(string, string), MarketFacts> { [("hyperliquid", "BTC")] = Facts("hyperliquid", "BTC", 100_000, 0.01, 1) },
        clusters ?? [], impact);

    [Fact]
    public void At_TenPercentDown_EquityRequirementRatioByHand()
    {
        var account = Assert.Single(PortfolioStress.At(-0.10, OneLong()).Accounts);
        // 0.5 BTC from 100,000 to 90,000: −5,000; requirement 45,000 × 1 % = 450; funding 45,000 × 0.01 % × 2 h = 9.
        Assert.Equal(10_000 - 5_000 - 9, account.EquityUsd, 9);
        Assert.Equal(450, account.RequirementUsd, 9);
        Assert.Equal(4_991 / 450d, account.MarginRatio!.Value, 9);
        Assert.Equal(9, account.FundingCostUsd, 9);
        Assert.False(account.Liquidated);
    }

    [Fact]
    public void At_NoShock_DistanceIsTheMoveWhereEquityMeetsTheRequirement()
    {
        var account = Assert.Single(PortfolioStress.At(0, OneLong()).Accounts);
        // 10,000 + 50,000 s − 10 (1 + s) = 500 (1 + s)  →  s = −9,490 / 49,490
        Assert.Equal(-9_490 / 49_490d, account.DistanceToLiquidation!.Value, 6);
        Assert.True(PortfolioStress.At(-0.20, OneLong()).Accounts[0].Liquidated);
    }

    [Fact]
    public void At_FundingShock_TheSidesP99AdverseRateOverTheExitDelay()
    {
        var account = Assert.Single(PortfolioStress.At(0, OneLong() with { FundingShock = true }).Accounts);
        Assert.Equal(0.0005 * 50_000 * 2, account.FundingCostUsd, 9);
    }

    [Fact]
    public void Book_ThreePositionsTwoVenues_RatiosFallWithTheShockAndTheHighLeverageOneGoesFirst()
    {
        var inputs = new PortfolioStress.Inputs(
        [
            new BookPosition("hyperliquid", "BTC", LiquidationSide.Long, 60_000, 5),
            new BookPosition("hyperliquid", "ETH", LiquidationSide.Long, 40_000, 5),
            new BookPosition("dydx", "SOL", LiquidationSide.Long, 25_000, 50, Isolated: true),
        ],
        [new VenueAccount("hyperliquid", 25_000), new VenueAccount("dydx", 10_000)],
        new Dictionary<(string, string), MarketFacts>
        {
            [("hyperliquid", "BTC")] = Facts("hyperliquid", "BTC", 100_000, 0.01, 1),
            [("hyperliquid", "ETH")] = Facts("hyperliquid", "ETH", 4_000, 0.02, 1.3),
            [("dydx", "SOL")] = Facts("dydx", "SOL", 200, 0.01, 1.6),
        }, [], null);

        var ratios = PortfolioStress.StandardShocks.Where(s => s <= 0).Select(s => PortfolioStress.At(s, inputs).Accounts.Single(a => a.IsolatedAsset is null).MarginRatio!.Value).ToList();
        Assert.Equal(ratios.OrderByDescending(r => r), ratios.AsEnumerable().Reverse());
        var now = PortfolioStress.At(0, inputs).Accounts;
        var first = now.OrderBy(a => Math.Abs(a.DistanceToLiquidation ?? double.MaxValue)).First();
        Assert.Equal("SOL", first.IsolatedAsset);
        // 50× isolated: margin 500; it goes when 500 + 25,000 m − 5 (1 + m) funding = 250 (1 + m), i.e. m = −245 / 24,745 on SOL,
        // at beta 1.6 of BTC.
        Assert.Equal(-245d / 24_745 / 1.6, first.DistanceToLiquidation!.Value, 6);
        // The dYdX account's own collateral is not the isolated position's: no dYdX cross account exists.
        Assert.DoesNotContain(now, a => a.Venue == "dydx" && a.IsolatedAsset is null);
    }

    [Fact]
    public void Cascade_ClusterInThePath_AddsItsImpactAndLiquidatesEarlier()
    {
        // Survives −10 % alone (collateral 7,000: goes at about −12.9 %).
        var plain = PortfolioStress.At(-0.06, OneLong(collateral: 7_000)).Accounts[0];
        Assert.False(plain.Liquidated);
        var clusters = new[]
        {
            new LiquidationCluster("hyperliquid", "BTC", LiquidationSide.Long, 95_000, 1e9, LadderKind.Modelled),
            new LiquidationCluster("hyperliquid", "BTC", LiquidationSide.Long, 90_000, 5e8, LadderKind.Measured),
            new LiquidationCluster("hyperliquid", "BTC", LiquidationSide.Short, 120_000, 9e9, LadderKind.Measured),
        };
        // $1 B pushed through the book moves it 5 %.
        PriceImpact impact = (_, _, notional, selling) => selling ? notional / 2e10 : 0;
        var result = PortfolioStress.At(-0.06, OneLong(7_000, clusters, impact));

        // −6 % crosses 95,000 (+5 %) → −11 % crosses 90,000 (+2.5 %) → −13.5 %: nothing more below; the short cluster is never in the path.
        Assert.Equal(-0.135, result.AssetMoves["hyperliquid:BTC"], 9);
        Assert.Equal(-0.075, result.CascadeMoves["hyperliquid:BTC"], 9);
        Assert.Equal(2, result.CascadeRounds);
        Assert.True(result.Accounts[0].Liquidated);
    }

    [Fact]
    public void Cascade_RunawayImpact_CappedNotLooping()
    {
        var clusters = Enumerable.Range(1, 40).Select(k => new LiquidationCluster("hyperliquid", "BTC", LiquidationSide.Long, 100_000 - 1_000 * k, 1e12, LadderKind.Modelled)).ToList();
        var result = PortfolioStress.At(-0.02, OneLong(clusters: clusters, impact: (_, _, _, _) => double.PositiveInfinity));
        Assert.Equal(-0.02 - PortfolioStress.MaxCascadeMove, result.AssetMoves["hyperliquid:BTC"], 9);
        Assert.True(result.CascadeRounds <= PortfolioStress.MaxCascadeRounds);
    }

    [Fact]
    public void Beta_AssetMovingTwiceBtc_Two_TooFewHoursNull()
    {
        var random = new Random(3);
        double btc = 100_000, alt = 100;
        var btcSeries = new List<(long, double)>();
        var altSeries = new List<(long, double)>();
        for (var h = 0; h < 30 * 24; h++)
        {
            var r = 0.01 * (random.NextDouble() - 0.5);
            btc *= Math.Exp(r);
            alt *= Math.Exp(2 * r);
            btcSeries.Add((h * 3_600_000L, btc));
            altSeries.Add((h * 3_600_000L, alt));
        }
        Assert.Equal(2, PortfolioStress.Beta(altSeries, btcSeries)!.Value, 9);
        Assert.Equal(1, PortfolioStress.Beta(btcSeries, btcSeries)!.Value, 9);
        Assert.Null(PortfolioStress.Beta(altSeries.Take(10).ToList(), btcSeries));
    }
}
