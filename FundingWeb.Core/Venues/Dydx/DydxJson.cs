using System.Globalization;
using System.Text.Json;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Dydx;

/// <summary>dYdX's indexer writes times as ISO-8601 strings (NOTES §0); the rest of the app wants UTC Unix ms.</summary>
internal static class DydxJson
{
    public static long RequiredTimeMs(JsonElement obj, string property)
    {
        var text = JsonNumbers.RequiredString(obj, property);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time.ToUnixTimeMilliseconds();
        }
        throw new FormatException($"field '{property}' is not an ISO time: {text}");
    }

    /// <summary>The form the indexer's <c>effectiveBeforeOrAt</c>/<c>toISO</c> parameters take, URL-escaped.</summary>
    public static string IsoParameter(long timeMs) => Uri.EscapeDataString(
        DateTimeOffset.FromUnixTimeMilliseconds(timeMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    /// <summary>Pages of history arrive as <c>{"&lt;name&gt;": [...]}</c>; anything else is a venue failure.</summary>
    public static JsonElement RequiredArray(JsonElement root, string property, string what)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            return array;
        }
        throw new VenueException($"{what}: expected {{\"{property}\": [...]}}");
    }
}
