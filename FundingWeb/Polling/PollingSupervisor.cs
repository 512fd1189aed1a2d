using FundingWeb.Core.Cluster;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;

namespace FundingWeb.Polling;

/// <summary>
/// Runs one <see cref="VenuePoller"/> per venue of the feed while this node leads that venue, and stops them together.
/// On one machine it leads every venue from the start. With several pollers on PostgreSQL each venue has one leader: a
/// standby waits for the lease, and when it wins it first loads the venue's last stored state (so its pages, its alert
/// evaluation and the status counts carry on from where the old leader left them), then polls and backfills the gap.
/// </summary>
public sealed class PollingSupervisor(VenueClientCatalog catalog, VenueIngestor ingestor, VenueBackfill backfill, TimeProvider time, ILoggerFactory loggers,
    ILeadership? leadership = null, LiveSnapshotLoader? loader = null, MarketHub? hub = null) : IHostedService
{
    private readonly List<VenuePoller> _pollers = [];
    private readonly List<Task> _terms = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger = loggers.CreateLogger<PollingSupervisor>();

    /// <summary>The pollers running now (one per venue this node leads).</summary>
    public IReadOnlyList<VenuePoller> Pollers
    {
        get { lock (_pollers) return [.. _pollers]; }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var election = leadership ?? new SingleNodeLeadership();
        foreach (var target in catalog.Targets)
        {
            var first = election.AcquireAsync(LeaseNames.Venue(target.Client.Venue.Id), _stopping.Token);
            // One machine leads at once: its pollers are running when StartAsync returns, as they always were.
            VenuePoller? started = null;
            if (first.IsCompletedSuccessfully) started = await StartPollerAsync(target, cancellationToken).ConfigureAwait(false);
            _terms.Add(LeadAsync(election, target, first, started));
        }
    }

    private async Task LeadAsync(ILeadership election, PollTarget target, Task<ILease> first, VenuePoller? started)
    {
        var pending = first;
        while (!_stopping.IsCancellationRequested)
        {
            ILease lease;
            try { lease = await pending.ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
            await using (lease.ConfigureAwait(false))
            {
                var poller = started ?? await StartPollerAsync(target, _stopping.Token).ConfigureAwait(false);
                started = null;
                using var term = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, lease.Lost);
                try { await Task.Delay(Timeout.Infinite, term.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) { }
                await StopPollerAsync(poller).ConfigureAwait(false);
                if (!_stopping.IsCancellationRequested) _logger.LogWarning("{Venue}: lost the polling lease; standing by", target.Client.Venue.Id);
            }
            pending = election.AcquireAsync(LeaseNames.Venue(target.Client.Venue.Id), _stopping.Token);
        }
        try { await (await pending.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false); }
        catch (OperationCanceledException) { }
    }

    private async Task<VenuePoller> StartPollerAsync(PollTarget target, CancellationToken cancellationToken)
    {
        var venue = target.Client.Venue.Id;
        VenueStatus? initial = null;
        if (loader is not null && hub is not null && ingestor.SharesLiveState)
        {
            try
            {
                if (await loader.LoadAsync(venue, cancellationToken).ConfigureAwait(false) is var (snapshot, _))
                {
                    hub.Publish(current => current.WithVenue(snapshot with { Venue = target.Client.Venue }, time.GetUtcNow().ToUnixTimeMilliseconds()));
                    initial = snapshot.Status;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning("{Venue}: could not load its last state ({Error}); starting afresh", venue, ex.Message);
            }
        }
        var poller = new VenuePoller(target, ingestor, backfill, time, loggers.CreateLogger<VenuePoller>(), initial);
        lock (_pollers) _pollers.Add(poller);
        await poller.StartAsync(cancellationToken).ConfigureAwait(false);
        return poller;
    }

    private async Task StopPollerAsync(VenuePoller poller)
    {
        await poller.StopAsync(CancellationToken.None).ConfigureAwait(false);
        lock (_pollers) _pollers.Remove(poller);
        poller.Dispose();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        // Like a BackgroundService: the host's shutdown deadline ends the wait, it is not an error of this service.
        await Task.WhenAny(Task.WhenAll(_terms), Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
    }
}
