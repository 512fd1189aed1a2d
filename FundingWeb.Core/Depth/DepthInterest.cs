namespace FundingWeb.Core.Depth;

/// <summary>
/// Which markets users look at: each page load of a venue and asset adds one view, and a view's weight halves every
/// <see cref="DepthOptions.InterestHalfLife"/>, so the depth poller follows what the desk is watching now. In memory only;
/// bounded (the weakest entries go first), and names are normalised so a URL cannot grow it without limit.
/// </summary>
public sealed class DepthInterest(TimeProvider time, TimeSpan? halfLife = null, int capacity = 2_000)
{
    private const int MaxNameLength = 64;
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Venue, string Asset), (double Score, long AtMs)> _scores = new();
    private readonly double _halfLifeMs = Math.Max(1, (halfLife ?? TimeSpan.FromMinutes(30)).TotalMilliseconds);

    /// <summary>A page showed <paramref name="asset"/> on <paramref name="venue"/>; a null venue means every venue (a cross-venue page).</summary>
    public void Touch(string? venue, string asset)
    {
        if (Normalise(asset)?.ToUpperInvariant() is not { } a) return;
        var venues = venue is null ? Venues.VenueIds.All : Normalise(venue)?.ToLowerInvariant() is { } v ? [v] : [];
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_lock)
        {
            foreach (var id in venues)
            {
                var key = (id, a);
                _scores[key] = (Decayed(key, now) + 1, now);
            }
            if (_scores.Count > capacity)
            {
                foreach (var weakest in _scores.OrderBy(kv => Decayed(kv.Key, now)).Take(_scores.Count - capacity).Select(kv => kv.Key).ToList())
                {
                    _scores.Remove(weakest);
                }
            }
        }
    }

    /// <summary>The current (decayed) score of one market; 0 when never looked at.</summary>
    public double Score(string venue, string asset)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_lock) return Decayed((venue.ToLowerInvariant(), asset.ToUpperInvariant()), now);
    }

    /// <summary>Assets looked at on a venue, most looked at first (ties by name), those whose score has not decayed below 0.01.</summary>
    public IReadOnlyList<string> Top(string venue, int count)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var id = venue.ToLowerInvariant();
        lock (_lock)
        {
            return _scores.Keys.Where(k => k.Venue == id)
                .Select(k => (k.Asset, Score: Decayed(k, now)))
                .Where(x => x.Score >= 0.01)
                .OrderByDescending(x => x.Score).ThenBy(x => x.Asset, StringComparer.Ordinal)
                .Take(Math.Max(0, count)).Select(x => x.Asset).ToList();
        }
    }

    private double Decayed((string, string) key, long nowMs) =>
        _scores.TryGetValue(key, out var entry) ? entry.Score * Math.Pow(0.5, Math.Max(0, nowMs - entry.AtMs) / _halfLifeMs) : 0;

    private static string? Normalise(string? name)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxNameLength || trimmed.Any(char.IsControl) ? null : trimmed;
    }
}
