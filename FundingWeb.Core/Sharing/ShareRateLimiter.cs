namespace FundingWeb.Core.Sharing;

/// <summary>
/// Fixed-window counters per key (a token hash, a client address). Own code rather than System.Threading.RateLimiting
/// (in the ASP.NET shared framework, not in Core without a package): it runs on <see cref="TimeProvider"/>, so tests
/// are deterministic, and it forgets idle keys, so a flood of random tokens cannot grow memory without bound.
/// </summary>
public sealed class ShareRateLimiter(TimeProvider time, int maxKeys = 100_000)
{
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly object _lock = new();

    /// <summary>True when <paramref name="key"/> may go on; otherwise <paramref name="retryAfter"/> says when it may.</summary>
    public bool TryAcquire(string key, int permits, TimeSpan window, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_windows.Count >= maxKeys) Prune(now);
            if (!_windows.TryGetValue(key, out var current) || now >= current.Ends)
            {
                current = new Window(now + window, 0);
            }
            if (current.Count >= permits)
            {
                _windows[key] = current;
                retryAfter = current.Ends - now;
                return false;
            }
            _windows[key] = current with { Count = current.Count + 1 };
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    public int TrackedKeys { get { lock (_lock) return _windows.Count; } }

    private void Prune(DateTimeOffset now)
    {
        foreach (var key in _windows.Where(w => now >= w.Value.Ends).Select(w => w.Key).ToList()) _windows.Remove(key);
        // Still full of live windows: start afresh rather than grow; the limit is a brake, not an accounting record.
        if (_windows.Count >= maxKeys) _windows.Clear();
    }

    private readonly record struct Window(DateTimeOffset Ends, int Count);
}
