using FundingWeb.Core.Storage;
using Microsoft.Extensions.Options;

namespace FundingWeb.Polling;

/// <summary>Hourly, like <see cref="RetentionService"/>: depth bands past the raw window thinned to hourly, past history dropped.</summary>
public sealed class DepthRetentionService(DepthRepository repository, IOptions<StorageOptions> options, TimeProvider time, ILogger<DepthRetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        try { await Task.Delay(TimeSpan.FromMinutes(2), time, stoppingToken); } catch (OperationCanceledException) { return; }
        do
        {
            try
            {
                var now = time.GetUtcNow();
                var removed = await repository.ApplyRetentionAsync(
                    (now - options.Value.RawRetention).ToUnixTimeMilliseconds(),
                    (now - options.Value.HistoryRetention).ToUnixTimeMilliseconds(), stoppingToken);
                if (removed > 0) logger.LogInformation("Depth retention removed {Rows} rows", removed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Depth retention failed; it runs again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
