namespace FundingWeb.Core.OpenInterest;

/// <summary>
/// Which USD amounts (open interest, position notional) the calculators count. Negative and non-finite values are
/// garbage; so is anything beyond <see cref="Max"/>: no market has held a quadrillion dollars, and a bound this far
/// above reality keeps every sum of real amounts finite, so a total, a share or an HHI never overflows into ∞ or NaN.
/// </summary>
public static class UsdAmount
{
    public const double Max = 1e15;

    public static bool IsPlausible(double usd) => usd >= 0 && usd <= Max;

    public static bool IsPlausible(double? usd) => usd is { } v && IsPlausible(v);
}
