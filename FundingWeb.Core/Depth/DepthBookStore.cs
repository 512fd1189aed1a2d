using System.Collections.Concurrent;

namespace FundingWeb.Core.Depth;

/// <summary>
/// The latest full book (or pool state) per market, in memory, for slippage: the table keeps only bands. A book replaces the
/// previous one of its market only when it is newer, so a slow answer never brings back an older book.
/// </summary>
public sealed class DepthBookStore
{
    private readonly ConcurrentDictionary<(string Venue, string Symbol), OrderBook> _books = new();
    private readonly ConcurrentDictionary<(string Venue, string Symbol), PoolState> _pools = new();
    private readonly ConcurrentDictionary<string, DepthVenueStatus> _status = new(StringComparer.OrdinalIgnoreCase);

    public void Set(OrderBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        _books.AddOrUpdate(Key(book.Venue, book.Symbol), book, (_, old) => book.FetchedAtMs >= old.FetchedAtMs ? book : old);
    }

    public void Set(PoolState pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        _pools.AddOrUpdate(Key(pool.Venue, pool.Symbol), pool, (_, old) => pool.FetchedAtMs >= old.FetchedAtMs ? pool : old);
    }

    public OrderBook? Book(string venue, string symbol) => _books.TryGetValue(Key(venue, symbol), out var b) ? b : null;

    public PoolState? Pool(string venue, string symbol) => _pools.TryGetValue(Key(venue, symbol), out var p) ? p : null;

    public IReadOnlyList<OrderBook> Books(string venue) => _books.Values.Where(b => string.Equals(b.Venue, venue, StringComparison.OrdinalIgnoreCase)).ToList();

    public void SetStatus(DepthVenueStatus status) => _status[status.Venue] = status;

    public DepthVenueStatus? Status(string venue) => _status.TryGetValue(venue, out var s) ? s : null;

    public IReadOnlyList<DepthVenueStatus> Statuses => _status.Values.OrderBy(s => s.Venue, StringComparer.Ordinal).ToList();

    // Venue ids are lower case everywhere; symbols keep the venue's own spelling.
    private static (string, string) Key(string venue, string symbol) => (venue.ToLowerInvariant(), symbol);
}
