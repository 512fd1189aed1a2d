using System.Text.Json;
using FundingWeb.Core.Depth;

namespace FundingWeb.Core.Venues.Lighter;

/// <summary>
/// <c>GET /api/v1/orderBookOrders?market_id=&amp;limit=</c> (NOTES §4.1 e) answers resting orders one by one (L3):
/// <c>{code, total_asks, asks: [{order_index, order_id, owner_account_index, initial_base_amount, remaining_base_amount, price,
/// order_expiry, transaction_time}], total_bids, bids: […]}</c> (the public client's <c>OrderBookOrders</c>/<c>SimpleOrder</c>
/// models). Orders at one price are summed into a level by their <c>remaining_base_amount</c>; a filled order (0 remaining)
/// adds nothing. No book time is given: the fetch time stands.
/// </summary>
public static class LighterBookParser
{
    public static OrderBook Parse(JsonElement root, string symbol, long fetchedAtMs, string source)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number
            && code.TryGetInt32(out var c) && c != 200)
        {
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            throw new FormatException($"orderBookOrders answered code {c}{(string.IsNullOrWhiteSpace(message) ? "" : ": " + message)}");
        }
        var bids = BookLevelReader.FromObjects(BookLevelReader.Side(root, "bids"), "bids", "price", "remaining_base_amount");
        var asks = BookLevelReader.FromObjects(BookLevelReader.Side(root, "asks"), "asks", "price", "remaining_base_amount");
        return OrderBook.Create(VenueIds.Lighter, symbol, bids, asks, fetchedAtMs, fetchedAtMs, source);
    }
}
