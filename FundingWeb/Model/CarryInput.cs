using System.Globalization;
using FundingWeb.Core.Carry;

namespace FundingWeb.Model;

/// <summary>
/// The carry form's fields as typed (numbers as text, so "1,000,000" and a cleared box both mean something). The URL's
/// own values fill it, bad ones included, so a pasted link with a bad value shows that value at its field with the reason.
/// <see cref="Validate"/> is the one judgement of it: the form shows its errors at the fields and the page computes
/// nothing while there are any.
/// </summary>
public sealed class CarryInput
{
    // Setters take null as empty: a cleared MudBlazor field may hand back null.
    public string Venue { get; set => field = value ?? ""; } = "";
    public string Asset { get; set => field = value ?? ""; } = "BTC";
    public string Side { get; set => field = value ?? ""; } = "long";
    public string Notional { get; set => field = value ?? ""; } = "";
    public string Leverage { get; set => field = value ?? ""; } = "";
    public string Hours { get; set => field = value ?? ""; } = "";
    public string Delay { get; set => field = value ?? ""; } = "";

    public static CarryInput From(CarryQuery q) => new()
    {
        Venue = q.Venue ?? "", Asset = q.Asset, Side = q.Side == PositionSide.Long ? "long" : "short",
        Notional = Text(q.NotionalUsd), Leverage = Text(q.Leverage), Hours = Text(q.HoldingHours),
        Delay = q.ExitDelayHours is { } d ? Text(d) : "",
    };

    /// <summary>The URL's values where it gives them (as typed), the query's (defaults) where it does not.</summary>
    public static CarryInput FromUrl(CarryQuery resolved, string? side, string? notional, string? leverage, string? hours, string? delay)
    {
        var input = From(resolved);
        if (!string.IsNullOrWhiteSpace(side)) input.Side = side.Trim();
        if (!string.IsNullOrWhiteSpace(notional)) input.Notional = notional.Trim();
        if (!string.IsNullOrWhiteSpace(leverage)) input.Leverage = leverage.Trim();
        if (!string.IsNullOrWhiteSpace(hours)) input.Hours = hours.Trim();
        if (!string.IsNullOrWhiteSpace(delay)) input.Delay = delay.Trim();
        return input;
    }

    /// <summary>Every reason the fields cannot be priced; <paramref name="cap"/> is the chosen market's leverage cap, where known.</summary>
    public IReadOnlyList<FieldError> Validate(CarryLeverageCap? cap = null) => ToQuery(cap).Errors;

    public (CarryQuery Query, IReadOnlyList<FieldError> Errors) ToQuery(CarryLeverageCap? cap = null)
    {
        // An emptied box is an error (an absent URL value means "default"; a cleared field does not).
        var missing = new[] { (Notional, nameof(Notional), "Notional (USD)"), (Leverage, nameof(Leverage), "Leverage"), (Hours, nameof(Hours), "Holding time (hours)") }
            .Where(f => string.IsNullOrWhiteSpace(f.Item1)).Select(f => new FieldError(f.Item2, $"{f.Item3}: enter a number.")).ToList();
        var (query, errors) = CarryQuery.Parse(Venue, Asset, Side, Clean(Notional), Clean(Leverage), Clean(Hours), Clean(Delay));
        var all = new List<FieldError>([.. missing, .. errors]);
        if (cap is { } c && missing.Count == 0 && errors.All(e => e.Field != nameof(Leverage))
            && CarryQuery.LeverageAboveCap(query.Leverage, c.MaxLeverage, c.Symbol, c.VenueName) is { } above)
        {
            all.Add(above);
        }
        return (query, all);
    }

    private static string Text(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Clean(string? text) => (text ?? "").Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Trim();
}
