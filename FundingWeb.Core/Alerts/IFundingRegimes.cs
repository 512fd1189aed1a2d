using FundingWeb.Core.Regimes;

namespace FundingWeb.Core.Alerts;

/// <summary>A market's current funding regime, from a cache built off the evaluator's path (it never reads the store itself).</summary>
public interface IFundingRegimes
{
    FundingRegime? For(string venue, string symbol);
}

/// <summary>No regimes known (tests of other kinds; a deployment before the first build).</summary>
public sealed class NoFundingRegimes : IFundingRegimes
{
    public static NoFundingRegimes Instance { get; } = new();

    public FundingRegime? For(string venue, string symbol) => null;
}
