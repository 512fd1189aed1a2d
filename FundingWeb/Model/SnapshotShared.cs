using FundingWeb.Core.Live;

namespace FundingWeb.Model;

/// <summary>
/// Values built from a snapshot once and shared by every circuit that shows it. Only the two newest snapshots are kept,
/// so a circuit a tick behind still shares and nothing older is pinned; past <c>maxPerSnapshot</c> keys a value is built
/// and not kept, so a flood of distinct views cannot grow the cache. A build sees the same key's value on the other kept
/// snapshot (or null), so it can take over what did not change.
/// </summary>
public sealed class SnapshotShared<TKey, TValue>(int maxPerSnapshot) where TKey : notnull where TValue : class
{
    private readonly Lock _gate = new();
    private readonly List<(MarketSnapshot Snapshot, Dictionary<TKey, TValue> Values)> _recent = [];

    public TValue GetOrAdd(MarketSnapshot snapshot, TKey key, Func<TValue?, TValue> build)
    {
        // Built under the lock: fifty circuits woken by one publish wait for the first build instead of all building.
        lock (_gate)
        {
            var values = ValuesOf(snapshot);
            if (values.TryGetValue(key, out var shared)) return shared;
            var built = build(Previous(snapshot, key));
            if (values.Count < maxPerSnapshot) values[key] = built;
            return built;
        }
    }

    private TValue? Previous(MarketSnapshot snapshot, TKey key)
    {
        foreach (var (s, values) in _recent)
        {
            if (!ReferenceEquals(s, snapshot) && values.TryGetValue(key, out var previous)) return previous;
        }
        return null;
    }

    private Dictionary<TKey, TValue> ValuesOf(MarketSnapshot snapshot)
    {
        foreach (var (s, values) in _recent)
        {
            if (ReferenceEquals(s, snapshot)) return values;
        }
        var added = new Dictionary<TKey, TValue>();
        _recent.Insert(0, (snapshot, added));
        if (_recent.Count > 2) _recent.RemoveAt(_recent.Count - 1);
        return added;
    }
}
