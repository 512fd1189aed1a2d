using System.Collections.Immutable;
using FundingWeb.Core.Live;
using Microsoft.Extensions.Logging;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// The in-app notification stream, shaped like <see cref="MarketHub"/>: <see cref="Recent"/> holds the latest
/// transitions (newest last, bounded), subscriptions carry no data and a subscriber re-reads <see cref="Recent"/>.
/// </summary>
public sealed class AlertFeed(TimeProvider time, ILogger<AlertFeed>? logger = null)
{
    public const int Capacity = 200;

    private readonly Lock _lock = new();
    private readonly ChangeSignal _changed = new(time, TimeSpan.FromMilliseconds(100), logger);
    private ImmutableArray<AlertTransition> _recent = [];

    public ImmutableArray<AlertTransition> Recent
    {
        get { lock (_lock) return _recent; }
    }

    public int SubscriberCount => _changed.SubscriberCount;

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
    public void NotifyChanged() => _changed.Signal();

    public IDisposable Subscribe(Func<Task> onChanged, TimeSpan? minInterval = null) => _changed.Subscribe(onChanged, minInterval);
}
