namespace FundingWeb.Core.Portfolio;

/// <summary>Where an account's exit delay came from, in the order it wins: the user's own, the chain estimate, the configuration.</summary>
public enum ExitDelaySource
{
    Yours,
    Estimate,
    Configured,
}
