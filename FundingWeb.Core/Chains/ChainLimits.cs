namespace FundingWeb.Core.Chains;

/// <summary>A chain's thresholds and planned windows, as the snapshot carries them (immutable).</summary>
public sealed record ChainLimits(TimeSpan LagAfter, TimeSpan StallAfter, IReadOnlyList<MaintenanceWindow> MaintenanceWindows)
{
    public static ChainLimits Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), []);

    public static ChainLimits From(ChainOptions options) =>
        new(options.LagAfter > TimeSpan.Zero ? options.LagAfter : Default.LagAfter,
            options.StallAfter > options.LagAfter ? options.StallAfter : Default.StallAfter,
            options.MaintenanceWindows.ToList());
}
