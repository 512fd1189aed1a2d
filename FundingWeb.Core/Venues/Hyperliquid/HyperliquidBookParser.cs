using System.Text.Json;
using FundingWeb.Core.Depth;

namespace FundingWeb.Core.Venues.Hyperliquid;

/// <summary>
/// <c>POST /info {"type":"l2Book","coin":…}</c> (NOTES §1.1 e): <c>{coin, levels: [bids[], asks[]], time}</c>, each level
/// <c>{px, sz, n}</c> with numbers as strings, about 20 levels a side, time in ms.
/// </summary>
public static class HyperliquidBookParser
{
    public static OrderBook Parse(JsonElement root, string coin, long fetchedAtMs, string source)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException($"l2Book is not an object: {root.ValueKind}");
        var levels = BookLevelReader.Side(root, "levels");
        if (levels.GetArrayLength() != 2) throw new FormatException($"field 'levels' has {levels.GetArrayLength()} sides, not [bids, asks]");
        if (levels[0].ValueKind != JsonValueKind.Array || levels[1].ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("field 'levels' is not two arrays of levels");
        }
        var bids = BookLevelReader.FromObjects(levels[0], "bids", "px", "sz");
        var asks = BookLevelReader.FromObjects(levels[1], "asks", "px", "sz");
        var time = root.TryGetProperty("time", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out var ms) && ms > 0 ? ms : fetchedAtMs;
        return OrderBook.Create(VenueIds.Hyperliquid, coin, bids, asks, time, fetchedAtMs, source);
    }
}
