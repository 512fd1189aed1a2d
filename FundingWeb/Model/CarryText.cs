using System.Globalization;
using FundingWeb.Core.Funding;

namespace FundingWeb.Model;

/// <summary>How the carry page prints its numbers: costs in position terms (pays / receives), never NaN.</summary>
public static class CarryText
{
    public static string Usd(double? v) => v is not { } x || !double.IsFinite(x) ? Display.None : (x < 0 ? "−" : "") + "$" + Display.Number(Math.Abs(x), "#,0");

    /// <summary>Cost in position terms: positive pays, negative receives (said in words, not only in colour).</summary>
    public static string Cost(double? v) => v is not { } x || !double.IsFinite(x) ? Display.None : x >= 0 ? $"pays {Usd(x)}" : $"receives {Usd(-x)}";

    /// <summary>Profit and loss colours: these values are signed by the position, not by the market rate.</summary>
    public static string CostClass(double? v) => v is > 0 ? "fw-pays" : v is < 0 ? "fw-receives" : "";

    public static string Apr(double? apr) => Display.Percent(apr, "+0.00;-0.00;0.00");

    public static string Rate(double? rate1h) => rate1h is not { } r || !double.IsFinite(r) ? Display.None
        : $"{FundingBasis.FormatPercent(r, RateBasis.Hourly)} % per 1h ({FundingBasis.FormatPercent(r, RateBasis.Apr)} % APR)";

    public static string Price(double p) => Display.Number(p, p >= 100 ? "#,0.00" : p >= 1 ? "0.0000" : "0.000000##");

    public static string Pct(double f) => Display.Percent(f);

    public static string Leverage(double l) => Display.Number(l, "0.##");

    public static string Hours(double h) => !double.IsFinite(h) ? Display.None
        : h < 1 ? string.Create(CultureInfo.InvariantCulture, $"{h * 60:0.#} min")
        : h >= 48 ? string.Create(CultureInfo.InvariantCulture, $"{h / 24:0.#} days ({h:0.#} h)")
        : string.Create(CultureInfo.InvariantCulture, $"{h:0.##} h");
}
