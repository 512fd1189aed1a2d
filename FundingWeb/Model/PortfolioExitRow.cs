using FundingWeb.Core.Portfolio;

namespace FundingWeb.Model;

/// <summary>The exit delay one account is stressed over, where it came from and the basis of that figure, as the page prints it.</summary>
public sealed record PortfolioExitRow(string Account, double Hours, ExitDelaySource Source, string Basis)
{
    public string SourceLabel => Source switch
    {
        ExitDelaySource.Yours => "yours",
        ExitDelaySource.Estimate => "estimate (chain now + past congestion)",
        _ => "configured",
    };
}
