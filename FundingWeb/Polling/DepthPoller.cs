using FundingWeb.Core.Depth;
using Microsoft.Extensions.Options;

namespace FundingWeb.Polling;

/// <summary>
/// Runs each venue's depth round on its own cadence, apart from the funding poll: a venue whose books fail shows it in its
/// depth status and its funding carries on untouched.
/// </summary>
public sealed class DepthPoller(DepthSourceCatalog catalog, IOptions<DepthOptions> options, TimeProvider time, ILogger<DepthPoller> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Enabled ? Task.WhenAll(catalog.Collectors.Select(c => RunAsync(c, stoppingToken))) : Task.CompletedTask;

    private async Task RunAsync(DepthCollector collector, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var interval = options.Value.PollInterval > TimeSpan.Zero ? options.Value.PollInterval : TimeSpan.FromSeconds(10);
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            try
            {
                var status = await collector.CollectAsync(stoppingToken);
                if (status.LastError is { } error) logger.LogDebug("{Venue} depth: {Error}", collector.Venue, error);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "{Venue}: depth round failed; the next round tries again", collector.Venue);
            }
            var remaining = interval - time.GetElapsedTime(started);
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
