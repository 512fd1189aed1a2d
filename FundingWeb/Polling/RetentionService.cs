using FundingWeb.Core.Cluster;
using FundingWeb.Core.Storage;
using Microsoft.Extensions.Options;

namespace FundingWeb.Polling;

/// <summary>
/// Hourly: thins poll-cadence rows (venue series and CEX reference rates) past the raw window to hourly, and drops history past its window. With several
/// nodes only the holder of the retention lease does it; on PostgreSQL it also creates the coming months' partitions and
/// drops the months past the window.
/// </summary>
public sealed class RetentionService(MarketDataRepository repository, IOptions<StorageOptions> options, TimeProvider time, ILogger<RetentionService> logger,
    ILeadership? leadership = null, ReferenceRateRepository? references = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var election = leadership ?? new SingleNodeLeadership();
        // Not at startup: the first polls and the backfill come first.
        try { await Task.Delay(TimeSpan.FromMinutes(2), time, stoppingToken); } catch (OperationCanceledException) { return; }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var lease = await election.AcquireAsync(LeaseNames.Retention, stoppingToken);
                using var term = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
                using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
                do
                {
                    await RunOnceAsync(term.Token);
                }
                while (await timer.WaitForNextTickAsync(term.Token));
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Lost the retention lease; standing by");
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = time.GetUtcNow();
            var historyCutoff = (now - options.Value.HistoryRetention).ToUnixTimeMilliseconds();
            var rawCutoff = (now - options.Value.RawRetention).ToUnixTimeMilliseconds();
            var removed = await repository.ApplyRetentionAsync(rawCutoff, historyCutoff, cancellationToken);
            if (references is not null) removed += await references.ApplyRetentionAsync(rawCutoff, historyCutoff, cancellationToken);
            if (removed > 0) logger.LogInformation("Retention removed {Rows} rows", removed);
            if (repository.Factory is PostgresConnectionFactory postgres)
            {
                var created = PostgresPartitions.Ensure(postgres, time, options.Value.HistoryRetention);
                var dropped = PostgresPartitions.DropBefore(postgres, historyCutoff);
                if (created + dropped > 0) logger.LogInformation("Partitions: {Created} months created, {Dropped} dropped", created, dropped);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Retention failed; it runs again in an hour");
        }
    }
}
