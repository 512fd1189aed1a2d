using FundingWeb.Core.Depth;

namespace FundingWeb.Core.Venues.Simulator;

/// <summary>A simulated venue's depth behind the same interface as a live one: books, or pools for GMX, and the fault knob.</summary>
public sealed class SimulatedDepthSource(SimulatedWorld world, string venueId) : IDepthSource
{
    public string Venue => venueId;

    public Task<DepthBatch> ReadAsync(IReadOnlyList<Market> markets, int maxRequests, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (world.IsFailing(venueId)) throw new VenueException("simulated fault: the venue's API is failing (fault knob on)");
        var books = new List<OrderBook>();
        var pools = new List<PoolState>();
        var errors = new List<MarketError>();
        var attempted = new List<string>();
        foreach (var market in markets.Take(Math.Max(0, maxRequests)))
        {
            attempted.Add(market.Symbol);
            if (world.Book(venueId, market.Symbol) is { } book) books.Add(book);
            else if (world.Pool(venueId, market.Symbol) is { } pool) pools.Add(pool);
            else errors.Add(new MarketError(market.Symbol, "no simulated book for this market"));
        }
        return Task.FromResult(new DepthBatch(books, pools, attempted, errors));
    }
}
