using System.Collections.Immutable;
using FundingWeb.Core.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// The in-app notification stream, shaped like <see cref="MarketHub"/>: <see cref="Recent"/> holds the latest
/// transitions (newest last, bounded), subscriptions carry no data and a subscriber re-reads <see cref="Recent"/>.
/// </summary>
public sealed class AlertFeed(TimeProvider time, ILogger<AlertFeed>? logger = null)
{
    public const int Capacity = 200;

    private readonly Lock _lock = new();
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private ImmutableArray<CallbackThrottler> _subscribers = [];
    private ImmutableArray<AlertTransition> _recent = [];

    public ImmutableArray<AlertTransition> Recent
    {
        get { lock (_lock) return _recent; }
    }

    public void Publish(IReadOnlyList<AlertTransition> transitions)
    {
        if (transitions.Count == 0)
        {
            return;
        }
        lock (_lock)
        {
            var all = _recent.AddRange(transitions);
            _recent = all.Length > Capacity ? all[^Capacity..] : all;
        }
        NotifyChanged();
    }

    /// <summary>Something subscribers show changed without a new transition (a rule edited, a webhook attempt recorded).</summary>
    public void NotifyChanged()
    {
        ImmutableArray<CallbackThrottler> subscribers;
        lock (_lock) subscribers = _subscribers;
        foreach (var s in subscribers)
        {
            s.Signal();
        }
    }

    public IDisposable Subscribe(Func<Task> onChanged, TimeSpan? minInterval = null)
    {
        var throttler = new CallbackThrottler(onChanged, minInterval ?? TimeSpan.FromMilliseconds(100), time, _logger);
        lock (_lock) _subscribers = _subscribers.Add(throttler);
        return new Subscription(this, throttler);
    }

    private sealed class Subscription(AlertFeed feed, CallbackThrottler throttler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }
            lock (feed._lock) feed._subscribers = feed._subscribers.Remove(throttler);
            throttler.Dispose();
        }
    }
}
