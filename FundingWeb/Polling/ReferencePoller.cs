using FundingWeb.Core.Ingest;
using FundingWeb.Core.Reference;
using FundingWeb.Core.Venues;

namespace FundingWeb.Polling;

/// <summary>
/// Polls the CEX reference feed on its own cadence, apart from the venue pollers: its failures mark only the feed stale
/// (with the reason) and leave its last readings on screen; no venue waits for it or sees its errors.
/// </summary>
public sealed class ReferencePoller(IReferenceRateSource source, ReferenceIngestor ingestor, ReferenceOptions options, TimeProvider time,
    ILogger<ReferencePoller> logger) : BackgroundService
{
    private readonly VenueStatusTracker _tracker = new(ReferenceFeed.FeedId, options.EffectiveInterval * 3);

    private TimeSpan _retryAfter;

    public VenueStatus Status => _tracker.Current;

    /// <summary>One poll: read, then ingest or record the failure. Never throws but for cancellation.</summary>
    public async Task<VenueStatus> PollOnceAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        string reason;
        try
        {
            var reading = await source.ReadAsync(cancellationToken).ConfigureAwait(false);
            return await ingestor.IngestAsync(reading, _tracker, time.GetElapsedTime(started).TotalMilliseconds, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            if (ex is VenueRateLimitedException limited) _retryAfter = limited.RetryAfter;
            reason = PollResilience.Describe(ex);
        }
        logger.LogWarning("CEX reference poll failed: {Reason}", reason);
        try
        {
            return await ingestor.FailAsync(_tracker, reason, time.GetElapsedTime(started).TotalMilliseconds, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "CEX reference: could not record the failure");
            return _tracker.Current;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!options.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            try
            {
                await PollOnceAsync(stoppingToken);
                // A 429's Retry-After can be longer than the cadence: the feed waits it out rather than ask again early.
                var wait = _retryAfter > options.EffectiveInterval ? _retryAfter : options.EffectiveInterval;
                _retryAfter = TimeSpan.Zero;
                var remaining = wait - time.GetElapsedTime(started);
                await Task.Delay(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(50), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
