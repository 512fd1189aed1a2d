namespace FundingWeb.Model;

/// <summary>One venue's cross-margin collateral row of the portfolio form, as typed.</summary>
public sealed class PortfolioCollateralRow
{
    public string Venue { get; set => field = value ?? ""; } = "";
    public string Amount { get; set => field = value ?? ""; } = "";
}
