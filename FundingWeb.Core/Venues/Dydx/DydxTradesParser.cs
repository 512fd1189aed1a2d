using System.Text.Json;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Dydx;

/// <summary>
/// Realised liquidations from <c>GET /trades/perpetualMarket/{ticker}</c>: the trades whose <c>type</c> is
/// LIQUIDATED or DELEVERAGED (NOTES §2.1 (f), TradeType enum [V]); ordinary LIMIT/TWAP trades are dropped.
/// </summary>
public static class DydxTradesParser
{
    public static IReadOnlyList<LiquidationEvent> ParseLiquidations(JsonElement root, string ticker)
    {
        var events = new List<LiquidationEvent>();
        foreach (var trade in DydxJson.RequiredArray(root, "trades", $"trades {ticker}").EnumerateArray())
        {
            var type = trade.ValueKind == JsonValueKind.Object && trade.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()
                : null;
            if (type is not ("LIQUIDATED" or "DELEVERAGED")) continue;
            try
            {
                var price = JsonNumbers.RequiredDouble(trade, "price");
                var size = JsonNumbers.RequiredDouble(trade, "size");
                events.Add(new LiquidationEvent(JsonNumbers.RequiredString(trade, "id"), ticker, DydxJson.RequiredTimeMs(trade, "createdAt"),
                    LiquidatedSide(JsonNumbers.RequiredString(trade, "side")), price, size, price * size, type));
            }
            catch (FormatException)
            {
                // A liquidation we cannot read is left out of the overlay rather than failing the funding poll.
            }
        }
        return events;
    }

    /// <summary>
    /// A trade's <c>side</c> is the taker's, and the liquidated (or deleveraged) account is the taker: a BUY closes a
    /// short, a SELL closes a long. Inferred from how dYdX matches liquidation orders [I], not stated in the notes.
    /// </summary>
    public static LiquidationSide LiquidatedSide(string takerSide) => takerSide switch
    {
        "BUY" => LiquidationSide.Short,
        "SELL" => LiquidationSide.Long,
        _ => throw new FormatException($"unknown trade side '{takerSide}'"),
    };
}
