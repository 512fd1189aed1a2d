using System.Globalization;

namespace FundingWeb.Model;

/// <summary>
/// A view's time range: relative (1h … 1y, stays relative when shared) or custom (fixed UTC bounds).
/// </summary>
public sealed record TimeRange(string Token, TimeSpan? Length, DateTimeOffset? From, DateTimeOffset? To)
{
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
        if (DateTimeOffset.TryParse(from, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var f)
            && DateTimeOffset.TryParse(to, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            && f < t)
        {
            return Custom(f, t);
        }
        return Default;
    }

    public (DateTimeOffset From, DateTimeOffset To) Resolve(DateTimeOffset now) =>
        IsCustom ? (From!.Value, To!.Value) : (now - Length!.Value, now);

    public string Label => IsCustom
        ? $"{From:yyyy-MM-dd HH:mm} → {To:yyyy-MM-dd HH:mm} UTC"
        : Token;
}
