using System.Globalization;

namespace FundingWeb.Model;

/// <summary>
/// A view's time range: relative (1h … 1y, stays relative when shared) or custom (fixed UTC bounds).
/// </summary>
public sealed record TimeRange(string Token, TimeSpan? Length, DateTimeOffset? From, DateTimeOffset? To)
{
    /// <summary>Nothing any venue we read published is older: a floor for custom ranges whatever the retention says.</summary>
    public static readonly DateTimeOffset Epoch = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far past now a custom range may reach (clocks differ a little; the future holds no rows).</summary>
    public static readonly TimeSpan FutureSlack = TimeSpan.FromHours(1);

    /// <summary>The longest custom range, whatever the retention: pages do per-hour work over the range (slippage starts, HHI buckets).</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(731);

    public static IReadOnlyList<TimeRange> Presets { get; } =
    [
        new("1h", TimeSpan.FromHours(1), null, null), new("6h", TimeSpan.FromHours(6), null, null),
        new("24h", TimeSpan.FromHours(24), null, null), new("7d", TimeSpan.FromDays(7), null, null),
        new("30d", TimeSpan.FromDays(30), null, null), new("90d", TimeSpan.FromDays(90), null, null),
        new("1y", TimeSpan.FromDays(365), null, null),
    ];

    public static TimeRange Default => Presets[3];

    public bool IsCustom => Token == "custom";

    public static TimeRange Custom(DateTimeOffset from, DateTimeOffset to) => new("custom", null, from, to);

    /// <summary>Parses <c>range</c> (a preset) or <c>from</c>/<c>to</c> (ISO-8601 UTC); anything else falls back to 7d.</summary>
    public static TimeRange Parse(string? range, string? from, string? to)
    {
        if (Presets.FirstOrDefault(p => string.Equals(p.Token, range, StringComparison.OrdinalIgnoreCase)) is { } preset) return preset;
        if (TryParseTime(from, out var f) && TryParseTime(to, out var t) && f < t) return Custom(f, t);
        return Default;
    }

    /// <summary>
    /// Holds a custom range to what history can hold: not before the retention floor (nor <see cref="Epoch"/>), not after
    /// now + <see cref="FutureSlack"/>, at most min(retention, <see cref="MaxSpan"/>) long (the latest part kept). A range
    /// with nothing left inside those bounds becomes the default. The notice says what changed; null when nothing did.
    /// A start up to <see cref="Tolerance"/> before the floor passes as it is, so a range bounded here still passes when
    /// its link is opened again later (the floor moves with the clock). Presets are bounded by their own length.
    /// </summary>
    public (TimeRange Range, ViewNotice? Notice) Bound(DateTimeOffset now, TimeSpan retention)
    {
        if (!IsCustom) return (this, null);
        var kept = retention < TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : retention > MaxSpan ? MaxSpan : retention;
        var floor = Max(Epoch, now - kept);
        var ceiling = Floor(now + FutureSlack);
        var from = From!.Value < floor - Tolerance ? Ceiling(floor) : From.Value;
        var to = To!.Value > ceiling ? ceiling : To.Value;
        var keptText = $"history is kept for {kept.TotalDays:0.#} days";
        if (from >= to)
        {
            return (Default, new ViewNotice(FundingUrls.FromParameter,
                $"The range {Label} holds no history ({keptText}, up to now): showing the default {Default.Token} instead."));
        }
        if (to - from > kept + Tolerance) from = Ceiling(to - kept);
        if (from == From && to == To) return (this, null);
        var bounded = Custom(from, to);
        return (bounded, new ViewNotice(FundingUrls.FromParameter,
            $"The range {Label} reaches past the history that can exist ({keptText}, up to now): showing {bounded.Label}."));
    }

    /// <summary>How far past the floor or the span a custom range may reach before it is bounded.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromDays(1);

    public (DateTimeOffset From, DateTimeOffset To) Resolve(DateTimeOffset now) =>
        IsCustom ? (From!.Value, To!.Value) : (now - Length!.Value, now);

    public string Label => IsCustom
        ? $"{From:yyyy-MM-dd HH:mm} → {To:yyyy-MM-dd HH:mm} UTC"
        : Token;

    private static bool TryParseTime(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    // Whole minutes, so a bounded range survives its own URL (seconds are kept, ticks are not) without moving again.
    private static DateTimeOffset Floor(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    private static DateTimeOffset Ceiling(DateTimeOffset t) => t.UtcTicks % TimeSpan.TicksPerMinute == 0 ? t : Floor(t).AddMinutes(1);
}
