namespace FundingWeb.Core.Liquidations;

/// <param name="Weight">Fraction of each side's new notional placed at this leverage; a ladder's weights sum to 1.</param>
public sealed record LeverageBucket(double Leverage, double Weight);
