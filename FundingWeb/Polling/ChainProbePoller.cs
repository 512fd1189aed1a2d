using FundingWeb.Core.Chains;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;

namespace FundingWeb.Polling;

/// <summary>
/// Reads every venue's chain on its own cadence and puts the reading into the live snapshot (the venue's funding path is
/// untouched: a chain that cannot be read goes "unknown" with its reason while funding keeps flowing). Each reading is also
/// kept as health history with the venue's poll latency, data lag and error rate of that moment.
/// </summary>
public sealed class ChainProbePoller(ChainProbeCatalog catalog, MarketHub hub, VenueHealthHistory history, TimeProvider time, ILogger<ChainProbePoller> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.Targets.Select(t => RunAsync(t, stoppingToken)));

    private async Task RunAsync(ChainProbeTarget target, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            ChainReading reading;
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                attempt.CancelAfter(target.AttemptTimeout);
                reading = await target.Probe.ProbeAsync(attempt.Token);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Probes report problems in the reading; anything else (a timeout here, a bug) still only makes the chain unknown.
                reading = ChainReading.Unreadable(target.Probe.Chain, time.GetUtcNow().ToUnixTimeMilliseconds(),
                    ex is OperationCanceledException ? $"probe timed out after {target.AttemptTimeout.TotalSeconds:0} s" : $"probe failed: {ex.Message}");
            }
            var snapshot = hub.Publish(current =>
            {
                var venue = current.Venues.TryGetValue(target.Venue.Id, out var v) ? v : VenueSnapshot.Empty(target.Venue);
                return current.WithVenue(venue with { Chain = reading, ChainLimits = target.Limits }, current.AsOfMs);
            });
            try
            {
                if (snapshot.Venues.TryGetValue(target.Venue.Id, out var venueNow)) await history.RecordAsync(venueNow, reading, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "{Venue}: could not record chain health", target.Venue.Id);
            }
            var remaining = target.Interval - time.GetElapsedTime(started);
            try
            {
                await Task.Delay(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(50), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
