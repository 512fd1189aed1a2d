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

    public MarketSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Applies <paramref name="update"/> to the current snapshot atomically and notifies subscribers.</summary>
    public MarketSnapshot Publish(Func<MarketSnapshot, MarketSnapshot> update)
    {
        MarketSnapshot next;
        lock (_lock)
        {
            next = update(_current) with { PublishedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(), PublishedTimestamp = time.GetTimestamp() };
            Volatile.Write(ref _current, next);
        }
        _changed.Signal();
        Published?.Invoke(next);
        return next;
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
