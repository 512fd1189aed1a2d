using System.Text.Json;
using System.Text.Json.Serialization;

namespace FundingWeb.Model.Charts;

/// <summary>
/// Data for the chart module, serialised with one process-wide set of options. Each circuit's JS runtime has its own
/// serializer options, so every type it serialises by reflection builds its metadata and accessor methods again in that
/// circuit (measured: ~130 KB per Funding circuit for the chart types). Wrapped here, the circuit serialises one type
/// through one converter, and the chart types' metadata is built once for the process. The JSON is the same as before.
/// </summary>
[JsonConverter(typeof(ChartPayloadConverter))]
public sealed class ChartPayload(object? value)
{
    /// <summary>camelCase like the JS runtime's own options, so charts.js reads the same names.</summary>
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { MaxDepth = 32 };

    public object? Value { get; } = value;
}

internal sealed class ChartPayloadConverter : JsonConverter<ChartPayload>
{
    public override ChartPayload Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("chart payloads only go to the browser");

    public override void Write(Utf8JsonWriter writer, ChartPayload value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Value, value.Value?.GetType() ?? typeof(object), ChartPayload.Options);
}
