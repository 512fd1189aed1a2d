namespace FundingWeb.Core.Venues.Aevo;

/// <summary>
/// Aevo answers funding and open interest one instrument (or asset) at a time, so a poll refreshes only as many
/// instruments as its request budget allows and the next poll carries on where this one stopped.
/// Rotation is by name, so instruments appearing or disappearing between polls never skip or repeat the others.
/// </summary>
public sealed class AevoRotation
{
    private readonly Lock _lock = new();
    private string? _lastRefreshed;

    /// <summary>The names in order, starting after the last one refreshed and wrapping round.</summary>
    public IReadOnlyList<string> Order(IEnumerable<string> names)
    {
        var sorted = names.Distinct().Order(StringComparer.Ordinal).ToList();
        lock (_lock)
        {
            var start = _lastRefreshed is null ? 0 : sorted.FindIndex(n => string.CompareOrdinal(n, _lastRefreshed) > 0);
            if (start < 0) start = 0;
            return [.. sorted.Skip(start), .. sorted.Take(start)];
        }
    }

    public void Refreshed(string name)
    {
        lock (_lock) _lastRefreshed = name;
    }

    /// <summary>Requests one poll may spend: its share of the per-minute budget, at least 3 (markets + one instrument).</summary>
    public static int RequestsPerPoll(VenueOptions options) =>
        Math.Max(3, (int)Math.Floor(options.RequestsPerMinute * options.PollInterval.TotalSeconds / 60d));
}
