using FundingWeb.Core.Storage;
using Microsoft.Extensions.Options;

namespace FundingWeb.Polling;

/// <summary>Hourly: thins poll-cadence rows past the raw window to hourly, and drops history past its window.</summary>
public sealed class RetentionService(MarketDataRepository repository, IOptions<StorageOptions> options, TimeProvider time, ILogger<RetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        // Not at startup: the first polls and the backfill come first.
        try { await Task.Delay(TimeSpan.FromMinutes(2), time, stoppingToken); } catch (OperationCanceledException) { return; }
        do
        {
            try
            {
                var now = time.GetUtcNow();
                var removed = await repository.ApplyRetentionAsync(
                    (now - options.Value.RawRetention).ToUnixTimeMilliseconds(),
                    (now - options.Value.HistoryRetention).ToUnixTimeMilliseconds(), stoppingToken);
                if (removed > 0) logger.LogInformation("Retention removed {Rows} rows", removed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Retention failed; it runs again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
