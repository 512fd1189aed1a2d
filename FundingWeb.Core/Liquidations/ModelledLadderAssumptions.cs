using System.Globalization;

namespace FundingWeb.Core.Liquidations;

/// <summary>The assumptions a modelled ladder was built with, resolved (caps applied, weights normalised) for display.</summary>
/// <param name="LongShareFromTakerRatio">False when the 50/50 default was used.</param>
public sealed record ModelledLadderAssumptions(
    double MaxLeverage,
    double MaintenanceMargin,
    double LongShare,
    bool LongShareFromTakerRatio,
    IReadOnlyList<LeverageBucket> Buckets)
{
    /// <summary>Plain lines the UI prints under a modelled ladder ("Show the assumptions on screen").</summary>
    public IReadOnlyList<string> Describe() =>
    [
        "Modelled, not measured: each rise in open interest is treated as new positions opened at that interval's closing price.",
        string.Create(CultureInfo.InvariantCulture,
            $"Long/short split {LongShare:P0}/{1 - LongShare:P0} ({(LongShareFromTakerRatio ? "taker ratio" : "no taker ratio, assumed even")})."),
        "Leverage buckets: " + string.Join(", ", Buckets.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Leverage:0.##}x {b.Weight:P0}")))
            + string.Create(CultureInfo.InvariantCulture, $" (venue max {MaxLeverage:0.##}x)."),
        string.Create(CultureInfo.InvariantCulture,
            $"Maintenance margin {MaintenanceMargin:P2}; liquidation long = entry × (1 − 1/L + mm), short = entry × (1 + 1/L − mm)."),
        "Falls in open interest close positions pro rata; a level is consumed once price trades through it.",
    ];
}
