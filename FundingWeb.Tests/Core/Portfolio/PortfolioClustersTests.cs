using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Portfolio;
using Xunit;

namespace FundingWeb.Tests.Core.Portfolio;

/// <summary>Ladder entries become the stress's clusters: summed per side in 0.5 %-of-price bins, bad entries dropped.</summary>
[Trait("Category", "Fast")]
public sealed class PortfolioClustersTests
{
    [Fact]
    public void Clusters_SumPerSideAndBin_AtTheBinsMiddle_DroppingNonFiniteAndEmpty()
    {
        LadderEntry[] entries =
        [
            new(LiquidationSide.Long, 95.1, 1_000), new(LiquidationSide.Long, 95.4, 2_000), // one 0.5-wide bin: [95.0, 95.5)
            new(LiquidationSide.Short, 95.2, 7_000), // same bin, other side
            new(LiquidationSide.Long, 90.0, 500),
            new(LiquidationSide.Long, double.NaN, 9_999), new(LiquidationSide.Long, 93, 0), new(LiquidationSide.Long, -1, 10), new(LiquidationSide.Long, 92, double.PositiveInfinity),
        ];

        var clusters = PortfolioMarketReader.Clusters("dydx", "BTC", 100, entries, LadderKind.Modelled).OrderBy(c => c.Price).ThenBy(c => c.Side).ToList();

        Assert.Equal(3, clusters.Count);
        Assert.Equal(new LiquidationCluster("dydx", "BTC", LiquidationSide.Long, 90.25, 500, LadderKind.Modelled), clusters[0]);
        Assert.Equal(LiquidationSide.Long, clusters[1].Side);
        Assert.Equal(95.25, clusters[1].Price, 9);
        Assert.Equal(3_000, clusters[1].NotionalUsd);
        Assert.Equal(7_000, clusters[2].NotionalUsd);
    }
}
