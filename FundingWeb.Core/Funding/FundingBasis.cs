using System.Globalization;

namespace FundingWeb.Core.Funding;

public static class FundingBasis
{
    public const double HoursPerYear = 8760d;

    public static double FromRate1h(double rate1h, RateBasis basis) => basis switch
    {
        RateBasis.Hourly => rate1h,
        RateBasis.EightHour => rate1h * 8d,
        RateBasis.Apr => rate1h * HoursPerYear,
        RateBasis.AprCompounded => Math.Pow(1d + rate1h, HoursPerYear) - 1d,
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "Unknown basis."),
    };

    /// <summary>Short label printed next to every number.</summary>
    public static string Label(RateBasis basis) => basis switch
    {
        RateBasis.Hourly => "% per 1h",
        RateBasis.EightHour => "% per 8h",
        RateBasis.Apr => "% APR (simple)",
        RateBasis.AprCompounded => "% APR (compounded)",
        _ => basis.ToString(),
    };

    /// <summary>The URL token of a basis: 1h, 8h, apr, apy.</summary>
    public static string Token(RateBasis basis) => basis switch
    {
        RateBasis.Hourly => "1h",
        RateBasis.EightHour => "8h",
        RateBasis.Apr => "apr",
        RateBasis.AprCompounded => "apy",
        _ => "apr",
    };

    public static bool TryParse(string? token, out RateBasis basis)
    {
        switch (token?.Trim().ToLowerInvariant())
        {
            case "1h": basis = RateBasis.Hourly; return true;
            case "8h": basis = RateBasis.EightHour; return true;
            case "apr": basis = RateBasis.Apr; return true;
            case "apy": basis = RateBasis.AprCompounded; return true;
            default: basis = RateBasis.Apr; return false;
        }
    }

    /// <summary>Printed for a value that is not a number (a compounded APR that overflows, a garbage rate).</summary>
    public const string NotANumber = "n/a";

    /// <summary>
    /// Percent with decimals suited to the basis, invariant culture, explicit sign. Beyond a billion percent (no real
    /// rate; an implausible one still shows) it switches to an exponent so a cell stays readable; a value that is not
    /// finite prints <see cref="NotANumber"/>, never ∞ or NaN.
    /// </summary>
    public static string FormatPercent(double rate1h, RateBasis basis)
    {
        var value = FromRate1h(rate1h, basis) * 100d;
        if (!double.IsFinite(value)) return NotANumber;
        if (Math.Abs(value) >= 1e9) return value.ToString("+0.00E+0;-0.00E+0", CultureInfo.InvariantCulture);
        var decimals = basis switch { RateBasis.Hourly => 5, RateBasis.EightHour => 4, _ => 2 };
        return value.ToString("+0." + new string('0', decimals) + ";-0." + new string('0', decimals) + ";0." + new string('0', decimals), CultureInfo.InvariantCulture);
    }
}
