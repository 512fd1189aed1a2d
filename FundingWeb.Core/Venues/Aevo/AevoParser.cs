using System.Globalization;
using System.Text.Json;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Aevo;

/// <summary>Reads Aevo's public REST payloads. Shapes follow the API reference examples (NOTES §5.4, all [D]).</summary>
public static class AevoParser
{
    /// <summary>
    /// Aevo's <c>/markets</c> does not reliably carry leverage or maintenance margin [I]; 20× is its common perp cap,
    /// and maintenance is taken as half the initial margin at that cap (0.5 / 20 = 2.5 %).
    /// </summary>
    public const double DefaultMaxLeverage = 20;

    public static IReadOnlyList<AevoInstrument> ParseMarkets(JsonElement root, List<MarketError> errors)
    {
        if (root.ValueKind != JsonValueKind.Array) throw new VenueException("unexpected shape from /markets: not an array");
        var instruments = new List<AevoInstrument>();
        foreach (var row in root.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Object || !IsPerpetual(row)) continue;
            var name = OptionalString(row, "instrument_name") ?? "?";
            if (instruments.Any(i => i.Name == name)) continue;
            try
            {
                JsonNumbers.RequiredString(row, "instrument_name");
                var maxLeverage = JsonNumbers.OptionalDouble(row, "max_leverage") is > 0 and var l ? l : DefaultMaxLeverage;
                instruments.Add(new AevoInstrument(
                    name,
                    (OptionalString(row, "underlying_asset") ?? name.Split('-')[0]).ToUpperInvariant(),
                    JsonNumbers.RequiredDouble(row, "mark_price"),
                    JsonNumbers.OptionalDouble(row, "index_price"),
                    !row.TryGetProperty("is_active", out var active) || active.ValueKind != JsonValueKind.False,
                    maxLeverage,
                    0.5 / maxLeverage));
            }
            catch (FormatException ex)
            {
                errors.Add(new MarketError(name, "/markets: " + ex.Message));
            }
        }
        return instruments;
    }

    // The endpoint is asked for perpetuals only, but a row saying otherwise must never be read as one.
    private static bool IsPerpetual(JsonElement row) =>
        OptionalString(row, "instrument_type") is { } type
            ? type == "PERPETUAL"
            : OptionalString(row, "instrument_name")?.EndsWith("-PERP", StringComparison.Ordinal) == true;

    /// <summary><c>GET /funding</c>: <c>{"funding_rate": "...", "next_epoch": "&lt;ns&gt;"}</c>; next epoch in ms when present.</summary>
    public static (double Rate, long? NextEpochMs) ParseFunding(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("/funding answer is not an object");
        var rate = JsonNumbers.RequiredDouble(root, "funding_rate");
        long? next = root.TryGetProperty("next_epoch", out _) ? AevoTime.NsToMs(JsonNumbers.RequiredInt64(root, "next_epoch")) : null;
        return (rate, next);
    }

    /// <summary><c>GET /statistics?asset=&amp;instrument_type=PERPETUAL</c>: open interest <c>open_interest.total</c>, in contracts = base units [I].</summary>
    public static double ParseOpenInterestBase(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("open_interest", out var oi) || oi.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("required field 'open_interest' is missing");
        }
        return JsonNumbers.RequiredDouble(oi, "total");
    }

    /// <summary><c>GET /funding-history</c>. Malformed rows are skipped and counted: history is best effort row by row.</summary>
    public static (IReadOnlyList<AevoFundingRow> Rows, int Skipped) ParseHistory(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("funding_history", out var history))
        {
            throw new VenueException("unexpected shape from /funding-history: no 'funding_history'");
        }
        // An instrument with no settlements yet may come back as null rather than [].
        if (history.ValueKind == JsonValueKind.Null) return ([], 0);
        if (history.ValueKind != JsonValueKind.Array) throw new VenueException("unexpected shape from /funding-history: not an array");

        var rows = new List<AevoFundingRow>();
        var skipped = 0;
        foreach (var row in history.EnumerateArray())
        {
            if (TryRow(row, out var parsed)) rows.Add(parsed);
            else skipped++;
        }
        return (rows, skipped);
    }

    private static bool TryRow(JsonElement row, out AevoFundingRow parsed)
    {
        parsed = null!;
        if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() < 3) return false;
        var name = row[0].ValueKind == JsonValueKind.String ? row[0].GetString() ?? "" : "";
        var tsText = row[1].ValueKind == JsonValueKind.String ? row[1].GetString() : row[1].GetRawText();
        if (!long.TryParse(tsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ns) || ns <= 0) return false;
        if (!JsonNumbers.TryGetDouble(row[2], out var rate)) return false;
        double? mark = row.GetArrayLength() > 3 && JsonNumbers.TryGetDouble(row[3], out var m) ? m : null;
        parsed = new AevoFundingRow(name, ns, rate, mark);
        return true;
    }

    private static string? OptionalString(JsonElement obj, string property) =>
        obj.TryGetProperty(property, out var e) && e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } s ? s : null;
}
