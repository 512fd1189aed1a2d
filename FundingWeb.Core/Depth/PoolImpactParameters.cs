namespace FundingWeb.Core.Depth;

/// <summary>
/// GMX v2's position price-impact parameters for one market (its DataStore's <c>positionImpactFactorPositive/Negative</c> and
/// <c>positionImpactExponentFactor</c>, 1e30 fixed point on the wire, plain numbers here). Factors are USD^(1 − exponent).
/// </summary>
public sealed record PoolImpactParameters(double FactorPositive, double FactorNegative, double ExponentPositive, double ExponentNegative)
{
    /// <summary>Usable only when every number is finite, factors are ≥ 0 and exponents ≥ 1 (GMX uses 1 … 3, 2 typically).</summary>
    public bool IsUsable =>
        double.IsFinite(FactorPositive) && double.IsFinite(FactorNegative) && FactorPositive >= 0 && FactorNegative >= 0
        && double.IsFinite(ExponentPositive) && double.IsFinite(ExponentNegative) && ExponentPositive >= 1 && ExponentNegative >= 1
        && ExponentPositive <= 4 && ExponentNegative <= 4;
}
