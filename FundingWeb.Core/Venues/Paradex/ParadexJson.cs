using System.Text.Json;

namespace FundingWeb.Core.Venues.Paradex;

/// <summary>Paradex wraps every list in <c>{"results": [...]}</c>; anything else means the venue changed shape.</summary>
internal static class ParadexJson
{
    public static JsonElement Results(JsonElement root, string endpoint)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            throw new VenueException($"unexpected shape from {endpoint}: no 'results' array");
        }
        return results;
    }

    public static string? OptionalString(JsonElement obj, string property) =>
        obj.TryGetProperty(property, out var e) && e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } s ? s : null;
}
