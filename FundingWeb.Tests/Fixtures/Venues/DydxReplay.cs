using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FundingWeb.Tests.Fixtures.Venues;

/// <summary>
/// Makes a <see cref="LoopbackVenueServer"/> answer like the dYdX v4 indexer under a path prefix.
/// Use base URL <c>server.BaseUrl + prefix</c> (prefix "/dydx" → <c>http://127.0.0.1:port/dydx</c>, standing in for
/// <c>https://indexer.dydx.trade/v4</c>). For every market of Fixtures/dydx/perpetualMarkets.json:
/// <list type="bullet">
/// <item><c>GET /perpetualMarkets</c>: the recorded file.</item>
/// <item><c>GET /historicalFunding/{ticker}</c>: an hourly series that starts <see cref="SyntheticHoursBeforeRecorded"/>
/// hours before the recorded BTC-USD rows, passes through them at their recorded times and values, and runs on to the
/// current hour (rates and prices cycle through the recorded ones, prices scaled to the market's oracle price).
/// Newest first, <c>limit</c> (≤ 100) and <c>effectiveBeforeOrAt</c> honoured.</item>
/// <item><c>GET /candles/perpetualMarkets/{ticker}?resolution=1HOUR</c>: one candle per hour of the same span, fields
/// from the recorded 1MIN candle, <c>startingOpenInterest</c> equal to the market's recorded <c>openInterest</c> from
/// the recorded candle's hour on and a little lower before; <c>fromISO</c>/<c>toISO</c>/<c>limit</c> honoured.</item>
/// <item><c>GET /trades/perpetualMarket/{ticker}</c>: trades-BTC-USD.derived.json for BTC-USD, no trades elsewhere.</item>
/// </list>
/// </summary>
public static class DydxReplay
{
    public const int SyntheticHoursBeforeRecorded = 1000;
    public const int MaxLimit = 100;
    private const long MsPerHour = 3_600_000;

    /// <param name="faults">Optional: historicalFunding and candles requests that fail (404), counted together in arrival order.</param>
    public static void Map(LoopbackVenueServer server, string prefix, HistoryFaults? faults = null)
    {
        prefix = prefix.TrimEnd('/');
        var marketsJson = FixtureFiles.Read("dydx", "perpetualMarkets.json");
        server.MapJson("GET", prefix + "/perpetualMarkets", marketsJson);
        using var markets = JsonDocument.Parse(marketsJson);
        var btcOracle = Number(markets.RootElement.GetProperty("markets").GetProperty("BTC-USD").GetProperty("oraclePrice"));
        foreach (var market in markets.RootElement.GetProperty("markets").EnumerateObject())
        {
            var ticker = market.Name;
            var scale = Number(market.Value.GetProperty("oraclePrice")) / btcOracle;
            var openInterest = Number(market.Value.GetProperty("openInterest"));
            server.Map("GET", $"{prefix}/historicalFunding/{ticker}", context => Task.FromResult<string?>(faults?.Fails() == true ? null : FundingPage(context.Request.Query, ticker, scale)));
            server.Map("GET", $"{prefix}/candles/perpetualMarkets/{ticker}", context => Task.FromResult(faults?.Fails() == true ? null : CandlesPage(context.Request.Query, ticker, openInterest)));
            var trades = ticker == "BTC-USD" ? FixtureFiles.Read("dydx", "trades-BTC-USD.derived.json") : """{"trades":[]}""";
            server.MapJson("GET", $"{prefix}/trades/perpetualMarket/{ticker}", trades);
        }
    }

    /// <summary>The replay's settlements for one market, oldest first: (effectiveAt ms, rate, oracle price).</summary>
    public static IReadOnlyList<(long TimeMs, string Rate, double Price)> FundingSeries(double priceScale, long nowMs)
    {
        var recorded = Recorded();
        var firstHour = recorded[0].TimeMs / MsPerHour * MsPerHour;
        var lastHour = Math.Max(recorded[^1].TimeMs, nowMs) / MsPerHour * MsPerHour;
        var series = new List<(long, string, double)>();
        var k = 0;
        for (var hour = firstHour - SyntheticHoursBeforeRecorded * MsPerHour; hour <= lastHour; hour += MsPerHour, k++)
        {
            var match = recorded.FindIndex(r => r.TimeMs / MsPerHour * MsPerHour == hour);
            var source = recorded[match >= 0 ? match : k % recorded.Count];
            series.Add((match >= 0 ? source.TimeMs : hour + 100, source.Rate, Math.Round(source.Price * priceScale, 6)));
        }
        return series;
    }

    private static string FundingPage(IQueryCollection query, string ticker, double scale)
    {
        var before = Time(query["effectiveBeforeOrAt"]) ?? long.MaxValue;
        var rows = new JsonArray();
        foreach (var (time, rate, price) in FundingSeries(scale, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).Where(r => r.TimeMs <= before).Reverse().Take(Limit(query)))
        {
            rows.Add(new JsonObject
            {
                ["ticker"] = ticker, ["rate"] = rate, ["price"] = price.ToString(CultureInfo.InvariantCulture),
                ["effectiveAtHeight"] = (66_622_979 + (time - 1765209600219) / 650).ToString(CultureInfo.InvariantCulture), ["effectiveAt"] = Iso(time),
            });
        }
        return new JsonObject { ["historicalFunding"] = rows }.ToJsonString();
    }

    private static string? CandlesPage(IQueryCollection query, string ticker, double openInterest)
    {
        if (query["resolution"] == "1MIN") return FixtureFiles.Read("dydx", "candles-BTC-USD-1MIN.json");
        if (query["resolution"] != "1HOUR") return null;
        using var recordedDoc = JsonDocument.Parse(FixtureFiles.Read("dydx", "candles-BTC-USD-1MIN.json"));
        var template = JsonNode.Parse(recordedDoc.RootElement.GetProperty("candles")[0].GetRawText())!.AsObject();
        var recordedHour = DateTimeOffset.Parse(template["startedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() / MsPerHour * MsPerHour;
        var from = Time(query["fromISO"]) ?? long.MinValue;
        var to = Time(query["toISO"]) ?? long.MaxValue;
        var candles = new JsonArray();
        foreach (var (settledAt, _, _) in FundingSeries(1, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).Reverse())
        {
            var hour = settledAt / MsPerHour * MsPerHour;
            if (hour > to || hour < from) continue;
            var candle = template.DeepClone().AsObject();
            var hoursBefore = Math.Max(0, (recordedHour - hour) / MsPerHour);
            candle["startedAt"] = Iso(hour);
            candle["ticker"] = ticker;
            candle["resolution"] = "1HOUR";
            candle["startingOpenInterest"] = Math.Round(openInterest * (1 - 0.0001 * (hoursBefore % 50)), 4).ToString(CultureInfo.InvariantCulture);
            candles.Add(candle);
            if (candles.Count == Limit(query)) break;
        }
        return new JsonObject { ["candles"] = candles }.ToJsonString();
    }

    private static List<(long TimeMs, string Rate, double Price)> Recorded()
    {
        using var doc = JsonDocument.Parse(FixtureFiles.Read("dydx", "historicalFunding-BTC-USD.json"));
        return doc.RootElement.GetProperty("historicalFunding").EnumerateArray()
            .Select(r => (DateTimeOffset.Parse(r.GetProperty("effectiveAt").GetString()!, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(),
                r.GetProperty("rate").GetString()!, Number(r.GetProperty("price"))))
            .OrderBy(r => r.Item1)
            .ToList();
    }

    private static int Limit(IQueryCollection query) =>
        int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var limit) ? Math.Clamp(limit, 1, MaxLimit) : MaxLimit;

    private static long? Time(string? iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.ToUnixTimeMilliseconds() : null;

    private static string Iso(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static double Number(JsonElement element) => double.Parse(element.GetString()!, CultureInfo.InvariantCulture);
}
