namespace FundingWeb.Model;

/// <summary>One position row of the portfolio form, as typed. Setters take null as empty (a cleared field hands back null).</summary>
public sealed class PortfolioPositionRow
{
    public string Venue { get; set => field = value ?? ""; } = "";
    public string Asset { get; set => field = value ?? ""; } = "BTC";
    public string Side { get; set => field = value ?? ""; } = "long";
    public string Notional { get; set => field = value ?? ""; } = "100000";
    public string Leverage { get; set => field = value ?? ""; } = "5";
    public bool Isolated { get; set; }
}
