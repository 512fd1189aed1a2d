namespace FundingWeb.Core.Funding;

/// <summary>How a venue writes a rate on the wire. Stored per row so a re-derivation is always possible.</summary>
public enum RateUnit
{
    /// <summary>0.0001 = 0.01 %.</summary>
    Fraction,
    /// <summary>0.01 = 0.01 % (Lighter).</summary>
    Percent,
    /// <summary>Fixed point with 30 decimals, 1e30 = 1.0 (GMX v2).</summary>
    Fixed1e30,
    /// <summary>Parts per million (dYdX protocol values).</summary>
    Ppm,
}
