using FundingWeb.Core.Ingest;

namespace FundingWeb.Polling;

/// <summary>Starts one <see cref="VenuePoller"/> per venue of the feed and stops them together.</summary>
public sealed class PollingSupervisor(VenueClientCatalog catalog, VenueIngestor ingestor, VenueBackfill backfill, TimeProvider time, ILoggerFactory loggers)
    : IHostedService
{
    private readonly List<VenuePoller> _pollers = [];

    public IReadOnlyList<VenuePoller> Pollers => _pollers;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var target in catalog.Targets)
        {
            var poller = new VenuePoller(target, ingestor, backfill, time, loggers.CreateLogger<VenuePoller>());
            _pollers.Add(poller);
            await poller.StartAsync(cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_pollers.Select(p => p.StopAsync(cancellationToken)));
        foreach (var poller in _pollers) poller.Dispose();
    }
}
