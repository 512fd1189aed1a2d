using System.Text;

namespace FundingWeb.Tests.Hosting;

/// <summary>
/// Seeded generator of hostile HTTP requests for <see cref="HttpFuzzTests"/>: route parameters and query values drawn from
/// the edge of every family (huge, negative, NaN, dates at the edges, control characters, unicode, markup, formulas,
/// redirects, very long strings, repeated parameters), under the app's own parameter names and made-up ones.
/// </summary>
/// <param name="baseUrl">Requests carry absolute URLs: a path like "//x" must reach the app, not a host named x.</param>
public sealed class HostileRequests(Random random, string baseUrl, IReadOnlyList<HostileRequests.Route> routes, string shareToken)
{
    public sealed record Route(string Pattern, string[] Methods);

    private static readonly string[] Names =
    [
        "asset", "venues", "venue", "range", "from", "to", "basis", "window", "rule", "side", "notional", "leverage", "hours", "delay",
        "set", "return", "returnUrl", "ReturnUrl", "error", "kind", "format", "token", "id", "bins", "limit", "page", "x", "",
    ];

    private static readonly string[] Values =
    [
        "", " ", "0", "-1", "1", "-0", "NaN", "nan", "Infinity", "-Infinity", "∞", "1e308", "1e309", "-1e309", "4.9e-324", "0x7fffffff",
        "9223372036854775807", "-9223372036854775808", "18446744073709551616", "99999999999999999999999999999", "2147483648",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "0001-01-01",
        "10000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "1970-01-01T00:00:00Z", "2015-01-01T00:00:00Z", "now", "-62135596800000",
        "\0", "\t", "\r\n", "\n", "\x7f", "\x01\x02", "\u0085", "\u2028", "\u200b", "\u202e", "\ufeff", "\ufffd", "€", "𝔘𝔫𝔦", "ÉTH", "汉字",
        "<script>alert(1)</script>", "\"'><img src=x onerror=alert(1)>", "=HYPERLINK(\"http://evil.example\")", "+cmd", "@SUM(1)",
        "../../etc/passwd", "/\t/example.com", "//example.com", "/\\example.com", "https://example.com", "javascript:alert(1)", "%00", "%",
        "'; DROP TABLE market;--", "BTC", "btc", "ETH", "dydx", "hyperliquid,dydx,gmx", ",,,,", "7d", "1y", "1h", "custom", "apr", "apy",
        "8h", "1h", "24h", "long", "short", "light", "dark", "csv", "json", "quoted", "settled", "true", "null", "undefined", "[]", "{}",
    ];

    public HttpRequestMessage Next()
    {
        var route = routes[random.Next(routes.Count)];
        var method = random.Next(20) == 0 ? Pick(["HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"]) : route.Methods[random.Next(route.Methods.Length)];
        var url = baseUrl + Path(route.Pattern) + Query();
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH") request.Content = Body();
        return request;
    }

    /// <summary>The route once with no query: what the warm-up sends.</summary>
    public HttpRequestMessage Plain(Route route) => new(HttpMethod.Get, baseUrl + Path(route.Pattern));

    private string Path(string pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path.Append('/');
            if (segment.StartsWith('{')) path.Append(segment.Contains("**") ? RandomPath() : RouteValue());
            else path.Append(random.Next(10) == 0 ? segment.ToUpperInvariant() : segment);
        }
        if (random.Next(10) == 0) path.Append('/');
        return path.Length == 0 ? "/" : path.ToString();
    }

    private string RouteValue() => random.Next(6) switch
    {
        0 => shareToken,
        1 => Escape(Value()),
        2 => new string('A', random.Next(1, 3000)),
        _ => Convert.ToBase64String(Bytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('='),
    };

    private string RandomPath() => string.Join('/', Enumerable.Range(0, random.Next(1, 5)).Select(_ => Escape(Value()))) + Pick([".js", ".css", ".png", "", ".map"]);

    private string Query()
    {
        var count = random.Next(0, 8);
        if (count == 0) return "";
        var parts = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var name = random.Next(8) == 0 ? Escape(Value()) : Pick(Names);
            // Repeated parameters: the same name again with another value.
            var repeats = random.Next(6) == 0 ? random.Next(2, 5) : 1;
            for (var r = 0; r < repeats; r++) parts.Add(name + "=" + Encoded(Value()));
        }
        // Malformed escapes the client leaves as they are: a lone or truncated percent and invalid UTF-8.
        if (random.Next(8) == 0) parts.Add(Pick(Names) + "=" + Pick(["%", "%zz", "%C3", "%C3%28", "%FF%FE", "%E2%82", "%ED%A0%80"]));
        return "?" + string.Join('&', parts);
    }

    private HttpContent Body()
    {
        if (random.Next(3) == 0)
        {
            // A form the framework cannot even read: NUL, broken escapes, a huge field.
            var raw = Pick(["a=%00", "returnUrl=%00&name=%zz", "name=" + new string('x', 200_000), "%%%", "=&=&=", "__RequestVerificationToken=x&password=%C3"]);
            return new StringContent(raw, Encoding.UTF8, "application/x-www-form-urlencoded");
        }
        var fields = Enumerable.Range(0, random.Next(0, 6)).Select(_ => new KeyValuePair<string, string>(Pick(Names), Value()));
        return new FormUrlEncodedContent(fields);
    }

    private string Value() => random.Next(24) switch
    {
        0 => new string(Pick(["a", ",", "%", "9", "é", "\0"])[0], random.Next(100, 3000)),
        1 => string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(Values))),
        2 => random.NextDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "e" + random.Next(-400, 400),
        3 => (random.NextInt64(long.MinValue, long.MaxValue)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Pick(Values),
    };

    /// <summary>Query values escaped as a browser would, which leaves the parser to decode every hostile character.</summary>
    private static string Encoded(string value) => Escape(value);

    private static string Escape(string value)
    {
        try
        {
            return Uri.EscapeDataString(value);
        }
        catch (UriFormatException)
        {
            return "x";
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private byte[] Bytes(int n)
    {
        var bytes = new byte[n];
        random.NextBytes(bytes);
        return bytes;
    }
}
