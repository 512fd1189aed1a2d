using System.Text.Json;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Dydx;

/// <summary>One <c>historicalFunding</c> row: the 1h rate applied at <c>effectiveAt</c> and the oracle price then.</summary>
public sealed record DydxSettlement(long TimeMs, double Rate, double? OraclePrice);

/// <summary>One 1HOUR candle's open interest at its start, with the candle's own prices as a USD fallback.</summary>
public sealed record DydxOpenInterestCandle(long StartedAtMs, double StartingOpenInterest, double? PriceAtOpen);

/// <summary>
/// Pages of <c>GET /historicalFunding/{ticker}</c> and <c>GET /candles/perpetualMarkets/{ticker}</c>, both newest first.
/// A row with a missing or unreadable field is skipped, not fatal: history has no per-row error channel and one broken
/// row must not block a backfill for ever; the skipped hour stays a visible gap.
/// </summary>
public static class DydxHistoryParser
{
    public static IReadOnlyList<DydxSettlement> ParseFunding(JsonElement root, string ticker)
    {
        var rows = new List<DydxSettlement>();
        foreach (var row in DydxJson.RequiredArray(root, "historicalFunding", $"historicalFunding {ticker}").EnumerateArray())
        {
            try
            {
                rows.Add(new DydxSettlement(DydxJson.RequiredTimeMs(row, "effectiveAt"), JsonNumbers.RequiredDouble(row, "rate"), JsonNumbers.OptionalDouble(row, "price")));
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                // Skipped on purpose, see the summary.
            }
        }
        return rows;
    }

    public static IReadOnlyList<DydxOpenInterestCandle> ParseCandles(JsonElement root, string ticker)
    {
        var rows = new List<DydxOpenInterestCandle>();
        foreach (var row in DydxJson.RequiredArray(root, "candles", $"candles {ticker}").EnumerateArray())
        {
            try
            {
                var price = JsonNumbers.OptionalDouble(row, "orderbookMidPriceOpen") ?? JsonNumbers.OptionalDouble(row, "open");
                rows.Add(new DydxOpenInterestCandle(DydxJson.RequiredTimeMs(row, "startedAt"), JsonNumbers.RequiredDouble(row, "startingOpenInterest"), price));
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                // Skipped on purpose, see the summary.
            }
        }
        return rows;
    }
}
