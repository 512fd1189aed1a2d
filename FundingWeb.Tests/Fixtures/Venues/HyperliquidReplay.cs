using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FundingWeb.Tests.Fixtures.Venues;

/// <summary>
/// Makes a <see cref="LoopbackVenueServer"/> answer like Hyperliquid's <c>POST /info</c> under a path prefix.
/// Use base URL <c>server.BaseUrl + prefix</c> (for example prefix "/hyperliquid" → <c>http://127.0.0.1:port/hyperliquid</c>);
/// the client appends <c>/info</c>.
/// <list type="bullet">
/// <item><c>metaAndAssetCtxs</c>: Fixtures/hyperliquid/info-metaAndAssetCtxs.2026.derived.json (BTC, ETH, delisted HPOS).</item>
/// <item><c>fundingHistory</c>: for any coin, the recorded 2023 8-hourly rows, then an hourly series that starts
/// <see cref="SyntheticHoursBeforeRecorded"/> hours before the recorded 2026 rows, passes through them at their recorded
/// times and values, and runs on to the current hour (rates cycle through the recorded three), so a backfill for
/// "the last 30 days" finds rows whenever the test runs. Honours startTime/endTime and the 500-row cap, oldest first.</item>
/// </list>
/// </summary>
public static class HyperliquidReplay
{
    public const int SyntheticHoursBeforeRecorded = 1000;
    public const int PageSize = 500;
    private const long MsPerHour = 3_600_000;

    /// <param name="faults">Optional: fundingHistory requests that fail (404), counted alone.</param>
    public static void Map(LoopbackVenueServer server, string prefix, HistoryFaults? faults = null)
    {
        var metaAndAssetCtxs = FixtureFiles.Read("hyperliquid", "info-metaAndAssetCtxs.2026.derived.json");
        server.Map("POST", prefix.TrimEnd('/') + "/info", async context =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var type = body.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
            return type switch
            {
                "metaAndAssetCtxs" => metaAndAssetCtxs,
                "fundingHistory" => faults?.Fails() == true ? null : FundingHistoryPage(body.RootElement),
                _ => null,
            };
        });
    }

    /// <summary>Every row the replay knows for a coin, oldest first (the series the pages are cut from).</summary>
    public static IReadOnlyList<(long TimeMs, string Rate)> FundingSeries(long nowMs)
    {
        var series = new List<(long, string)>();
        foreach (var row in Recorded("info-fundingHistory.2023-8h.json")) series.Add(row);
        var recent = Recorded("info-fundingHistory.2026-1h.json");
        var first = recent[0].TimeMs;
        var last = Math.Max(recent[^1].TimeMs, nowMs - nowMs % MsPerHour);
        for (long time = first - SyntheticHoursBeforeRecorded * MsPerHour, k = 0; time <= last; time += MsPerHour, k++)
        {
            var recorded = recent.FindIndex(r => r.TimeMs == time);
            series.Add((time, recorded >= 0 ? recent[recorded].Rate : recent[(int)(k % recent.Count)].Rate));
        }
        return series;
    }

    private static string FundingHistoryPage(JsonElement request)
    {
        var coin = request.GetProperty("coin").GetString();
        var start = request.GetProperty("startTime").GetInt64();
        var end = request.TryGetProperty("endTime", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt64() : long.MaxValue;
        var page = new JsonArray();
        foreach (var (time, rate) in FundingSeries(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).Where(r => r.TimeMs >= start && r.TimeMs <= end).Take(PageSize))
        {
            page.Add(new JsonObject { ["coin"] = coin, ["fundingRate"] = rate, ["premium"] = "0.0", ["time"] = time });
        }
        return page.ToJsonString();
    }

    private static List<(long TimeMs, string Rate)> Recorded(string file)
    {
        using var doc = JsonDocument.Parse(FixtureFiles.Read("hyperliquid", file));
        return doc.RootElement.EnumerateArray()
            .Select(r => (r.GetProperty("time").GetInt64(), r.GetProperty("fundingRate").GetString()!))
            .ToList();
    }
}
