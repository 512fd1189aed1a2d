using System.Text.Json;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Paradex;

/// <summary>One page of <c>GET /funding/data</c>: rows plus the cursor to the next page.</summary>
public sealed record ParadexFundingPage(IReadOnlyList<ParadexFundingSample> Rows, string? Next, int SkippedRows);

public static class ParadexFundingDataParser
{
    /// <param name="fallbackPeriodHours">The market's period from <c>/markets</c>, used only for a row that lacks its own.</param>
    public static ParadexFundingPage Parse(JsonElement root, double fallbackPeriodHours)
    {
        var results = ParadexJson.Results(root, "/funding/data");
        var rows = new List<ParadexFundingSample>(results.GetArrayLength());
        var skipped = 0;
        foreach (var row in results.EnumerateArray())
        {
            try
            {
                rows.Add(ParseRow(row, fallbackPeriodHours));
            }
            catch (FormatException)
            {
                // History is best effort row by row; one bad sample must not lose the hour around it.
                skipped++;
            }
        }
        var next = root.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() is { Length: > 0 } cursor ? cursor : null;
        return new ParadexFundingPage(rows, next, skipped);
    }

    /// <summary>
    /// One row (a REST result or a <c>funding_data</c> message's <c>data</c>). Rate and time are required; the index and
    /// premium are read when present and readable, and otherwise left null: the hour then falls back to the sample.
    /// </summary>
    public static ParadexFundingSample ParseRow(JsonElement row, double fallbackPeriodHours)
    {
        if (row.ValueKind != JsonValueKind.Object) throw new FormatException("row is not an object");
        var period = JsonNumbers.OptionalDouble(row, "funding_period_hours") ?? fallbackPeriodHours;
        return new ParadexFundingSample(
            ParadexJson.OptionalString(row, "market") ?? "",
            JsonNumbers.RequiredInt64(row, "created_at"),
            JsonNumbers.RequiredDouble(row, "funding_rate"),
            period > 0 ? period : fallbackPeriodHours,
            Lenient(row, "funding_index"),
            Lenient(row, "funding_premium"));
    }

    private static double? Lenient(JsonElement row, string property) =>
        row.TryGetProperty(property, out var e) && JsonNumbers.TryGetDouble(e, out var value) ? value : null;
}
