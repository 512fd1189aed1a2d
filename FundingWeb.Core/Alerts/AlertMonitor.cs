using FundingWeb.Core.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// Hosts the <see cref="AlertEvaluator"/> on the <see cref="MarketHub"/>: loads rules and persisted states on start,
/// evaluates <see cref="MarketHub.Current"/> on every (coalesced) publish and every <see cref="TickInterval"/> (time-only
/// rules: stale venues, two-of-N windows), records transitions and changed states in one transaction, publishes them
/// to <see cref="AlertFeed"/> and hands webhooks to the <see cref="WebhookDispatcher"/> in the background. Register as
/// a singleton and a hosted service; call <see cref="ReloadRulesAsync"/> after the UI saves or deletes a rule.
/// </summary>
public sealed class AlertMonitor(
    MarketHub hub, AlertRepository repository, WebhookDispatcher dispatcher, AlertFeed feed, TimeProvider time,
    ILiquidationLevels? levels = null, ILogger<AlertMonitor>? logger = null, IFundingRegimes? regimes = null) : IHostedService, IAsyncDisposable
{
    public static TimeSpan TickInterval { get; } = TimeSpan.FromSeconds(15);

    /// <summary>History older than this is pruned at start and once a day after (pending webhooks excepted).</summary>
    public static TimeSpan HistoryRetention { get; } = TimeSpan.FromDays(365);

    private long _prunedAtMs;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly List<Task> _deliveries = [];
    private AlertEvaluator? _evaluator;
    private IDisposable? _subscription;
    private ITimer? _ticker;

    public AlertEvaluator? Evaluator => _evaluator;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var rules = await repository.GetRulesAsync(cancellationToken).ConfigureAwait(false);
        var states = await repository.GetStatesAsync(cancellationToken).ConfigureAwait(false);
        _evaluator = new AlertEvaluator(rules, time, states, levels, regimes);
        _ = _evaluator.TakeChangedStates(); // the restored states are what is persisted already
        dispatcher.DeliveryChanged += OnDeliveryChanged;
        // Deliveries cut off by a shutdown carry on where they stopped: same key, attempts counted on (a receiver that
        // dedupes on the Idempotency-Key sees at most one more copy of a POST that landed just before the stop).
        foreach (var pending in await repository.GetDeliveriesAsync(DeliveryStatus.Pending, cancellationToken).ConfigureAwait(false))
        {
            if (await repository.GetTransitionAsync(pending.EventKey, cancellationToken).ConfigureAwait(false) is { } transition)
            {
                _logger.LogInformation("Resuming webhook {Key} after {Attempts} attempts", pending.EventKey, pending.Attempts);
                Track(DeliverAsync(transition, pending.Url));
            }
        }
        await PruneAsync(cancellationToken).ConfigureAwait(false);
        _subscription = hub.Subscribe(EvaluateNowAsync, TimeSpan.Zero);
        _ticker = time.CreateTimer(_ => _ = TickAsync(), null, TickInterval, TickInterval);
    }

    private void OnDeliveryChanged(WebhookDelivery delivery) => feed.NotifyChanged();

    private async Task TickAsync()
    {
        await EvaluateNowAsync().ConfigureAwait(false);
        if (time.GetUtcNow().ToUnixTimeMilliseconds() - Interlocked.Read(ref _prunedAtMs) >= TimeSpan.FromDays(1).TotalMilliseconds)
        {
            await PruneAsync(_stopping.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Never throws: old history staying a day longer is no reason to stop (or not start) evaluating alerts.</summary>
    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        Interlocked.Exchange(ref _prunedAtMs, now);
        try
        {
            var deleted = await repository.PruneHistoryAsync(now - (long)HistoryRetention.TotalMilliseconds, cancellationToken).ConfigureAwait(false);
            if (deleted > 0) _logger.LogInformation("Pruned {Count} alert transitions older than {Days} days", deleted, HistoryRetention.TotalDays);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Pruning alert history failed");
        }
    }

    /// <summary>Re-reads the rules after a user edit and tells every open Alerts page.</summary>
    public async Task ReloadRulesAsync(CancellationToken cancellationToken)
    {
        var rules = await repository.GetRulesAsync(cancellationToken).ConfigureAwait(false);
        _evaluator?.SetRules(rules);
        await EvaluateNowAsync().ConfigureAwait(false);
        feed.NotifyChanged();
    }

    /// <summary>One evaluation of the hub's current snapshot; never throws (a listener must not hurt the producer).</summary>
    public async Task EvaluateNowAsync()
    {
        if (_evaluator is not { } evaluator || _stopping.IsCancellationRequested)
        {
            return;
        }
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var transitions = evaluator.Evaluate(hub.Current);
            var changed = evaluator.TakeChangedStates();
            if (transitions.Count > 0 || changed.Count > 0)
            {
                await repository.RecordAsync(transitions, changed, _stopping.Token).ConfigureAwait(false);
            }
            feed.Publish(transitions);
            foreach (var t in transitions)
            {
                Telemetry.FundingMetrics.AlertTransitions.Add(1, new KeyValuePair<string, object?>("kind", AlertRuleKinds.Token(t.Kind)),
                    new KeyValuePair<string, object?>("transition", t.Transition == AlertTransitionKind.Fired ? "fired" : "cleared"));
                if (evaluator.Rules.FirstOrDefault(r => r.Id == t.RuleId)?.WebhookUrl is { Length: > 0 } url)
                {
                    Track(DeliverAsync(t, url));
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "Alert evaluation failed");
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Track(Task delivery)
    {
        lock (_deliveries)
        {
            _deliveries.RemoveAll(d => d.IsCompleted);
            _deliveries.Add(delivery);
        }
    }

    private async Task DeliverAsync(AlertTransition transition, string url)
    {
        try
        {
            await dispatcher.DeliverAsync(transition, url, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Webhook {Key} crashed", transition.Key);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        _ticker?.Dispose();
        dispatcher.DeliveryChanged -= OnDeliveryChanged;
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] pending;
        lock (_deliveries) pending = [.. _deliveries];
        await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private int _disposed;

    /// <summary>Idempotent: a container that registered the monitor both as itself and as a hosted service disposes it twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
        _gate.Dispose();
    }
}
