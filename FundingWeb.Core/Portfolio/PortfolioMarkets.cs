namespace FundingWeb.Core.Portfolio;

/// <summary>What <see cref="PortfolioMarketReader"/> read for a book: the markets it could price and why the others are out.</summary>
public sealed record PortfolioMarkets(
    IReadOnlyDictionary<(string Venue, string Asset), MarketFacts> Markets,
    IReadOnlyList<LiquidationCluster> Clusters,
    IReadOnlyList<BetaReading> Betas,
    IReadOnlyList<string> Problems);
