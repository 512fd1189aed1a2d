using FundingWeb.Core.Cluster;
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
/// With several nodes only the holder of the <see cref="LeaseName"/> lease evaluates and sends; it takes over the
/// persisted states and pending webhooks when it becomes leader, so a failover neither re-fires nor loses a transition.
/// The other nodes follow (AlertMonitor.Follow.cs): they re-read rules, states and new transitions when told.
/// </summary>
public sealed partial class AlertMonitor(
    MarketHub hub, AlertRepository repository, WebhookDispatcher dispatcher, AlertFeed feed, TimeProvider time,
    ILiquidationLevels? levels = null, ILogger<AlertMonitor>? logger = null,
    ILeadership? leadership = null, ClusterChannel? channel = null, bool canLead = true, IFundingRegimes? regimes = null) : IHostedService, IAsyncDisposable
{
    public const string LeaseName = "alerts";

    public static TimeSpan TickInterval { get; } = TimeSpan.FromSeconds(15);

    /// <summary>History older than this is pruned at start and once a day after (pending webhooks excepted).</summary>
    public static TimeSpan HistoryRetention { get; } = TimeSpan.FromDays(365);

    private long _prunedAtMs;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly ILeadership _leadership = leadership ?? new SingleNodeLeadership();
    private readonly List<Task> _deliveries = [];
    private AlertEvaluator? _evaluator;
    private IDisposable? _subscription;
    private ITimer? _ticker;
    private Task _leadLoop = Task.CompletedTask;
    private CancellationTokenSource? _term;

    public AlertEvaluator? Evaluator => Volatile.Read(ref _evaluator);

    /// <summary>This node evaluates and sends now (always, on one machine).</summary>
    public bool IsLeading => Volatile.Read(ref _term) is { IsCancellationRequested: false };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        _lastEventId = await repository.GetLatestEventIdAsync(cancellationToken).ConfigureAwait(false);
        dispatcher.DeliveryChanged += OnDeliveryChanged;
        if (channel is not null)
        {
            channel.Received += OnMessage;
            channel.Resync += OnResync;
        }
        if (canLead)
        {
            var first = _leadership.AcquireAsync(LeaseName, _stopping.Token);
            // One machine leads from the first instant, as before there were several: started before StartAsync returns.
            if (first.IsCompletedSuccessfully) await BeginTermAsync(first.Result, cancellationToken).ConfigureAwait(false);
            _leadLoop = LeadAsync(first);
        }
        _subscription = hub.Subscribe(EvaluateNowAsync, TimeSpan.Zero);
        _ticker = time.CreateTimer(_ => _ = TickAsync(), null, TickInterval, TickInterval);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var rules = await repository.GetRulesAsync(cancellationToken).ConfigureAwait(false);
        var states = await repository.GetStatesAsync(cancellationToken).ConfigureAwait(false);
        var evaluator = new AlertEvaluator(rules, time, states, levels, regimes);
        _ = evaluator.TakeChangedStates(); // the restored states are what is persisted already
        Volatile.Write(ref _evaluator, evaluator);
    }

    /// <summary>Leads whenever the lease is ours: a standby waits here until the leader goes, then takes over.</summary>
    private async Task LeadAsync(Task<ILease> first)
    {
        var pending = first;
        while (!_stopping.IsCancellationRequested)
        {
            ILease lease;
            try { lease = await pending.ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
            await using (lease.ConfigureAwait(false))
            {
                try
                {
                    if (!IsLeading) await BeginTermAsync(lease, _stopping.Token).ConfigureAwait(false);
                    await Task.Delay(Timeout.Infinite, _term!.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
                catch (Exception e)
                {
                    _logger.LogError(e, "Alert leadership failed; standing by again");
                }
                await EndTermAsync().ConfigureAwait(false);
            }
            pending = _leadership.AcquireAsync(LeaseName, _stopping.Token);
        }
        // A lease won just as the node stopped is given back at once.
        try { await (await pending.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false); }
        catch (OperationCanceledException) { }
    }

    /// <summary>
    /// Becoming leader: the rules and states as the last leader left them (not as this node last saw them), then the
    /// webhooks it left pending (each sent under a claim, so one still in the old leader's hands is waited out).
    /// </summary>
    private async Task BeginTermAsync(ILease lease, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await LoadAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _term, CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, lease.Lost));
        }
        finally
        {
            _gate.Release();
        }
        // Deliveries cut off by a shutdown (or a crash of the last leader) carry on where they stopped: same key,
        // attempts counted on (a receiver that dedupes on the Idempotency-Key sees at most one more copy of a POST that
        // landed just before the stop).
        foreach (var pending in await repository.GetDeliveriesAsync(DeliveryStatus.Pending, cancellationToken).ConfigureAwait(false))
        {
            if (await repository.GetTransitionAsync(pending.EventKey, cancellationToken).ConfigureAwait(false) is { } transition)
            {
                _logger.LogInformation("Resuming webhook {Key} after {Attempts} attempts", pending.EventKey, pending.Attempts);
                Track(DeliverAsync(transition, pending.Url));
            }
        }
        await PruneAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task EndTermAsync()
    {
        var term = Interlocked.Exchange(ref _term, null);
        if (term is null) return;
        await term.CancelAsync().ConfigureAwait(false);
        term.Dispose();
        if (!_stopping.IsCancellationRequested)
        {
            _logger.LogWarning("This node no longer leads alert evaluation");
            _lastEventId = await repository.GetLatestEventIdAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private void OnDeliveryChanged(WebhookDelivery delivery) => feed.NotifyChanged();

    private async Task TickAsync()
    {
        if (!IsLeading)
        {
            await FollowAsync().ConfigureAwait(false);
            return;
        }
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

    /// <summary>Re-reads the rules after a user edit and tells every open Alerts page (the leader hears of it through the database).</summary>
    public async Task ReloadRulesAsync(CancellationToken cancellationToken)
    {
        var rules = await repository.GetRulesAsync(cancellationToken).ConfigureAwait(false);
        Evaluator?.SetRules(rules);
        await EvaluateNowAsync().ConfigureAwait(false);
        feed.NotifyChanged();
    }

    /// <summary>One evaluation of the hub's current snapshot, by the leader only; never throws (a listener must not hurt the producer).</summary>
    public async Task EvaluateNowAsync()
    {
        if (Evaluator is not { } evaluator || _stopping.IsCancellationRequested || Volatile.Read(ref _term) is not { } term || term.IsCancellationRequested)
        {
            return;
        }
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var transitions = evaluator.Evaluate(hub.Current);
            var changed = evaluator.TakeChangedStates();
            var hooks = transitions
                .Select(t => (Transition: t, Url: evaluator.Rules.FirstOrDefault(r => r.Id == t.RuleId)?.WebhookUrl))
                .Where(x => x.Url is { Length: > 0 })
                .Select(x => (x.Transition, Url: x.Url!))
                .ToList();
            if (transitions.Count > 0 || changed.Count > 0)
            {
                var now = time.GetUtcNow().ToUnixTimeMilliseconds();
                await repository.RecordAsync(transitions, changed, term.Token,
                    hooks.Select(h => new WebhookDelivery(h.Transition.Key, h.Url, DeliveryStatus.Pending, 0, null, null, null, now)).ToList()).ConfigureAwait(false);
            }
            feed.Publish(transitions);
            foreach (var t in transitions)
            {
                Telemetry.FundingMetrics.AlertTransitions.Add(1, new KeyValuePair<string, object?>("kind", AlertRuleKinds.Token(t.Kind)),
                    new KeyValuePair<string, object?>("transition", t.Transition == AlertTransitionKind.Fired ? "fired" : "cleared"));
            }
            foreach (var (t, url) in hooks)
            {
                Track(DeliverAsync(t, url));
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
            await dispatcher.DeliverAsync(transition, url, Volatile.Read(ref _term)?.Token ?? _stopping.Token).ConfigureAwait(false);
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
        if (channel is not null)
        {
            channel.Received -= OnMessage;
            channel.Resync -= OnResync;
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] pending;
        lock (_deliveries) pending = [.. _deliveries];
        await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAny(_leadLoop, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
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
