using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FundingWeb.Tests.Fixtures.Venues;

/// <summary>
/// Makes a <see cref="LoopbackVenueServer"/> answer like Aevo's public REST API under a path prefix.
/// Point the client at <c>server.BaseUrl + prefix</c> (Aevo has no version segment; prefix "/aevo" → ".../aevo").
/// <list type="bullet">
/// <item><c>GET /markets</c>: Fixtures/aevo/markets.derived.json (BTC, ETH, DOGE active; SOL inactive; one option to filter out).</item>
/// <item><c>GET /funding?instrument_name=</c>: that instrument's entry in funding.by-instrument.derived.json, next_epoch at the next hour.</item>
/// <item><c>GET /statistics?asset=</c>: that asset's entry in statistics.by-asset.derived.json.</item>
/// <item><c>GET /funding-history</c>: one settlement per hour (nanosecond timestamps) around the instrument's quoted rate,
/// newest first, at most <c>limit</c> (≤ 50) rows inside [start_time, end_time]; page back by end_time.</item>
/// </list>
/// </summary>
public static class AevoReplay
{
    public const int MaxLimit = 50;
    private const long HourMs = 3_600_000;
    private const long HistoryDepthMs = 90L * 24 * HourMs;

    /// <param name="faults">Optional: funding-history requests that fail (404).</param>
    public static void Map(LoopbackVenueServer server, string prefix, HistoryFaults? faults = null)
    {
        var markets = FixtureFiles.Read("aevo", "markets.derived.json");
        var funding = JsonNode.Parse(FixtureFiles.Read("aevo", "funding.by-instrument.derived.json"))!.AsObject();
        var statistics = JsonNode.Parse(FixtureFiles.Read("aevo", "statistics.by-asset.derived.json"))!.AsObject();
        var marks = JsonNode.Parse(markets)!.AsArray()
            .ToDictionary(m => m!["instrument_name"]!.GetValue<string>(), m => m!["mark_price"]!.GetValue<string>());

        server.MapJson("GET", prefix + "/markets", markets);
        server.Map("GET", prefix + "/funding", context =>
        {
            if (funding[context.Request.Query["instrument_name"].ToString()] is not { } entry) return Task.FromResult<string?>(null);
            var copy = entry.DeepClone();
            copy["next_epoch"] = (NextHourMs() * 1_000_000).ToString(CultureInfo.InvariantCulture);
            return Task.FromResult<string?>(copy.ToJsonString());
        });
        server.Map("GET", prefix + "/statistics", context =>
            Task.FromResult(statistics[context.Request.Query["asset"].ToString()]?.ToJsonString()));
        server.Map("GET", prefix + "/funding-history", context => Task.FromResult(faults?.Fails() == true ? null : History(context, funding, marks)));
    }

    private static long NextHourMs()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return now - now % HourMs + HourMs;
    }

    private static string? History(HttpContext context, JsonObject funding, IReadOnlyDictionary<string, string> marks)
    {
        var query = context.Request.Query;
        var name = query["instrument_name"].ToString();
        if (funding[name]?["funding_rate"]?.GetValue<string>() is not { } rateText) return """{"funding_history":[]}""";
        var rate = double.Parse(rateText, CultureInfo.InvariantCulture);
        var nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var startMs = Math.Max(Ns(query["start_time"], nowMs - HistoryDepthMs), nowMs - HistoryDepthMs);
        var endMs = Math.Min(Ns(query["end_time"], nowMs), nowMs);
        var limit = Math.Clamp(int.TryParse(query["limit"], out var l) ? l : 10, 1, MaxLimit);

        var rows = new JsonArray();
        for (var t = endMs - endMs % HourMs; t >= startMs && rows.Count < limit; t -= HourMs)
        {
            var value = rate * (1 + 0.3 * Math.Sin(t / HourMs / 5d));
            rows.Add(new JsonArray(name, (t * 1_000_000).ToString(CultureInfo.InvariantCulture),
                value.ToString("0.##############", CultureInfo.InvariantCulture), marks[name]));
        }
        return new JsonObject { ["funding_history"] = rows }.ToJsonString();
    }

    // Query times are nanoseconds; the replay works in ms. Flooring keeps "end_time = oldest - 1 ns" exclusive.
    private static long Ns(Microsoft.Extensions.Primitives.StringValues value, long fallbackMs) =>
        long.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ns) ? FloorMs(ns) : fallbackMs;

    private static long FloorMs(long ns) => ns >= 0 ? ns / 1_000_000 : (ns - 999_999) / 1_000_000;
}
