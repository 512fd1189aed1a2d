using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Ingest;

/// <summary>
/// Turns poll outcomes into a <see cref="VenueStatus"/>. A venue is stale from its first failure, or while its own data
/// lags by more than <c>staleAfter</c>, until a poll succeeds with fresh data. Error rate is over the last 50 polls.
/// </summary>
/// <param name="initial">Where a venue's status stood when this tracker takes it over (a standby becoming leader); null: unknown.</param>
public sealed class VenueStatusTracker(string venue, TimeSpan staleAfter, VenueStatus? initial = null)
{
    private const int Window = 50;
    private readonly Queue<bool> _recent = new();
    private VenueStatus _status = initial is { } s && s.Venue == venue ? s : VenueStatus.Unknown(venue);

    public VenueStatus Current => _status;

    /// <param name="marketsRead">Active markets this poll read; zero makes the venue degraded (it answers, but nothing on the screen comes from it). Null: not known, left as it was.</param>
    public VenueStatus Success(long nowMs, double latencyMs, long? dataLagMs, IReadOnlyList<MarketError> marketErrors, int? marketsRead = null)
    {
        Record(true);
        var unreadable = marketErrors.Where(e => !e.Kept).ToList();
        var notes = marketErrors.Where(e => e.Kept).ToList();
        var degraded = marketsRead is 0;
        var failed = unreadable.Select(e => e.Symbol).Distinct(StringComparer.Ordinal).Count();
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
            LastError = marketErrors.Count > 0 ? Describe(unreadable, notes) : _status.LastError,
            LastErrorMs = marketErrors.Count > 0 ? nowMs : _status.LastErrorMs,
            DegradedSinceMs = marketsRead is null ? _status.DegradedSinceMs : degraded ? _status.DegradedSinceMs ?? nowMs : null,
            DegradedReason = marketsRead is null ? _status.DegradedReason : degraded
                ? failed == 0 ? "lists no active markets" : $"no readable markets: {failed} of {failed} failed: {string.Join("; ", unreadable.Take(3).Select(e => $"{e.Symbol}: {e.Reason}"))}"
                : null,
        };
        return _status;
    }

    private static string Describe(List<MarketError> unreadable, List<MarketError> notes)
    {
        static string List(List<MarketError> errors) => string.Join("; ", errors.Take(3).Select(e => $"{e.Symbol}: {e.Reason}"));
        var parts = new List<string>(2);
        if (unreadable.Count > 0) parts.Add($"{unreadable.Count} market(s) unreadable: {List(unreadable)}");
        if (notes.Count > 0) parts.Add($"{notes.Count} market(s) read with a note: {List(notes)}");
        return string.Join(" · ", parts);
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
