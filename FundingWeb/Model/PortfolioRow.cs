namespace FundingWeb.Model;

/// <summary>
/// One account at one shock, as the table shows it and the CSV writes it. <see cref="CascadeRatio"/> and
/// <see cref="CascadeMove"/> are the same account once the shocked price pushed crossed ladder clusters through the book.
/// </summary>
public sealed record PortfolioRow(
    double Shock,
    string Account,
    double EquityUsd,
    double RequirementUsd,
    double? MarginRatio,
    bool Liquidated,
    double? DistanceToLiquidation,
    double FundingCostUsd,
    double? CascadeRatio,
    bool CascadeLiquidated,
    double CascadeMove);
