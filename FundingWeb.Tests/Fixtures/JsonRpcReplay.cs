using System.Globalization;
using System.Text.Json;

namespace FundingWeb.Tests.Fixtures;

/// <summary>
/// A JSON-RPC chain on the loopback server, written from the public specs (Ethereum JSON-RPC, Starknet OpenRPC, Chainlink's
/// AggregatorV3 ABI): the test sets the head, the settled block, the sequencer feed, or an answer to return instead.
/// </summary>
public sealed class JsonRpcReplay
{
    public long HeadNumber { get; set; } = 1_000;
    public long HeadSeconds { get; set; }
    public long? SettledSeconds { get; set; }
    public int? SequencerAnswer { get; set; }
    public long SequencerStartedAt { get; set; }

    /// <summary>Methods (or "method:tag") answered with a JSON-RPC error object.</summary>
    public HashSet<string> Failing { get; } = [];

    /// <summary>A raw body to answer every call with (garbage, a bare array...).</summary>
    public string? Raw { get; set; }

    public void MapEvm(LoopbackVenueServer server, string path) => server.Map("POST", path, async context =>
    {
        using var doc = await JsonDocument.ParseAsync(context.Request.Body);
        return Raw ?? Answer(doc.RootElement, Evm);
    });

    public void MapStarknet(LoopbackVenueServer server, string path) => server.Map("POST", path, async context =>
    {
        using var doc = await JsonDocument.ParseAsync(context.Request.Body);
        return Raw ?? Answer(doc.RootElement, Starknet);
    });

    private string Answer(JsonElement request, Func<string, JsonElement, object?> respond)
    {
        var id = request.GetProperty("id").GetRawText();
        var method = request.GetProperty("method").GetString()!;
        var parameters = request.GetProperty("params");
        var tag = parameters.GetArrayLength() > 0 && parameters[0].ValueKind == JsonValueKind.String ? parameters[0].GetString()
            : parameters.GetArrayLength() > 0 && parameters[0].ValueKind == JsonValueKind.Object && parameters[0].TryGetProperty("block_id", out var b) ? b.GetString() : null;
        if (Failing.Contains(method) || (tag is not null && Failing.Contains($"{method}:{tag}")))
        {
            return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":-32602,\"message\":\"unsupported block tag\"}}";
        }
        var result = respond(method, parameters);
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + JsonSerializer.Serialize(result) + "}";
    }

    private object? Evm(string method, JsonElement parameters)
    {
        static string Hex(long v) => "0x" + v.ToString("x", CultureInfo.InvariantCulture);
        if (method == "eth_getBlockByNumber")
        {
            var tag = parameters[0].GetString();
            if (tag == "latest") return new Dictionary<string, string> { ["number"] = Hex(HeadNumber), ["timestamp"] = Hex(HeadSeconds) };
            return SettledSeconds is { } s ? new Dictionary<string, string> { ["number"] = Hex(HeadNumber - 100), ["timestamp"] = Hex(s) } : null;
        }
        if (method == "eth_call" && SequencerAnswer is { } answer)
        {
            static string Word(long v) => v.ToString("x64", CultureInfo.InvariantCulture);
            return "0x" + Word(7) + Word(answer) + Word(SequencerStartedAt) + Word(SequencerStartedAt) + Word(7);
        }
        return null;
    }

    private object? Starknet(string method, JsonElement parameters)
    {
        if (method != "starknet_getBlockWithTxHashes") return null;
        var tag = parameters[0].GetProperty("block_id").GetString();
        if (tag == "latest") return new Dictionary<string, object> { ["block_number"] = HeadNumber, ["timestamp"] = HeadSeconds, ["status"] = "ACCEPTED_ON_L2" };
        return SettledSeconds is { } s ? new Dictionary<string, object> { ["block_number"] = HeadNumber - 40, ["timestamp"] = s, ["status"] = "ACCEPTED_ON_L1" } : null;
    }
}
