using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FundingWeb.Core.Live;

/// <summary>
/// The one live state. Pollers publish a new immutable snapshot; subscriptions carry no data, a subscriber re-reads
/// <see cref="Current"/> when its (throttled) callback runs.
/// </summary>
public sealed class MarketHub(IOptions<LiveOptions> options, TimeProvider time, ILogger<MarketHub>? logger = null)
{
    private readonly Lock _lock = new();
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private ImmutableSubscribers _subscribers = ImmutableSubscribers.Empty;
    private MarketSnapshot _current = MarketSnapshot.Empty;

    public MarketSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Applies <paramref name="update"/> to the current snapshot atomically and notifies subscribers.</summary>
    public MarketSnapshot Publish(Func<MarketSnapshot, MarketSnapshot> update)
    {
        MarketSnapshot next;
        lock (_lock)
        {
            next = update(_current);
            Volatile.Write(ref _current, next);
        }
        foreach (var throttler in Volatile.Read(ref _subscribers).Items) throttler.Signal();
        return next;
    }

    public IDisposable Subscribe(Func<Task> onChanged, TimeSpan? minInterval = null)
    {
        var throttler = new CallbackThrottler(onChanged, minInterval ?? options.Value.MinPushInterval, time, _logger);
        lock (_lock) _subscribers = _subscribers.Add(throttler);
        return new Subscription(this, throttler);
    }

    public int SubscriberCount => Volatile.Read(ref _subscribers).Items.Length;

    private void Unsubscribe(CallbackThrottler throttler)
    {
        lock (_lock) _subscribers = _subscribers.Remove(throttler);
        throttler.Dispose();
    }

    private sealed class Subscription(MarketHub hub, CallbackThrottler throttler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) hub.Unsubscribe(throttler);
        }
    }

    private sealed record ImmutableSubscribers(CallbackThrottler[] Items)
    {
        public static ImmutableSubscribers Empty { get; } = new([]);
        public ImmutableSubscribers Add(CallbackThrottler t) => new([.. Items, t]);
        public ImmutableSubscribers Remove(CallbackThrottler t) => new(Items.Where(i => !ReferenceEquals(i, t)).ToArray());
    }
}
