namespace FundingWeb.Model;

/// <summary>A position and the correlated BTC move (from now, no cascade) at which its account reaches a margin ratio of 1.</summary>
public sealed record PortfolioLiquidation(string Position, string Account, double? AtMove, double Leverage);
