using FundingWeb.Core.Carry;

namespace FundingWeb.Core.Portfolio;

/// <summary>
/// The exit delay one venue's accounts are stressed over, and why. The user's own delay wins; otherwise the chain and
/// venue-health estimate (<see cref="ExitDelayEstimate"/>: exit conditions and past congestion episodes) where something
/// was measured; the configured withdrawal delay only when nothing was (no chain probe, no lag).
/// </summary>
public sealed record ExitDelayChoice(string Venue, TimeSpan Delay, ExitDelaySource Source, string Basis)
{
    /// <summary>The longest exit a stress prices: past it a funding cost is a guess about a venue that has stopped.</summary>
    public static TimeSpan MaxDelay { get; } = TimeSpan.FromDays(30);

    public static ExitDelayChoice Of(string venue, TimeSpan configured, ExitDelayEstimate? estimate, TimeSpan? own)
    {
        ArgumentNullException.ThrowIfNull(venue);
        if (own is { } mine && mine >= TimeSpan.Zero && mine <= MaxDelay)
        {
            var instead = estimate is { Measured: true } e ? $"the estimate of {Hours(e.Delay)}" : $"the configured {Hours(Bounded(configured))}";
            return new(venue, mine, ExitDelaySource.Yours, $"your exit delay, instead of {instead}");
        }
        if (estimate is { Measured: true } measured)
        {
            return new(venue, Bounded(measured.Delay), ExitDelaySource.Estimate, measured.Basis);
        }
        return new(venue, Bounded(configured), ExitDelaySource.Configured, "configured withdrawal delay: no chain probe, no lag measured");
    }

    // A configuration typo (negative, or years) must not turn a funding cost into a credit or an overflow.
    private static TimeSpan Bounded(TimeSpan delay) => delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;

    private static string Hours(TimeSpan delay) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{delay.TotalHours:0.##} h");
}
