using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FundingWeb.Tests.Fixtures.Venues;

/// <summary>
/// Makes a <see cref="LoopbackVenueServer"/> speak Lighter's REST API under a path prefix, from the derived fixtures
/// (several markets, one inactive; funding-rates with other exchanges' rows mixed in).
/// Point the client at <c>server.BaseUrl + prefix</c>, e.g. <c>http://127.0.0.1:5123/lighter</c>.
/// </summary>
public static class LighterReplay
{
    /// <param name="faults">Optional: fundings requests that fail (404).</param>
    public static void Map(LoopbackVenueServer server, string prefix, HistoryFaults? faults = null)
    {
        var details = FixtureFiles.Read("lighter", "orderBookDetails.derived.json");
        var rates = FixtureFiles.Read("lighter", "funding-rates.derived.json");
        var pattern = JsonNode.Parse(FixtureFiles.Read("lighter", "fundings.derived.json"))!["fundings"]!.AsArray();
        var marketIds = JsonNode.Parse(details)!["order_book_details"]!.AsArray()
            .Select(m => (long)m!["market_id"]!).ToHashSet();

        server.MapJson("GET", prefix + "/api/v1/orderBookDetails", details);
        server.MapJson("GET", prefix + "/api/v1/funding-rates", rates);
        server.Map("GET", prefix + "/api/v1/fundings", context => Task.FromResult<string?>(faults?.Fails() == true ? null : Fundings(context.Request.Query, pattern, marketIds)));
    }

    /// <summary>
    /// Hourly settlements inside [start_timestamp, end_timestamp] (seconds, both inclusive), the latest count_back of them,
    /// oldest first. Values tile the recorded 48-hour pattern so any window, now or in the past, has realistic rows.
    /// </summary>
    public static string Fundings(IQueryCollection query, JsonArray pattern, IReadOnlySet<long> marketIds)
    {
        var marketId = Long(query, "market_id");
        var start = Long(query, "start_timestamp");
        var end = Long(query, "end_timestamp");
        var countBack = Long(query, "count_back");
        var rows = new JsonArray();
        if (marketIds.Contains(marketId))
        {
            var first = (start + 3599) / 3600 * 3600;
            var hours = new List<long>();
            for (var t = first; t <= end; t += 3600) hours.Add(t);
            foreach (var t in hours.Skip(Math.Max(0, hours.Count - (int)countBack)))
            {
                var row = pattern[(int)((t / 3600 + marketId) % pattern.Count)]!.DeepClone();
                row["timestamp"] = t;
                rows.Add(row);
            }
        }
        return new JsonObject { ["code"] = 200, ["resolution"] = "1h", ["fundings"] = rows }.ToJsonString();
    }

    private static long Long(IQueryCollection query, string name) =>
        long.TryParse(query[name].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
