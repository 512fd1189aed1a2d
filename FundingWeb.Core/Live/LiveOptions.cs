namespace FundingWeb.Core.Live;

/// <summary>Bound from <c>Live</c>: how often the hub may push to one subscriber.</summary>
public sealed class LiveOptions
{
    /// <summary>The longest interval either setting accepts: a page that ticks less often than this is not live.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(10);

    /// <summary>Least time between two pushes to one subscriber that names no interval of its own (the alert monitor, share links).</summary>
    public TimeSpan MinPushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Least time between two live updates of one open page (the chart pages, the Overview, the ladder). The promise is a
    /// venue's change on screen within its poll + 100 ms; the first poll after a quiet spell goes out at once, and only polls
    /// landing within this interval of the last update wait for the next one. Zero: every poll goes out as it lands.
    /// </summary>
    public TimeSpan PageTickInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Why these settings cannot run, or null.</summary>
    public string? Problem() => OutOfRange("Live:PageTickInterval", PageTickInterval) ?? OutOfRange("Live:MinPushInterval", MinPushInterval);

    private static string? OutOfRange(string setting, TimeSpan value) => value < TimeSpan.Zero || value > MaxInterval
        ? $"{setting} must be from 00:00:00 to {MaxInterval:c} (it was {value:c})."
        : null;
}
