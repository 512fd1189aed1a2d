using System.Globalization;
using System.Text.Json;

namespace FundingWeb.Core.Venues.Lighter;

/// <summary>
/// Lighter's <c>orderBookDetails</c> margin fractions come in two shapes: older answers send basis-point integers
/// (<c>500</c> = 5 %, NOTES.md §4.4), newer ones percent strings with decimals (<c>"5.00"</c>, <c>"0.50"</c>). The form of
/// the text tells them apart, whatever the JSON kind: decimal text is percent, integer text is basis points. Read any
/// other way, "5.00" becomes 0.05 % and a 2,000× leverage reaches the ladder.
/// The pair is kept only when it is plausible (0 &lt; maintenance &lt; initial ≤ 1, leverage = 1 / initial at most
/// <see cref="MaxPlausibleLeverage"/>); otherwise the market keeps the documented defaults and says why.
/// </summary>
public static class LighterMargins
{
    /// <summary>Beyond any leverage a venue we know offers (Lighter 50×, GMX 100×): such a value is a misread, not a market.</summary>
    public const double MaxPlausibleLeverage = 200;

    // Used when a market's margins are missing or implausible: Lighter's ETH market (NOTES.md §4.4) has 120 bp maintenance, 200 bp min initial.
    public const double DefaultMaintenanceMargin = 0.012;
    public const double DefaultMaxLeverage = 50d;

    private const string MaintenanceField = "maintenance_margin_fraction";
    private const string InitialField = "min_initial_margin_fraction";

    /// <summary>Maintenance margin and max leverage for one market, or the defaults with the reason in <see cref="LighterMarginReading.Note"/>.</summary>
    public static LighterMarginReading Read(JsonElement market)
    {
        var maintenance = Fraction(market, MaintenanceField);
        var initial = Fraction(market, InitialField);
        var problem = maintenance.Problem ?? initial.Problem;
        if (problem is null)
        {
            var mm = maintenance.Value!.Value;
            var im = initial.Value!.Value;
            if (mm >= im) problem = FormattableString.Invariant($"{MaintenanceField} {mm:P3} is not below {InitialField} {im:P3}");
            else if (1 / im > MaxPlausibleLeverage) problem = FormattableString.Invariant($"{InitialField} {im:P3} means {1 / im:0}× leverage, beyond {MaxPlausibleLeverage:0}×");
            else return new(mm, 1 / im, null);
        }
        return new(DefaultMaintenanceMargin, DefaultMaxLeverage,
            FormattableString.Invariant($"margins: {problem}; kept the documented default ({DefaultMaintenanceMargin:P1} maintenance, {DefaultMaxLeverage:0}×)"));
    }

    /// <summary>One fraction in either shape: integer text = basis points, decimal text = percent.</summary>
    public static (double? Value, string? Problem) Fraction(JsonElement market, string field)
    {
        if (market.ValueKind != JsonValueKind.Object || !market.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return (null, $"{field} is missing");
        }
        var text = element.ValueKind switch
        {
            JsonValueKind.Number => element.GetRawText(),
            JsonValueKind.String => element.GetString()?.Trim(),
            _ => null,
        };
        if (string.IsNullOrEmpty(text)) return (null, $"{field} is empty or not a number: {element.GetRawText()}");
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return (null, $"{field} is not a number: {element.GetRawText()}");
        }
        var fraction = (double)number / (text.Contains('.') ? 100d : 10_000d);
        if (fraction <= 0) return (null, $"{field} {element.GetRawText()} is not positive");
        if (fraction > 1) return (null, $"{field} {element.GetRawText()} is more than 100 %");
        return (fraction, null);
    }
}

/// <param name="Note">Why the defaults stand in, for the venue's market errors; null when the market's own margins were read.</param>
public sealed record LighterMarginReading(double MaintenanceMargin, double MaxLeverage, string? Note);
