using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Depth;

/// <summary>
/// One venue's public depth: order books for book venues, pool states for GMX. Live sources sit on the venue's HTTP edge with
/// their own share of its request budget; the simulator's answers from the simulated world.
/// </summary>
public interface IDepthSource
{
    string Venue { get; }

    /// <summary>
    /// Reads <paramref name="markets"/> in order, spending at most <paramref name="maxRequests"/> requests. A market whose answer
    /// is unreadable is reported in <see cref="DepthBatch.Errors"/>; a failure of the whole venue (timeout, 429, 5xx) throws
    /// <see cref="VenueException"/>.
    /// </summary>
    Task<DepthBatch> ReadAsync(IReadOnlyList<Market> markets, int maxRequests, CancellationToken cancellationToken);
}
