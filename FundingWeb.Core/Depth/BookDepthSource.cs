using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Depth;

/// <summary>
/// A venue whose books come one market per request: reads markets in order until the round's requests are spent. An answer
/// that does not parse, or a failed request (a 404 for a market the venue no longer lists), costs that market its book this
/// round and is named in the errors; the rotation moves past it. <see cref="MaxFailuresInARow"/> failed requests in a row
/// mean the venue itself is down (timeouts, 5xx): the round stops there and says so, instead of spending a timeout per
/// market. A 429 stops the round at once (the budget is already blocked for the Retry-After).
/// </summary>
public abstract class BookDepthSource : IDepthSource
{
    public const int MaxFailuresInARow = 2;

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
        var failedInARow = 0;
        string? venueError = null;
        foreach (var market in markets)
        {
            if (spent >= maxRequests) break;
            spent++;
            attempted.Add(market.Symbol);
            try
            {
                books.Add(await ReadBookAsync(market, cancellationToken).ConfigureAwait(false));
                failedInARow = 0;
            }
            catch (FormatException ex)
            {
                errors.Add(new MarketError(market.Symbol, "order book: " + ex.Message));
                failedInARow = 0;
            }
            catch (VenueException ex) when (ex is not VenueRateLimitedException)
            {
                errors.Add(new MarketError(market.Symbol, "order book: " + ex.Message));
                if (++failedInARow >= MaxFailuresInARow)
                {
                    venueError = $"stopped after {failedInARow} failed requests in a row: {ex.Message}";
                    break;
                }
            }
        }
        return new DepthBatch(books, [], attempted, errors, venueError);
    }
}
