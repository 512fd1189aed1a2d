using System.Globalization;
using FundingWeb.Core.Alerts;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;

namespace FundingWeb.Model;

/// <summary>How the Alerts page says a rule and its values in words, in the units the rule was typed in.</summary>
public static class AlertRuleText
{
    /// <summary>The basis a funding rule's values are in; null for other kinds.</summary>
    public static RateBasis? BasisOf(AlertRule? rule) => rule switch
    {
        FundingThresholdRule r => r.Basis,
        FundingFlipRule r => r.Basis,
        _ => null,
    };

    /// <summary>One line saying what the rule watches, in the units it was typed in.</summary>
    public static string Describe(AlertRule rule, Func<string, string>? ruleName = null)
    {
        static string N(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        static string Where(string? venue) => venue is null ? "any venue" : venue;
        var text = rule switch
        {
            FundingThresholdRule r => $"{r.Asset} funding on {Where(r.Venue)} {(r.Direction == ThresholdDirection.Above ? "above" : "below")} {N(r.Threshold * 100)} {FundingBasis.Label(r.Basis)}",
            FundingFlipRule r => $"{r.Asset} funding on {r.Venue} flips {r.Direction switch { FlipDirection.ToNegative => "positive → negative", FlipDirection.ToPositive => "negative → positive", _ => "sign" }}",
            SpreadRule r => $"{r.Asset} widest cross-venue spread above {N(r.ThresholdApr * 100)} % APR for {N(r.MinDuration.TotalMinutes)} min",
            OpenInterestChangeRule r => $"{r.Asset} OI on {(r.Venue ?? "all venues")} {r.Direction switch { ChangeDirection.Rise => "rises", ChangeDirection.Fall => "falls", _ => "moves" }} more than {N(r.ThresholdFraction * 100)} % over {N(r.Window.TotalMinutes)} min",
            LadderProximityRule r => $"{r.Asset} price within {N(r.WithinFraction * 100)} % of {r.Side switch { LiquidationSide.Long => "long liquidations", LiquidationSide.Short => "short liquidations", _ => "liquidations" }} ≥ ${N(r.MinNotionalUsd / 1e6)} M on {Where(r.Venue)}",
            VenueStaleRule r => $"{(r.Venue ?? "any venue")} stale for more than {N(r.MinStale.TotalMinutes)} min",
            CompositeRule r => $"{r.Required} of {string.Join(", ", r.RuleIds.Select(id => ruleName?.Invoke(id) ?? id))} within {N(r.Within.TotalMinutes)} min",
            ConventionChangeRule r => $"funding interval or unit changes on {(r.Asset ?? "any asset")} at {Where(r.Venue)} (notified for {N(r.Window.TotalMinutes)} min)",
            _ => rule.Kind.ToString(),
        };
        return rule.Hysteresis > 0 && rule is not (VenueStaleRule or CompositeRule or ConventionChangeRule) ? $"{text} (hysteresis {N(rule.Hysteresis * 100)})" : text;
    }

    /// <summary>A transition's value in its kind's unit, for the history table.</summary>
    /// <param name="basis">Funding rules: the rule's basis, printed as the unit (null prints a bare %).</param>
    public static string FormatValue(AlertRuleKind kind, double value, RateBasis? basis = null) => kind switch
    {
        AlertRuleKind.FundingThreshold or AlertRuleKind.FundingFlip =>
            string.Create(CultureInfo.InvariantCulture, $"{value * 100:+0.####;-0.####;0} {(basis is { } b ? FundingBasis.Label(b) : "%")}"),
        AlertRuleKind.Spread => string.Create(CultureInfo.InvariantCulture, $"{value * 100:0.##} % APR"),
        AlertRuleKind.OpenInterestChange => string.Create(CultureInfo.InvariantCulture, $"{value * 100:+0.##;-0.##;0} %"),
        AlertRuleKind.LadderProximity => string.Create(CultureInfo.InvariantCulture, $"${value / 1e6:0.##} M"),
        AlertRuleKind.VenueStale => string.Create(CultureInfo.InvariantCulture, $"{value:0.#} min"),
        AlertRuleKind.ConventionChange => string.Create(CultureInfo.InvariantCulture, $"{value:0.#} min ago"),
        _ => value.ToString("0", CultureInfo.InvariantCulture),
    };
}
