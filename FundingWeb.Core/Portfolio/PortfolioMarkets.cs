namespace FundingWeb.Core.Portfolio;

/// <summary>
/// A book's markets at one snapshot: the ones it could price, why the others are out, and per venue the exit delay its
/// accounts are stressed over (with where it came from).
/// </summary>
public sealed record PortfolioMarkets(
    IReadOnlyDictionary<(string Venue, string Asset), MarketFacts> Markets,
    IReadOnlyList<LiquidationCluster> Clusters,
    IReadOnlyList<BetaReading> Betas,
    IReadOnlyList<string> Problems,
    IReadOnlyList<ExitDelayChoice> ExitDelays);
