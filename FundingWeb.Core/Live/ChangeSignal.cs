using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FundingWeb.Core.Live;

/// <summary>
/// The one subscriber primitive (the hub, the alert feed and share links all use it): subscriptions carry no data;
/// <see cref="Signal"/> tells every subscriber something changed and each re-reads the state it shows. Every subscriber
/// runs through its own <see cref="CallbackThrottler"/>: bursts coalesce, a minimum interval holds, and an exception in one
/// listener is logged and never reaches the producer or the other listeners. Signalling takes no lock.
/// </summary>
public sealed class ChangeSignal(TimeProvider time, TimeSpan defaultInterval, ILogger? logger = null)
{
    private readonly Lock _lock = new();
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    // An array swapped whole under the lock and read without it: a signal sees one consistent set of subscribers.
    private CallbackThrottler[] _subscribers = [];

    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <summary>Raised when the number of subscribers changes (for metrics).</summary>
    public event Action<int>? SubscribersChanged;

    public void Signal()
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers)) subscriber.Signal();
    }

    public IDisposable Subscribe(Func<Task> onChanged, TimeSpan? minInterval = null)
    {
        ArgumentNullException.ThrowIfNull(onChanged);
        var throttler = new CallbackThrottler(onChanged, minInterval ?? defaultInterval, time, _logger);
        int count;
        lock (_lock)
        {
            _subscribers = [.. _subscribers, throttler];
            count = _subscribers.Length;
        }
        SubscribersChanged?.Invoke(count);
        return new Subscription(this, throttler);
    }

    private void Remove(CallbackThrottler throttler)
    {
        int count;
        lock (_lock)
        {
            _subscribers = _subscribers.Where(t => !ReferenceEquals(t, throttler)).ToArray();
            count = _subscribers.Length;
        }
        throttler.Dispose();
        SubscribersChanged?.Invoke(count);
    }

    private sealed class Subscription(ChangeSignal owner, CallbackThrottler throttler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Remove(throttler);
        }
    }
}
