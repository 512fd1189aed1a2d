using System.Text.Json;
using System.Text.Json.Serialization;

namespace FundingWeb.Core.Alerts;

/// <summary>The stored form of a rule: JSON with a "type" discriminator, enums as names, camelCase.</summary>
public static class AlertRuleJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(AlertRule rule) => JsonSerializer.Serialize(rule, Options);

    public static AlertRule Deserialize(string json) =>
        JsonSerializer.Deserialize<AlertRule>(json, Options) ?? throw new JsonException("A rule definition was null.");

    /// <summary>Same rule by content (records holding lists do not compare by value).</summary>
    public static bool SameDefinition(AlertRule a, AlertRule b) => Serialize(a) == Serialize(b);
}
