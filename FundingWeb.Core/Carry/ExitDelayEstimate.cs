namespace FundingWeb.Core.Carry;

/// <summary>
/// How long getting out should take now. Calm: nominal + current lag (head age + L1 lag). Congested: nominal + the larger
/// of the current lag and the stress percentile (<see cref="StressPercentile"/>) of past congestion episodes' lengths, so
/// a stall that has only begun is priced like the bad ones before it.
/// </summary>
/// <param name="Nominal">Configured: the venue's withdrawal delay.</param>
/// <param name="CurrentLag">Measured: head age + L1 lag now; zero where unknown.</param>
/// <param name="StressEpisode">Measured from history: p95 of past episodes' lengths; null with no past episode.</param>
/// <param name="Episodes">How many past episodes the stress percentile is of.</param>
/// <param name="Measured">True when a measured figure went into the estimate (otherwise it is configuration alone).</param>
public sealed record ExitDelayEstimate(TimeSpan Nominal, TimeSpan CurrentLag, TimeSpan? StressEpisode, int Episodes, bool Congested, TimeSpan Delay, bool Measured, string Basis)
{
    public const double StressPercentile = 0.95;

    public static ExitDelayEstimate Of(ExitConditions conditions, IReadOnlyList<TimeSpan> pastEpisodes)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(pastEpisodes);
        var nominal = conditions.NominalDelay < TimeSpan.Zero ? TimeSpan.Zero : conditions.NominalDelay;
        var lagSeconds = Finite(conditions.HeadAgeSeconds) + Finite(conditions.L1LagSeconds);
        var lag = TimeSpan.FromSeconds(Math.Min(lagSeconds, TimeSpan.FromDays(365).TotalSeconds));
        var measured = conditions.HeadAgeSeconds is not null || conditions.L1LagSeconds is not null;
        // Whole seconds: an episode is measured at poll cadence, and interpolation leaves float dust.
        var stress = Charts.Percentiles.Of(pastEpisodes.Select(e => e.TotalSeconds), StressPercentile) is { } s ? TimeSpan.FromSeconds(Math.Round(s)) : (TimeSpan?)null;
        if (!conditions.Congested)
        {
            return new(nominal, lag, stress, pastEpisodes.Count, false, nominal + lag, measured,
                measured ? "nominal (configured) + current lag (measured: head age + L1 lag)" : "nominal (configured): no chain probe, no lag measured");
        }
        var extra = stress is { } e && e > lag ? e : lag;
        var basis = stress is null
            ? "congested: nominal (configured) + current lag (measured); no past congestion episode in history for a stress percentile"
            : extra == lag
                ? $"congested: nominal (configured) + current lag (measured), longer than the p95 of {pastEpisodes.Count} past episodes"
                : $"congested: nominal (configured) + p95 length of {pastEpisodes.Count} past congestion episodes (measured)";
        return new(nominal, lag, stress, pastEpisodes.Count, true, nominal + extra, true, basis);
    }

    private static double Finite(double? value) => value is { } v && double.IsFinite(v) && v > 0 ? v : 0;
}
