using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FundingWeb.Tests.Fixtures.Venues;

/// <summary>
/// Makes a <see cref="LoopbackVenueServer"/> answer like Paradex's public REST API under a path prefix.
/// Point the client at <c>server.BaseUrl + prefix + "/v1"</c> (e.g. prefix "/paradex" → ".../paradex/v1").
/// <list type="bullet">
/// <item><c>GET /v1/markets</c>: Fixtures/paradex/markets.derived.json (BTC/ETH/BERA 8 h, HYPER 1 h, OLD listed but unquoted, one option).</item>
/// <item><c>GET /v1/markets/summary</c>: markets-summary.derived.json with <c>created_at</c> moved to the current time.</item>
/// <item><c>GET /v1/funding/data</c>: a generated continuous series, one row every <see cref="SampleSpacingMs"/> ms,
/// around each market's summary rate, newest first, at most <see cref="MaxPageSize"/> rows a page, cursor paginated.
/// Each row carries what the venue's rules make of that rate (NOTES §3.2): premium = rate × the summary's
/// underlying_price, and the funding index as the exact integral of premium ÷ period (<see cref="IndexAt"/>).</item>
/// </list>
/// </summary>
public static class ParadexReplay
{
    public const long SampleSpacingMs = 5 * 60_000;
    public const int MaxPageSize = 1000;
    private const long HistoryDepthMs = 90L * 24 * 3_600_000;

    /// <param name="faults">Optional: funding/data requests that fail (404).</param>
    public static void Map(LoopbackVenueServer server, string prefix, HistoryFaults? faults = null)
    {
        var markets = FixtureFiles.Read("paradex", "markets.derived.json");
        var summary = FixtureFiles.Read("paradex", "markets-summary.derived.json");
        var (rates, periods, prices) = RatesAndPeriods(markets, summary);

        server.MapJson("GET", prefix + "/v1/markets", markets);
        server.Map("GET", prefix + "/v1/markets/summary", _ => Task.FromResult<string?>(Fresh(summary)));
        server.Map("GET", prefix + "/v1/funding/data", context => Task.FromResult(faults?.Fails() == true ? null : FundingData(context, rates, periods, prices)));
    }

    private static string Fresh(string summary)
    {
        var node = JsonNode.Parse(summary)!;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var row in node["results"]!.AsArray()) row!["created_at"] = now;
        return node.ToJsonString();
    }

    /// <summary>The rate the series holds at <paramref name="timeMs"/>: the summary's rate × (1 + 0.25 sin(t / 1 h)).</summary>
    public static double RateAt(double rate, long timeMs) => rate * (1 + 0.25 * Math.Sin(timeMs / 3_600_000d));

    /// <summary>
    /// ∫ premium dt ÷ period for premium = <see cref="RateAt"/> × price: rate × price ÷ period_ms × (t − 0.9e6 cos(t / 1 h)),
    /// counted from a fixed origin so the numbers stay small. Any two rows give the exact accrual between them.
    /// </summary>
    public static double IndexAt(double rate, double price, double periodHours, long timeMs) =>
        rate * price / (periodHours * 3_600_000d) * ((timeMs - IndexOriginMs) - 900_000d * Math.Cos(timeMs / 3_600_000d));

    /// <summary>The hour [h, h + 1 h)'s exact accrual as a fraction of notional: Δindex ÷ price.</summary>
    public static double HourAccrual(double rate, double periodHours, long hourMs) =>
        rate / periodHours * (1 - 0.25 * (Math.Cos((hourMs + 3_600_000d) / 3_600_000d) - Math.Cos(hourMs / 3_600_000d)));

    private const long IndexOriginMs = 1_700_000_000_000;

    private static string? FundingData(HttpContext context, IReadOnlyDictionary<string, double> rates, IReadOnlyDictionary<string, double> periods,
        IReadOnlyDictionary<string, double> prices)
    {
        var query = context.Request.Query;
        var market = query["market"].ToString();
        if (!rates.TryGetValue(market, out var rate)) return """{"next":null,"prev":null,"results":[]}""";
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var start = Math.Max(Long(query["start_at"], now - HistoryDepthMs), now - HistoryDepthMs);
        var end = Math.Min(Long(query["end_at"], now), now);
        var pageSize = (int)Math.Clamp(Long(query["page_size"], 100), 1, MaxPageSize);
        // The cursor is the newest time still to send; the first page starts at the newest aligned sample.
        var newest = query["cursor"].Count > 0 ? Long(query["cursor"], end) : end - end % SampleSpacingMs;

        var rows = new JsonArray();
        var t = newest;
        for (; t >= start && rows.Count < pageSize; t -= SampleSpacingMs)
        {
            var value = RateAt(rate, t);
            rows.Add(new JsonObject
            {
                ["market"] = market,
                ["created_at"] = t,
                ["funding_rate"] = value.ToString("R", CultureInfo.InvariantCulture),
                ["funding_rate_8h"] = (value * 8 / periods[market]).ToString("R", CultureInfo.InvariantCulture),
                ["funding_period_hours"] = periods[market],
                ["funding_index"] = IndexAt(rate, prices[market], periods[market], t).ToString("R", CultureInfo.InvariantCulture),
                ["funding_premium"] = (value * prices[market]).ToString("R", CultureInfo.InvariantCulture),
            });
        }
        var next = t >= start ? t.ToString(CultureInfo.InvariantCulture) : null;
        return new JsonObject { ["next"] = next, ["prev"] = null, ["results"] = rows }.ToJsonString();
    }

    private static long Long(Microsoft.Extensions.Primitives.StringValues value, long fallback) =>
        long.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    private static (Dictionary<string, double> Rates, Dictionary<string, double> Periods, Dictionary<string, double> Prices) RatesAndPeriods(
        string markets, string summary)
    {
        var periods = new Dictionary<string, double>();
        foreach (var m in JsonDocument.Parse(markets).RootElement.GetProperty("results").EnumerateArray())
        {
            periods[m.GetProperty("symbol").GetString()!] = m.GetProperty("funding_period_hours").GetDouble();
        }
        var rates = new Dictionary<string, double>();
        var prices = new Dictionary<string, double>();
        foreach (var s in JsonDocument.Parse(summary).RootElement.GetProperty("results").EnumerateArray())
        {
            var symbol = s.GetProperty("symbol").GetString()!;
            if (periods.ContainsKey(symbol) && s.TryGetProperty("funding_rate", out var r))
            {
                rates[symbol] = double.Parse(r.GetString()!, CultureInfo.InvariantCulture);
                prices[symbol] = double.Parse(s.GetProperty("underlying_price").GetString()!, CultureInfo.InvariantCulture);
            }
        }
        return (rates, periods, prices);
    }
}
