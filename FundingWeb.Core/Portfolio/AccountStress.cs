namespace FundingWeb.Core.Portfolio;

/// <summary>
/// One account (a venue's cross margin, or one isolated position) at a shock. Equity = collateral + Σ unrealised PnL − funding
/// over the exit delay; requirement = Σ notional at the shocked price × mmr; margin ratio = equity ÷ requirement (liquidated
/// below 1); distance = the further correlated move (in the shock's units) that brings the ratio to 1, null when no move does.
/// </summary>
public sealed record AccountStress(
    string Venue,
    string? IsolatedAsset,
    double EquityUsd,
    double RequirementUsd,
    double? MarginRatio,
    bool Liquidated,
    double FundingCostUsd,
    double? DistanceToLiquidation);
