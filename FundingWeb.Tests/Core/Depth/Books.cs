using FundingWeb.Core.Depth;

namespace FundingWeb.Tests.Core.Depth;

/// <summary>Hand-made books the depth tests walk by hand.</summary>
public static class Books
{
    /// <summary>
    /// Mid 100: bids 99.5 × 2 ($199), 99 × 4 ($396), 98 × 10 ($980); asks 100.5 × 2 ($201), 101 × 3 ($303), 102 × 10 ($1,020).
    /// </summary>
    public static OrderBook Hand(string venue = "hyperliquid", string symbol = "BTC", long timeMs = 1_000, long? fetchedAtMs = null) =>
        OrderBook.Create(venue, symbol,
            [new(99.5, 2), new(99, 4), new(98, 10)],
            [new(100.5, 2), new(101, 3), new(102, 10)],
            timeMs, fetchedAtMs ?? timeMs, "test://hand");

    public static OrderBook Of(IEnumerable<BookLevel> bids, IEnumerable<BookLevel> asks) =>
        OrderBook.Create("hyperliquid", "BTC", bids, asks, 1_000, 1_000, "test://table");
}
