using System.Text.Json;
using FundingWeb.Core.Depth;

namespace FundingWeb.Core.Venues.Dydx;

/// <summary><c>GET /orderbooks/perpetualMarket/{ticker}</c> (NOTES §2.1 e): <c>{bids: [{price, size}], asks: […]}</c>, no time of its own.</summary>
public static class DydxBookParser
{
    public static OrderBook Parse(JsonElement root, string ticker, long fetchedAtMs, string source)
    {
        var bids = BookLevelReader.FromObjects(BookLevelReader.Side(root, "bids"), "bids", "price", "size");
        var asks = BookLevelReader.FromObjects(BookLevelReader.Side(root, "asks"), "asks", "price", "size");
        return OrderBook.Create(VenueIds.Dydx, ticker, bids, asks, fetchedAtMs, fetchedAtMs, source);
    }
}
