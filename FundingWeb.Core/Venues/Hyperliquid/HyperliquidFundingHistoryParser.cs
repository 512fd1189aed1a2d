using System.Text.Json;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Hyperliquid;

/// <summary>One row of <c>fundingHistory</c>: <c>{coin, fundingRate, premium?, time}</c>, time in Unix ms.</summary>
public sealed record HyperliquidSettlement(string Coin, long TimeMs, double Rate);

public static class HyperliquidFundingHistoryParser
{
    /// <summary>
    /// Parses one page. A row without a readable rate or time is skipped rather than failing the page: history has no
    /// per-row error channel, and one broken row must not block a backfill for ever (it stays a visible gap).
    /// <c>premium</c> is optional (missing in the 2026 sample's third row) and not needed.
    /// </summary>
    public static IReadOnlyList<HyperliquidSettlement> ParsePage(JsonElement root, string coin)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new VenueException($"fundingHistory {coin}: expected an array, got {root.ValueKind}");
        }
        var rows = new List<HyperliquidSettlement>(root.GetArrayLength());
        foreach (var row in root.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Object) continue;
            try
            {
                rows.Add(new HyperliquidSettlement(coin, JsonNumbers.RequiredInt64(row, "time"), JsonNumbers.RequiredDouble(row, "fundingRate")));
            }
            catch (FormatException)
            {
                // Skipped on purpose, see the summary.
            }
        }
        return rows;
    }
}
