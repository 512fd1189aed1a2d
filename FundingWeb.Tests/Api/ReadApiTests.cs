using Xunit;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FundingWeb.Tests.Core.Exports;

namespace FundingWeb.Tests.Api;

[Trait("Category", "Slow")]
public class ReadApiTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private const string Window = $"from={ApiServerFixture.From}&to={ApiServerFixture.To}";
    private static readonly long T0 = ApiServerFixture.Day.ToUnixTimeMilliseconds();

    [Fact]
    public async Task Funding_SettledJson_RowsInRangeAtBasis()
    {
        var json = await fixture.Http.GetFromJsonAsync<JsonElement>($"/api/funding?asset=apitest&{Window}&basis=8h");

        Assert.Equal("APITEST", json.GetProperty("asset").GetString());
        Assert.Equal("settled", json.GetProperty("kind").GetString());
        Assert.Equal("8h", json.GetProperty("basis").GetString());
        Assert.Equal("fraction", json.GetProperty("unit").GetString());
        Assert.Equal("2020-01-01T00:00:00.000Z", json.GetProperty("from").GetString());
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(3, json.GetProperty("count").GetInt32());
        Assert.Equal(["dydx", "hyperliquid", "hyperliquid"], rows.Select(r => r.GetProperty("venue").GetString()));
        var first = rows[1];
        Assert.Equal("2020-01-01T01:00:00.000Z", first.GetProperty("time").GetString());
        Assert.Equal(T0 + 3_600_000, first.GetProperty("timeMs").GetInt64());
        Assert.Equal("APITEST", first.GetProperty("symbol").GetString());
        Assert.Equal(-0.0001, first.GetProperty("value").GetDouble(), 12);
        Assert.Equal(-0.0000125, first.GetProperty("rate1h").GetDouble(), 12);
        Assert.Equal(1, first.GetProperty("intervalHours").GetDouble());
    }

    [Fact]
    public async Task Funding_QuotedOneVenue_OnlyThatVenuesQuotes()
    {
        var json = await fixture.Http.GetFromJsonAsync<JsonElement>($"/api/funding?asset=APITEST&venues=dydx&kind=quoted&{Window}&basis=1h");

        var row = Assert.Single(json.GetProperty("rows").EnumerateArray());
        Assert.Equal("quoted", json.GetProperty("kind").GetString());
        Assert.Equal("dydx", row.GetProperty("venue").GetString());
        Assert.Equal(0.000011, row.GetProperty("value").GetDouble(), 12);
    }

    [Fact]
    public async Task Funding_Csv_HeaderBlockColumnsAndNumericNegativeRates()
    {
        using var response = await fixture.Http.GetAsync($"/api/funding?asset=APITEST&venues=hyperliquid&{Window}&basis=1h&format=csv");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("funding-APITEST-2020-01-01-00-00---2020-01-02-00-00-UTC.csv", response.Content.Headers.ContentDisposition!.FileName);
        var rows = Rfc4180.Parse(text);
        Assert.Equal(["# venue: Hyperliquid", "# market: APITEST", "# basis: 1h", "# unit: fraction"], rows.Take(4).Select(r => Assert.Single(r)));
        var data = rows.SkipWhile(r => r[0].StartsWith('#')).ToList();
        Assert.Equal(["time_utc", "venue", "symbol", "value", "rate_1h", "interval_hours"], data[0]);
        Assert.Equal(["2020-01-01T01:00:00.000Z", "hyperliquid", "APITEST", "-0.0000125", "-0.0000125", "1"], data[1]);
        Assert.Equal(["2020-01-01T02:00:00.000Z", "hyperliquid", "APITEST", "0.00002", "0.00002", "1"], data[2]);
        Assert.Equal(3, data.Count);
        Assert.Contains("\r\n2020-01-01T01:00:00.000Z,hyperliquid,APITEST,-0.0000125,", text);
    }

    [Fact]
    public async Task OpenInterest_JsonAndCsv_HourlyRows()
    {
        var json = await fixture.Http.GetFromJsonAsync<JsonElement>($"/api/open-interest?asset=APITEST&{Window}");
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("usd", json.GetProperty("unit").GetString());
        var dydx = rows.Single(r => r.GetProperty("venue").GetString() == "dydx");
        Assert.Equal(125000.5, dydx.GetProperty("usd").GetDouble());
        Assert.Equal(65000.5, dydx.GetProperty("shortUsd").GetDouble());
        Assert.Equal(JsonValueKind.Null, rows.Single(r => r.GetProperty("venue").GetString() == "hyperliquid").GetProperty("longUsd").ValueKind);

        var csv = Rfc4180.Parse(await fixture.Http.GetStringAsync($"/api/open-interest?asset=APITEST&venues=dydx&{Window}&format=csv"))
            .SkipWhile(r => r[0].StartsWith('#')).ToList();
        Assert.Equal(["time_utc", "venue", "symbol", "base", "usd", "long_usd", "short_usd"], csv[0]);
        Assert.Equal(["2020-01-01T02:00:00.000Z", "dydx", "APITEST-USD", "2.5", "125000.5", "60000", "65000.5"], Assert.Single(csv.Skip(1)));
    }

    [Fact]
    public async Task Liquidations_JsonAndCsv_EventsWithVenueAndEscapedIds()
    {
        var json = await fixture.Http.GetFromJsonAsync<JsonElement>($"/api/liquidations?asset=APITEST&{Window}");
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["liq-1", "=cmd"], rows.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("long", rows[0].GetProperty("side").GetString());
        Assert.Equal(25000, rows[0].GetProperty("notionalUsd").GetDouble());

        var one = await fixture.Http.GetFromJsonAsync<JsonElement>($"/api/liquidations?asset=APITEST&venue=dydx&{Window}");
        Assert.Equal("dydx", Assert.Single(one.GetProperty("rows").EnumerateArray()).GetProperty("venue").GetString());

        var text = await fixture.Http.GetStringAsync($"/api/liquidations?asset=APITEST&venue=dydx&{Window}&format=csv");
        var csv = Rfc4180.Parse(text).SkipWhile(r => r[0].StartsWith('#')).ToList();
        Assert.Equal(["time_utc", "venue", "symbol", "id", "side", "price", "size_base", "notional_usd", "kind"], csv[0]);
        Assert.Equal(["2020-01-01T03:00:00.000Z", "dydx", "APITEST-USD", "'=cmd", "short", "51000", "1", "51000", "DELEVERAGED"], Assert.Single(csv.Skip(1)));
    }

    [Theory]
    [InlineData("/api/funding?range=7d", "asset")]
    [InlineData("/api/funding?asset=BTC%20OR%201=1", "asset")]
    [InlineData("/api/funding?asset=BTC&range=2w", "range")]
    [InlineData("/api/funding?asset=BTC&kind=predicted", "kind")]
    [InlineData("/api/funding?asset=BTC&basis=daily", "basis")]
    [InlineData("/api/funding?asset=BTC&format=xml", "format")]
    [InlineData("/api/funding?asset=BTC&venues=hyperliquid,binance", "venues")]
    [InlineData("/api/funding?asset=BTC&from=yesterday&to=2020-01-02T00:00:00Z", "from")]
    [InlineData("/api/funding?asset=BTC&from=2020-01-01T00:00:00Z", "to")]
    [InlineData("/api/funding?asset=BTC&from=2020-01-02T00:00:00Z&to=2020-01-01T00:00:00Z", "from")]
    [InlineData("/api/funding?asset=BTC&range=7d&from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z", "range")]
    [InlineData("/api/funding?asset=BTC&vneues=dydx", "vneues")]
    [InlineData("/api/funding?asset=BTC&asset=ETH", "asset")]
    [InlineData("/api/open-interest?asset=BTC&basis=apr", "basis")]
    [InlineData("/api/liquidations?asset=BTC&venue=dydx,gmx", "venue")]
    [InlineData("/api/liquidations?asset=BTC&venues=dydx", "venues")]
    public async Task Endpoints_BadParameter_400NamingIt(string url, string parameter)
    {
        using var response = await fixture.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Contains($"'{parameter}'", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("/api/funding")]
    [InlineData("/api/open-interest")]
    [InlineData("/api/liquidations")]
    public async Task Endpoints_NothingFound_200EmptyRowsAndHeaderOnlyCsv(string path)
    {
        var json = await fixture.Http.GetFromJsonAsync<JsonElement>($"{path}?asset=NOSUCHASSET&range=24h");
        Assert.Equal(0, json.GetProperty("count").GetInt32());
        Assert.Empty(json.GetProperty("rows").EnumerateArray());

        using var response = await fixture.Http.GetAsync($"{path}?asset=APITEST&from=2019-01-01T00:00:00Z&to=2019-01-02T00:00:00Z&format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Rfc4180.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("time_utc", Assert.Single(rows, r => !r[0].StartsWith('#'))[0]);
    }

    [Fact]
    public async Task Funding_OneRowOverTheBound_400AskingForAShorterRange()
    {
        using var response = await fixture.Http.GetAsync($"/api/funding?asset=APIBIG&{Window}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("range", error.GetProperty("parameter").GetString());
        Assert.Contains($"more than {ApiServerFixture.MaxRows} rows", error.GetProperty("message").GetString());
        Assert.Contains("shorter range", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Funding_ExactlyAtTheBound_200AllRows()
    {
        var json = await fixture.Http.GetFromJsonAsync<JsonElement>($"/api/funding?asset=APIFULL&{Window}&format=json");

        Assert.Equal(ApiServerFixture.MaxRows, json.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task Funding_PresetRangeOnLiveSimulator_200WithRecentSettledRows()
    {
        var rows = await FundingWeb.Tests.Fixtures.Eventually.GetAsync<string>(async () =>
        {
            var json = await fixture.Http.GetFromJsonAsync<JsonElement>("/api/funding?asset=BTC&range=6h");
            return json.GetProperty("count").GetInt32() > 0 ? json.GetRawText() : null;
        }, TimeSpan.FromSeconds(30), "backfilled BTC settled funding");

        var times = JsonDocument.Parse(rows).RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("timeMs").GetInt64()).ToList();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.All(times, t => Assert.InRange(t, now - 7 * 3_600_000L, now + 60_000));
    }
}
