using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Depth;

/// <summary>
/// A venue whose books come one market per request: reads markets in order until the round's requests are spent. An answer
/// that does not parse costs that market its book this round (named in the errors); the venue failing as a whole stops the
/// round and throws, keeping the books already read out of it so nothing half-read is mistaken for a round.
/// </summary>
public abstract class BookDepthSource : IDepthSource
{
    public abstract string Venue { get; }

    /// <summary>Requests spent before the first book (Lighter's market-id lookup), within the same budget.</summary>
    protected virtual Task<int> PrepareAsync(IReadOnlyList<Market> markets, int maxRequests, CancellationToken cancellationToken) => Task.FromResult(0);

    protected abstract Task<OrderBook> ReadBookAsync(Market market, CancellationToken cancellationToken);

    public async Task<DepthBatch> ReadAsync(IReadOnlyList<Market> markets, int maxRequests, CancellationToken cancellationToken)
    {
        var spent = await PrepareAsync(markets, maxRequests, cancellationToken).ConfigureAwait(false);
        var books = new List<OrderBook>();
        var attempted = new List<string>();
        var errors = new List<MarketError>();
        foreach (var market in markets)
        {
            if (spent >= maxRequests) break;
            spent++;
            attempted.Add(market.Symbol);
            try
            {
                books.Add(await ReadBookAsync(market, cancellationToken).ConfigureAwait(false));
            }
            catch (FormatException ex)
            {
                errors.Add(new MarketError(market.Symbol, "order book: " + ex.Message));
            }
        }
        return new DepthBatch(books, [], attempted, errors);
    }
}
