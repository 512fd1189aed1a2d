namespace FundingWeb.Core.Portfolio;

/// <summary>
/// What one market of a book needs from storage: its beta to BTC, the 30-day p01/p99 settled hourly funding (null with no
/// settlement: the live quote then stands in) and its ladder clusters.
/// </summary>
public sealed record PortfolioMarketHistory(BetaReading Beta, double? SettledP01, double? SettledP99, IReadOnlyList<LiquidationCluster> Clusters);
