using System.Diagnostics;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.Venues;

namespace FundingWeb.Polling;

/// <summary>
/// Polls one venue on its own interval. Its failures are its own: they mark this venue stale with a reason and never
/// delay or stop another venue's poller. Settled history is backfilled after the first good poll and after a recovery.
/// </summary>
/// <param name="initial">The status the venue was left in (by this node's last run or another node's), so counts carry on.</param>
public sealed class VenuePoller(PollTarget target, VenueIngestor ingestor, VenueBackfill backfill, TimeProvider time, ILogger<VenuePoller> logger,
    VenueStatus? initial = null)
    : BackgroundService
{
    private string? _lastCause;
    private readonly VenueStatusTracker _tracker = new(target.Client.Venue.Id, target.Settings.StaleAfter, initial);

    public VenueStatus Status => _tracker.Current;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var venue = target.Client.Venue;
        var pipeline = PollResilience.Build(target.Settings, time);
        var needsBackfill = true;
        Task backfillTask = Task.CompletedTask;
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            var wait = target.Settings.Interval;
            try
            {
                var poll = await pipeline.ExecuteAsync(static (client, ct) => new ValueTask<VenuePoll>(client.PollAsync(ct)), target.Client, stoppingToken);
                var status = await ingestor.IngestAsync(venue, poll, _tracker, time.GetElapsedTime(started).TotalMilliseconds, stoppingToken);
                Core.Telemetry.FundingMetrics.PollDuration.Record(time.GetElapsedTime(started).TotalMilliseconds, Core.Telemetry.FundingMetrics.Venue(venue.Id, "outcome", "ok"));
                // A degraded venue (it answers, but no market was readable) is not back yet: its backfill waits for a readable poll.
                if (needsBackfill && !status.IsStale && status.DegradedSinceMs is null && backfillTask.IsCompleted)
                {
                    needsBackfill = false;
                    backfillTask = BackfillAsync(poll.Markets, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                if (ex is VenueRateLimitedException limited && limited.RetryAfter > wait) wait = limited.RetryAfter;
                var reason = PollResilience.Describe(ex);
                if (ex is Polly.CircuitBreaker.BrokenCircuitException && _lastCause is not null) reason += $" (last failure: {_lastCause})";
                else _lastCause = reason;
                logger.LogWarning("{Venue} poll failed: {Reason}", venue.Id, reason);
                Core.Telemetry.FundingMetrics.PollFailures.Add(1, Core.Telemetry.FundingMetrics.Venue(venue.Id));
                Core.Telemetry.FundingMetrics.PollDuration.Record(time.GetElapsedTime(started).TotalMilliseconds, Core.Telemetry.FundingMetrics.Venue(venue.Id, "outcome", "failed"));
                needsBackfill = true;
                await RecordFailureAsync(reason, time.GetElapsedTime(started).TotalMilliseconds, stoppingToken);
            }

            var remaining = wait - time.GetElapsedTime(started);
            try
            {
                await Task.Delay(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(10), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await backfillTask.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task RecordFailureAsync(string reason, double latencyMs, CancellationToken stoppingToken)
    {
        try
        {
            await ingestor.FailAsync(target.Client.Venue, _tracker, reason, latencyMs, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "{Venue}: could not record the failure", target.Client.Venue.Id);
        }
    }

    private async Task BackfillAsync(IReadOnlyList<Market> markets, CancellationToken stoppingToken)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var rows = await backfill.RunAsync(target.Client, markets, target.Settings.BackfillDays, stoppingToken);
            logger.LogInformation("{Venue}: backfilled {Rows} history rows for {Markets} markets in {Ms} ms",
                target.Client.Venue.Id, rows, markets.Count, stopwatch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "{Venue}: backfill failed; it is retried after the next recovery", target.Client.Venue.Id);
        }
    }
}
