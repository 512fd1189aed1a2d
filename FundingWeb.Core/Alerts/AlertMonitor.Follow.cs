using FundingWeb.Core.Cluster;
using Microsoft.Extensions.Logging;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// A node that does not lead alerts still shows them: the Alerts page's rules, states and values, the header's firing
/// count and the toasts. It re-reads them from the database when the leader (or a user on any node) says something
/// changed, on every tick, and after its listener reconnects. One re-read at a time; asks that arrive meanwhile fold
/// into one more.
/// </summary>
public sealed partial class AlertMonitor
{
    private long _lastEventId;
    private int _followRequests;

    private void OnMessage(ClusterMessage message)
    {
        switch (message.Kind)
        {
            case ClusterMessage.Rules when IsLeading:
                _ = ReloadRulesQuietlyAsync();
                break;
            case ClusterMessage.Rules or ClusterMessage.Alerts when !IsLeading:
                _ = FollowAsync();
                break;
        }
    }

    private void OnResync()
    {
        if (!IsLeading) _ = FollowAsync();
    }

    private async Task ReloadRulesQuietlyAsync()
    {
        try { await ReloadRulesAsync(_stopping.Token).ConfigureAwait(false); }
        catch (OperationCanceledException) { }
        catch (Exception e) { _logger.LogError(e, "Reloading alert rules failed"); }
    }

    /// <summary>Never throws; at most one runs, and one more after it if asked meanwhile.</summary>
    private async Task FollowAsync()
    {
        if (Interlocked.Increment(ref _followRequests) > 1) return;
        try
        {
            do
            {
                Volatile.Write(ref _followRequests, 1);
                await FollowOnceAsync(_stopping.Token).ConfigureAwait(false);
            }
            while (Interlocked.Decrement(ref _followRequests) > 0 && !_stopping.IsCancellationRequested);
        }
        catch (OperationCanceledException)
        {
            Volatile.Write(ref _followRequests, 0);
        }
        catch (Exception e)
        {
            Volatile.Write(ref _followRequests, 0);
            _logger.LogError(e, "Following the alert leader failed");
        }
    }

    private async Task FollowOnceAsync(CancellationToken cancellationToken)
    {
        if (IsLeading) return;
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        var news = await repository.GetEventsAfterAsync(_lastEventId, AlertFeed.Capacity, cancellationToken).ConfigureAwait(false);
        if (news.Count > 0)
        {
            _lastEventId = news[^1].Id;
            feed.Publish(news.Select(e => e.Transition).ToList());
        }
        // Rules, states or a webhook's progress changed: pages re-read even without a new transition.
        feed.NotifyChanged();
    }
}
