using System.Text.Json;
using FundingWeb.Core.Depth;

namespace FundingWeb.Core.Venues.Paradex;

/// <summary>
/// <c>GET /orderbook/{market}?depth=</c> (NOTES §3.1 e): <c>{market, seq_no, last_updated_at, asks: [[price, size]], bids: […]}</c>.
/// The spec types the levels only as arrays of strings; price first is inferred [I], and pinned by the replay test.
/// </summary>
public static class ParadexBookParser
{
    public static OrderBook Parse(JsonElement root, string market, long fetchedAtMs, string source)
    {
        var bids = BookLevelReader.FromArrays(BookLevelReader.Side(root, "bids"), "bids");
        var asks = BookLevelReader.FromArrays(BookLevelReader.Side(root, "asks"), "asks");
        var time = root.TryGetProperty("last_updated_at", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out var ms) && ms > 0
            ? ms : fetchedAtMs;
        return OrderBook.Create(VenueIds.Paradex, market, bids, asks, time, fetchedAtMs, source);
    }
}
