using System.Globalization;
using System.Text.Json;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Chains;

/// <summary>JSON-RPC 2.0 over the venues' HTTP edge (budget, timeout, 429, garbage → a reason).</summary>
public sealed class JsonRpc(VenueHttp http)
{
    private int _id;

    public string Endpoint => http.BaseUri.ToString();

    /// <summary>The call's <c>result</c>, cloned; an <c>error</c> object or a missing result is a <see cref="VenueException"/> naming the method.</summary>
    public async Task<JsonElement> CallAsync(string method, object[] parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _id);
        using var doc = await http.PostJsonToBaseAsync(new Dictionary<string, object> { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters },
            cancellationToken).ConfigureAwait(false);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new VenueException($"{method}: answer is not a JSON-RPC object");
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var code = error.TryGetProperty("code", out var c) ? c.GetRawText() : "?";
            var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : "no message";
            throw new VenueException($"{method}: RPC error {code}: {Trim(message)}");
        }
        if (!root.TryGetProperty("result", out var result)) throw new VenueException($"{method}: answer has no result");
        return result.Clone();
    }

    /// <summary>0x-prefixed hex quantity (EVM) → number; false for anything else.</summary>
    public static bool TryHex(JsonElement value, out long number)
    {
        number = 0;
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 2 } text || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) return false;
        return long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out number) && number >= 0;
    }

    public static VenueHttp Http(HttpClient client, ChainOptions options, TimeProvider time, string? baseUrl = null) =>
        new(client, new VenueOptions { BaseUrl = baseUrl ?? options.RpcUrl, RequestsPerMinute = options.RequestsPerMinute, RequestTimeout = options.RequestTimeout }, time);

    private static string Trim(string? text) => text is null ? "" : text.Length <= 160 ? text : text[..160] + "…";
}
