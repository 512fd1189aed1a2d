namespace FundingWeb.Core.Funding;

/// <summary>What was quoted at a window's start against what was then realised over the window, both as simple APR.</summary>
/// <param name="QuotedApr">Last quoted rate_1h at or before <paramref name="StartMs"/> × 8760; null when none was quoted yet.</param>
/// <param name="QuotedAtMs">When that quote was observed, so a stale quote can be spotted.</param>
/// <param name="RealisedApr">Σ settled rate_1h × interval_hours over (start, start + W] ÷ W × 8760; null when no settlement fell in it.</param>
/// <param name="SettledCount">Settled rows in the window.</param>
/// <param name="CoveredHours">Σ interval_hours of those rows. Below <paramref name="WindowHours"/> the window is not fully
/// settled yet (or has a gap) and the realised APR understates; above it a settlement period sticks out of the window.</param>
public sealed record FundingSlippagePoint(
    long StartMs,
    double WindowHours,
    double? QuotedApr,
    long? QuotedAtMs,
    double? RealisedApr,
    int SettledCount,
    double CoveredHours)
{
    /// <summary>Realised − quoted, in the market sign: positive = longs paid more than the entry quote promised.
    /// Null when either is unknown or the difference overflows.</summary>
    public double? SlippageApr => RealisedApr - QuotedApr is { } s && double.IsFinite(s) ? s : null;

    /// <summary>True when the settlements in the window cover exactly the window's hours.</summary>
    public bool IsFullyCovered => Math.Abs(CoveredHours - WindowHours) < 1e-9;
}
