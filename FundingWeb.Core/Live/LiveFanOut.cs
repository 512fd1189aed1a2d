using System.Collections.Concurrent;
using FundingWeb.Core.Cluster;
using FundingWeb.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FundingWeb.Core.Live;

/// <summary>
/// Keeps this node's <see cref="MarketHub"/> in step with the venues other nodes poll. A poller's commit notifies
/// "venue:version"; this re-reads that venue's stored live state (<see cref="LiveSnapshotLoader"/>) and publishes it, so
/// this node's circuits get their push from their own hub exactly as on the poller's node. Notifications carry no data
/// and may be lost (a listener reconnecting), so the versions are also compared every <see cref="ResyncEvery"/>. A
/// venue whose version stops moving for longer than its stale limit is shown stale here: its poller is gone and no
/// standby took over yet. Venues this node polls itself are left alone (its poller publishes them).
/// </summary>
public sealed class LiveFanOut(LiveSnapshotLoader loader, MarketHub hub, ClusterChannel channel, ILeadership leadership, TimeProvider time,
    ILogger<LiveFanOut> logger, Func<string, TimeSpan>? staleAfter = null) : BackgroundService
{
    public static readonly TimeSpan ResyncEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, long> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _announced = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _movedAtMs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signal = new(0);
    private int _resyncAll = 1;

    /// <summary>Completed once every stored venue was loaded the first time (a web node serves pages after that).</summary>
    public Task Ready => _ready.Task;

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        channel.Received += OnMessage;
        channel.Resync += OnResync;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RoundAsync(stoppingToken).ConfigureAwait(false);
                    _ready.TrySetResult();
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    logger.LogWarning("Loading live state failed ({Error}); trying again", ex.Message);
                    Interlocked.Exchange(ref _resyncAll, 1);
                }
                try { await _signal.WaitAsync(ResyncEvery, stoppingToken).ConfigureAwait(false); }
                catch (OperationCanceledException) { return; }
            }
        }
        finally
        {
            channel.Received -= OnMessage;
            channel.Resync -= OnResync;
        }
    }

    private void OnMessage(ClusterMessage message)
    {
        if (message.Kind != ClusterMessage.Poll) return;
        var colon = message.Data.LastIndexOf(':');
        if (colon <= 0 || !long.TryParse(message.Data.AsSpan(colon + 1), out var version)) return;
        _announced.AddOrUpdate(message.Data[..colon], version, (_, old) => Math.Max(old, version));
        _signal.Release();
    }

    private void OnResync()
    {
        Interlocked.Exchange(ref _resyncAll, 1);
        _signal.Release();
    }

    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        // Every round compares versions (one small query): a lost notification costs at most ResyncEvery.
        Interlocked.Exchange(ref _resyncAll, 0);
        foreach (var (venue, version) in await loader.GetVersionsAsync(cancellationToken).ConfigureAwait(false))
        {
            _announced.AddOrUpdate(venue, version, (_, old) => Math.Max(old, version));
        }
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var (venue, announced) in _announced)
        {
            if (leadership.Holds(LeaseNames.Venue(venue)))
            {
                _held[venue] = announced;
                _movedAtMs[venue] = nowMs;
                continue;
            }
            if (announced > _held.GetValueOrDefault(venue, -1))
            {
                await LoadAsync(venue, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                MarkSilence(venue, nowMs);
            }
        }
    }

    private async Task LoadAsync(string venue, CancellationToken cancellationToken)
    {
        if (await loader.LoadAsync(venue, cancellationToken).ConfigureAwait(false) is not var (snapshot, version)) return;
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        _held[venue] = version;
        _movedAtMs[venue] = nowMs;
        // The leader may have started polling it here meanwhile: then its own snapshot is newer than what was read.
        if (leadership.Holds(LeaseNames.Venue(venue))) return;
        hub.Publish(current => current.WithVenue(snapshot, nowMs));
    }

    private void MarkSilence(string venue, long nowMs)
    {
        var limit = (staleAfter ?? (_ => DefaultStaleAfter))(venue);
        var movedAt = _movedAtMs.GetOrAdd(venue, nowMs);
        if (nowMs - movedAt <= limit.TotalMilliseconds) return;
        if (hub.Current.Venues.GetValueOrDefault(venue) is not { } current || current.Status.IsStale) return;
        var seconds = (nowMs - movedAt) / 1000;
        var status = current.Status with { StaleSinceMs = movedAt, StaleReason = $"no poller has reported for {seconds} s" };
        hub.Publish(c => c.WithVenue(current with { Status = status }, nowMs));
    }

    public override void Dispose()
    {
        _signal.Dispose();
        base.Dispose();
    }
}
