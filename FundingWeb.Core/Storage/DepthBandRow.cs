using FundingWeb.Core.Depth;

namespace FundingWeb.Core.Storage;

/// <summary>One stored depth reading of one market: the bands of <see cref="DepthBands"/>, in their order.</summary>
public sealed record DepthBandRow(
    string Venue,
    string Symbol,
    long TimeMs,
    long? BookTimeMs,
    SlippageKind Kind,
    double Mid,
    double? Spread,
    IReadOnlyList<double> BidUsd,
    IReadOnlyList<double> AskUsd,
    int BidLevels,
    int AskLevels)
{
    public static DepthBandRow FromBook(OrderBook book, DepthBands bands) => new(book.Venue, book.Symbol, book.FetchedAtMs, book.TimeMs,
        SlippageKind.Book, bands.Mid, bands.Spread, bands.BidUsd, bands.AskUsd, book.Bids.Count, book.Asks.Count);

    public static DepthBandRow FromPool(PoolState pool, DepthBands bands) => new(pool.Venue, pool.Symbol, pool.FetchedAtMs, pool.TimeMs,
        SlippageKind.PoolModel, bands.Mid, null, bands.BidUsd, bands.AskUsd, 0, 0);
}
