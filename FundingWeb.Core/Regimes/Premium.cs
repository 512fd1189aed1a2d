namespace FundingWeb.Core.Regimes;

/// <summary>Basis (premium) of a perpetual: (mark − index) ÷ index; null without both prices or with a non-positive index.</summary>
public static class Premium
{
    public static double? Of(double? mark, double? index) =>
        mark is { } m && index is { } i && double.IsFinite(m) && double.IsFinite(i) && i > 0 && m > 0 ? (m - i) / i : null;
}
