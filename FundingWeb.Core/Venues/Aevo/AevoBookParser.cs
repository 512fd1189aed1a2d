using System.Text.Json;
using FundingWeb.Core.Depth;

namespace FundingWeb.Core.Venues.Aevo;

/// <summary>
/// <c>GET /orderbook?instrument_name=</c> (NOTES §5.1 e): <c>{type, instrument_name, bids: [[price, amount, iv]], asks: […],
/// last_updated}</c>, iv only for options, <c>last_updated</c> in nanoseconds as a string.
/// </summary>
public static class AevoBookParser
{
    public static OrderBook Parse(JsonElement root, string instrument, long fetchedAtMs, string source)
    {
        var bids = BookLevelReader.FromArrays(BookLevelReader.Side(root, "bids"), "bids");
        var asks = BookLevelReader.FromArrays(BookLevelReader.Side(root, "asks"), "asks");
        var time = fetchedAtMs;
        if (root.TryGetProperty("last_updated", out var t) && Http.JsonNumbers.TryGetDecimal(t, out var ns) && ns > 0 && ns < long.MaxValue)
        {
            time = AevoTime.NsToMs((long)ns);
        }
        return OrderBook.Create(VenueIds.Aevo, instrument, bids, asks, time, fetchedAtMs, source);
    }
}
