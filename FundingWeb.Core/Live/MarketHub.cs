using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FundingWeb.Core.Live;

/// <summary>
/// The one live state. Pollers publish a new immutable snapshot; subscriptions carry no data, a subscriber re-reads
/// <see cref="Current"/> when its (throttled) callback runs.
/// </summary>
public sealed class MarketHub(IOptions<LiveOptions> options, TimeProvider time, ILogger<MarketHub>? logger = null)
{
    private readonly Lock _lock = new();
    private readonly ChangeSignal _changed = new(time, options.Value.MinPushInterval, logger);
    private MarketSnapshot _current = MarketSnapshot.Empty;

    // The publish instants of the newest snapshots, by sequence: a page that shows several publishes at once (its
    // updates are spaced) measures each from its own publish, not only the newest.
    private const int KeptInstants = 64;
    private readonly long[] _instants = new long[KeptInstants];

    public MarketSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Applies <paramref name="update"/> to the current snapshot atomically and notifies subscribers.</summary>
    public MarketSnapshot Publish(Func<MarketSnapshot, MarketSnapshot> update)
    {
        MarketSnapshot next;
        lock (_lock)
        {
            next = update(_current) with
            {
                PublishedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(), PublishedTimestamp = time.GetTimestamp(), Sequence = _current.Sequence + 1,
            };
            _instants[next.Sequence % KeptInstants] = next.PublishedTimestamp;
            Volatile.Write(ref _current, next);
        }
        _changed.Signal();
        Published?.Invoke(next);
        return next;
    }

    /// <summary>
    /// The publish instants (<see cref="MarketSnapshot.PublishedTimestamp"/>) of the snapshots after sequence
    /// <paramref name="after"/> up to and including <paramref name="upTo"/>, oldest first; at most the newest 64.
    /// </summary>
    public long[] PublishedBetween(long after, long upTo)
    {
        lock (_lock)
        {
            upTo = Math.Min(upTo, _current.Sequence);
            var from = Math.Max(after + 1, Math.Max(1, upTo - KeptInstants + 1));
            if (upTo < from) return [];
            var instants = new long[upTo - from + 1];
            for (var s = from; s <= upTo; s++) instants[s - from] = _instants[s % KeptInstants];
            return instants;
        }
    }

    /// <summary>Raised after each publish with the new snapshot (metrics; not for pages, which subscribe).</summary>
    public event Action<MarketSnapshot>? Published;

    public IDisposable Subscribe(Func<Task> onChanged, TimeSpan? minInterval = null) => _changed.Subscribe(onChanged, minInterval);

    public int SubscriberCount => _changed.SubscriberCount;

    /// <summary>Raised when the number of subscribers changes.</summary>
    public event Action<int>? SubscribersChanged
    {
        add => _changed.SubscribersChanged += value;
        remove => _changed.SubscribersChanged -= value;
    }
}
