using System.Globalization;

namespace FundingWeb.Model;

/// <summary>
/// How pages print numbers and times. Total over what the feed can hand them: a missing or non-finite value prints
/// <see cref="None"/> (never NaN or ∞), a value past a billion in a fixed format switches to an exponent so a cell stays
/// readable, and a time outside the calendar prints <see cref="None"/> instead of throwing.
/// </summary>
public static class Display
{
    public const string None = "–";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>$1.23 B, $4.56 M, $7.8 k; negative amounts carry a minus sign.</summary>
    public static string Usd(double? usd)
    {
        if (usd is not { } v || !double.IsFinite(v)) return None;
        var sign = v < 0 ? "−" : "";
        var a = Math.Abs(v);
        return a >= 1e12 ? $"{sign}${Number(a / 1e12, "0.00")} T"
            : a >= 1e9 ? $"{sign}${(a / 1e9).ToString("0.00", Inv)} B"
            : a >= 1e6 ? $"{sign}${(a / 1e6).ToString("0.00", Inv)} M"
            : $"{sign}${(a / 1e3).ToString("0.0", Inv)} k";
    }

    /// <summary>A fraction as percent ("12.34 %"); <paramref name="format"/> is the number's format, e.g. "+0.00;-0.00;0.00".</summary>
    public static string Percent(double? fraction, string format = "0.00")
    {
        var number = Number(fraction * 100, format);
        return number == None ? None : number + " %";
    }

    /// <summary>A number in <paramref name="format"/>, or an exponent past a billion, or <see cref="None"/>.</summary>
    public static string Number(double? value, string format)
    {
        if (value is not { } v || !double.IsFinite(v)) return None;
        if (Math.Abs(v) >= 1e9 && !format.Contains('E', StringComparison.OrdinalIgnoreCase) && !format.StartsWith('G') && format != "R")
        {
            return v.ToString(format.StartsWith('+') ? "+0.00E+0;-0.00E+0" : "0.00E+0", Inv);
        }
        return v.ToString(format, Inv);
    }

    /// <summary>Unix milliseconds as UTC ("2026-12-01 09:30:00"), or <see cref="None"/> when unknown or off the calendar.</summary>
    public static string Utc(long? ms, string format = "yyyy-MM-dd HH:mm:ss") =>
        ms is { } v && v >= MinMs && v <= MaxMs ? DateTimeOffset.FromUnixTimeMilliseconds(v).ToString(format, Inv) : None;

    private static readonly long MinMs = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();
}
