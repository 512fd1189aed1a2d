namespace FundingWeb.Core.Regimes;

public enum FundingRegimeLabel
{
    /// <summary>Too little settled history for a distribution (fewer than <see cref="FundingRegime.MinSettlements"/> rows, or no spread).</summary>
    Unknown,
    Calm,
    Elevated,
    Extreme,
    Flipping,
}
