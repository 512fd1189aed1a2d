using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Depth;

/// <summary>What one depth round read from a venue.</summary>
/// <param name="Attempted">Symbols asked for, in order, whether they answered or not (the rotation moves past both).</param>
/// <param name="Errors">Markets whose book could not be read, with why; the others still count.</param>
/// <param name="VenueError">Why the round stopped early because the venue itself looked down; null when it did not.</param>
public sealed record DepthBatch(
    IReadOnlyList<OrderBook> Books,
    IReadOnlyList<PoolState> Pools,
    IReadOnlyList<string> Attempted,
    IReadOnlyList<MarketError> Errors,
    string? VenueError = null);
