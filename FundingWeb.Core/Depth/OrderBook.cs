namespace FundingWeb.Core.Depth;

/// <summary>
/// One venue's book for one market at one moment, cleaned once: each side best-first (bids high to low, asks low to high),
/// equal prices merged, and every level that cannot be traded (price or size not a positive finite number) left out and
/// counted in <see cref="DroppedLevels"/>. Everything downstream (slippage, bands) trusts this shape.
/// </summary>
/// <param name="TimeMs">The venue's own book time where it gives one, else when it was fetched.</param>
/// <param name="FetchedAtMs">When this app read it.</param>
/// <param name="Source">Endpoint and field it was read from, for the drill-down.</param>
public sealed record OrderBook(
    string Venue,
    string Symbol,
    IReadOnlyList<BookLevel> Bids,
    IReadOnlyList<BookLevel> Asks,
    long TimeMs,
    long FetchedAtMs,
    string Source,
    int DroppedLevels = 0)
{
    /// <summary>Levels kept per side: far beyond any venue's REST depth, so a hostile answer cannot grow memory without bound.</summary>
    public const int MaxLevelsPerSide = 5_000;

    public static OrderBook Create(string venue, string symbol, IEnumerable<BookLevel> bids, IEnumerable<BookLevel> asks,
        long timeMs, long fetchedAtMs, string source)
    {
        var (cleanBids, droppedBids) = Clean(bids, descending: true);
        var (cleanAsks, droppedAsks) = Clean(asks, descending: false);
        return new OrderBook(venue, symbol, cleanBids, cleanAsks, timeMs, fetchedAtMs, source, droppedBids + droppedAsks);
    }

    public double? BestBid => Bids.Count > 0 ? Bids[0].Price : null;

    public double? BestAsk => Asks.Count > 0 ? Asks[0].Price : null;

    public BookState State => (Bids.Count, Asks.Count) switch
    {
        (0, 0) => BookState.Empty,
        (0, _) or (_, 0) => BookState.OneSided,
        _ => Bids[0].Price >= Asks[0].Price ? BookState.Crossed : BookState.Normal,
    };

    /// <summary>(best bid + best ask) ÷ 2; null unless the book is <see cref="BookState.Normal"/>.</summary>
    public double? Mid => State == BookState.Normal ? (Bids[0].Price + Asks[0].Price) / 2 : null;

    /// <summary>(ask − bid) ÷ mid; null without a mid.</summary>
    public double? Spread => Mid is { } mid ? (Asks[0].Price - Bids[0].Price) / mid : null;

    /// <summary>The side a trade walks.</summary>
    public IReadOnlyList<BookLevel> SideFor(TradeSide side) => side == TradeSide.Buy ? Asks : Bids;

    private static (IReadOnlyList<BookLevel> Levels, int Dropped) Clean(IEnumerable<BookLevel> levels, bool descending)
    {
        var dropped = 0;
        var byPrice = new Dictionary<double, double>();
        foreach (var level in levels)
        {
            if (!(level.Price > 0) || !double.IsFinite(level.Price) || !(level.Size > 0) || !double.IsFinite(level.Size)
                || !double.IsFinite(level.Price * level.Size))
            {
                dropped++;
                continue;
            }
            byPrice[level.Price] = byPrice.GetValueOrDefault(level.Price) + level.Size;
        }
        var ordered = descending ? byPrice.OrderByDescending(kv => kv.Key) : byPrice.OrderBy(kv => kv.Key);
        // Sizes summed at one price can overflow where each alone did not: such a level is as unusable as a NaN.
        var kept = ordered.Where(kv => double.IsFinite(kv.Key * kv.Value)).Take(MaxLevelsPerSide)
            .Select(kv => new BookLevel(kv.Key, kv.Value)).ToList();
        return (kept, dropped + byPrice.Count - kept.Count);
    }
}
