using System.Text.Json.Nodes;

namespace FundingWeb.Tests.Fixtures.Venues;

/// <summary>
/// Makes a <see cref="LoopbackVenueServer"/> speak GMX v2's oracle API under a path prefix from the derived fixtures:
/// several markets with plausible OI, per-side funding signed as GMX signs it (each side's own view: negative = that
/// side pays, the receiving side scaled by payer OI ÷ receiver OI) and borrowing as a cost, net = funding − borrowing
/// (annualised 1e30), one disabled, one unlisted,
/// one swap-only pool; Arbitrum token addresses and decimals. The recorded markets-info is only a placeholder, so it
/// stays for shape tests. Point the client at <c>server.BaseUrl + prefix</c>, e.g. <c>http://127.0.0.1:5123/gmx</c>.
/// GMX has no REST funding history, so there is nothing to page.
/// </summary>
public static class GmxReplay
{
    public static void Map(LoopbackVenueServer server, string prefix)
    {
        var tickers = JsonNode.Parse(FixtureFiles.Read("gmx", "prices-tickers.derived.json"))!.AsArray();
        server.MapJson("GET", prefix + "/markets/info", FixtureFiles.Read("gmx", "markets-info.derived.json"));
        server.MapJson("GET", prefix + "/tokens", FixtureFiles.Read("gmx", "tokens.derived.json"));
        server.Map("GET", prefix + "/prices/tickers", _ => Task.FromResult<string?>(Fresh(tickers)));
    }

    /// <summary>The oracle updates every second, so a replay that reports an old updatedAt would look stale to the poller.</summary>
    private static string Fresh(JsonArray tickers)
    {
        var copy = tickers.DeepClone().AsArray();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var ticker in copy) ticker!["updatedAt"] = now;
        return copy.ToJsonString();
    }
}
