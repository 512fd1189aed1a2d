namespace FundingWeb.Core.Funding;

public enum FundingKind
{
    /// <summary>The live or predicted rate for the period now accruing.</summary>
    Quoted,
    /// <summary>The rate applied at a settlement (or, for continuous venues, the hourly sample of the index).</summary>
    Settled,
}
