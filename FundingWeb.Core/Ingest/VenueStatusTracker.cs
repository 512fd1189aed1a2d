using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Ingest;

/// <summary>
/// Turns poll outcomes into a <see cref="VenueStatus"/>. A venue is stale from its first failure, or while its own data
/// lags by more than <c>staleAfter</c>, until a poll succeeds with fresh data. Error rate is over the last 50 polls.
/// </summary>
public sealed class VenueStatusTracker(string venue, TimeSpan staleAfter)
{
    private const int Window = 50;
    private readonly Queue<bool> _recent = new();
    private VenueStatus _status = VenueStatus.Unknown(venue);

    public VenueStatus Current => _status;

    /// <summary>Restores counters and times from the database after a restart.</summary>
    public void Restore(VenueStatus stored) => _status = stored with { StaleSinceMs = stored.StaleSinceMs ?? stored.LastSuccessMs, StaleReason = "restarted; waiting for the first poll" };

    public VenueStatus Success(long nowMs, double latencyMs, long? dataLagMs, IReadOnlyList<MarketError> marketErrors)
    {
        Record(true);
        var lagging = dataLagMs is { } lag && lag > staleAfter.TotalMilliseconds;
        string? reason = lagging ? $"venue data lagging by {dataLagMs / 1000d:0} s" : null;
        if (!lagging && marketErrors.Count > 0)
        {
            // Some markets failing is worth showing but does not make the venue stale.
            reason = null;
        }
        _status = _status with
        {
            LastSuccessMs = lagging ? _status.LastSuccessMs : nowMs,
            StaleSinceMs = lagging ? _status.StaleSinceMs ?? nowMs : null,
            StaleReason = reason,
            LatencyMs = latencyMs,
            ErrorRate = ErrorRate(),
            Polls = _status.Polls + 1,
            DataLagMs = dataLagMs,
            LastError = marketErrors.Count > 0 ? $"{marketErrors.Count} market(s) unreadable: {string.Join("; ", marketErrors.Take(3).Select(e => $"{e.Symbol}: {e.Reason}"))}" : _status.LastError,
            LastErrorMs = marketErrors.Count > 0 ? nowMs : _status.LastErrorMs,
        };
        return _status;
    }

    public VenueStatus Failure(long nowMs, double latencyMs, string reason)
    {
        Record(false);
        _status = _status with
        {
            StaleSinceMs = _status.StaleSinceMs ?? nowMs,
            StaleReason = reason,
            LastError = reason,
            LastErrorMs = nowMs,
            LatencyMs = latencyMs,
            ErrorRate = ErrorRate(),
            Polls = _status.Polls + 1,
            Failures = _status.Failures + 1,
        };
        return _status;
    }

    private void Record(bool ok)
    {
        _recent.Enqueue(ok);
        while (_recent.Count > Window) _recent.Dequeue();
    }

    private double ErrorRate() => _recent.Count == 0 ? 0 : _recent.Count(ok => !ok) / (double)_recent.Count;
}
