using System.Globalization;

namespace FundingWeb.Model.Health;

/// <summary>
/// What one figure on the Venues board is judged by: lagging from <see cref="LagAt"/>, stalled from <see cref="StallAt"/>
/// (both in the figure's own unit). Null limits: the figure is shown but not judged.
/// </summary>
public sealed record HealthLimits(double? LagAt, double? StallAt, string Unit, string? Basis = null)
{
    public static HealthLimits None(string unit, string basis) => new(null, null, unit, basis);

    /// <summary>fresh below the lag limit, lagging from it, stalled from the stall limit; unknown without a value. NaN and ∞ are unknown.</summary>
    public string Judge(double? value)
    {
        if (value is not { } v || !double.IsFinite(v)) return HealthStates.Unknown;
        if (StallAt is { } stall && v >= stall) return HealthStates.Stalled;
        if (LagAt is { } lag && v >= lag) return HealthStates.Lagging;
        return LagAt is null && StallAt is null ? HealthStates.Measured : HealthStates.Fresh;
    }

    /// <summary>"lagging ≥ 30 s · stalled ≥ 120 s (chain config)", or the basis alone where nothing is judged.</summary>
    public string Text
    {
        get
        {
            var parts = new List<string>();
            if (LagAt is { } lag) parts.Add($"lagging ≥ {N(lag)} {Unit}");
            if (StallAt is { } stall) parts.Add($"stalled ≥ {N(stall)} {Unit}");
            var limits = parts.Count == 0 ? "not judged" : string.Join(" · ", parts);
            return Basis is null ? limits : $"{limits} ({Basis})";
        }
    }

    private static string N(double v) => v.ToString(v >= 10 ? "0" : "0.##", CultureInfo.InvariantCulture);
}
