namespace FundingWeb.Core.Venues;

/// <summary>
/// The one place a failing history page becomes a gap instead of an exception that loses the pages already read.
/// Every paging client reads each page through <see cref="ReadAsync{T}"/>, saying which stretch would stay unread if that
/// page failed (the rest of the range for a loop whose next page depends on this one; only the page's own window for a
/// loop of fixed windows). The client keeps the rows that arrived and hands <see cref="Gaps"/> back in its
/// <see cref="VenueHistory"/>.
/// </summary>
public sealed class HistoryPages
{
    private readonly List<HistoryGap> _gaps = [];

    public IReadOnlyList<HistoryGap> Gaps => _gaps;

    /// <summary>The venue said 429: every further page would be refused too, so the caller stops rather than hammers.</summary>
    public bool RateLimited { get; private set; }

    /// <summary>
    /// One page: its rows, or null when it failed (a venue error, a timeout, a body of the wrong shape), in which case
    /// [<paramref name="unreadFromMs"/>, <paramref name="unreadToMs"/>] is recorded as a gap with the reason.
    /// Cancellation is not a failure of the venue and propagates.
    /// </summary>
    public async Task<T?> ReadAsync<T>(Func<Task<T>> readPage, long unreadFromMs, long unreadToMs) where T : class
    {
        try
        {
            return await readPage().ConfigureAwait(false);
        }
        catch (VenueException ex)
        {
            RateLimited |= ex is VenueRateLimitedException;
            Record(unreadFromMs, unreadToMs, ex.Reason);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            // A body of the wrong shape (a JsonElement read as the wrong kind) is a failed page like any other.
            Record(unreadFromMs, unreadToMs, "unreadable page: " + ex.Message);
        }
        return null;
    }

    /// <summary>Records a stretch as unread; an empty or inverted stretch is nothing to read again.</summary>
    public void Record(long fromMs, long toMs, string reason)
    {
        if (toMs < fromMs) return;
        _gaps.Add(new HistoryGap(fromMs, toMs, reason));
        _gaps.Sort((a, b) => a.FromMs.CompareTo(b.FromMs));
    }
}
