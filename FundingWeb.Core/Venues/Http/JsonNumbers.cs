using System.Globalization;
using System.Text.Json;

namespace FundingWeb.Core.Venues.Http;

/// <summary>
/// Venues send numbers as strings in one place and bare numbers in another; both parse here, invariant culture,
/// through decimal so "0.0000125" stays exactly that before it becomes a double.
/// </summary>
public static class JsonNumbers
{
    public static bool TryGetDecimal(JsonElement element, out decimal value)
    {
        value = 0;
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                if (element.TryGetDecimal(out value)) return true;
                return false;
            case JsonValueKind.String:
                var text = element.GetString();
                return !string.IsNullOrWhiteSpace(text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            default:
                return false;
        }
    }

    /// <summary>For values beyond decimal's range (1e30 fixed point) or where double is enough.</summary>
    public static bool TryGetDouble(JsonElement element, out double value)
    {
        value = 0;
        if (TryGetDecimal(element, out var d))
        {
            value = (double)d;
            return true;
        }
        var text = element.ValueKind switch
        {
            JsonValueKind.Number => element.GetRawText(),
            JsonValueKind.String => element.GetString(),
            _ => null,
        };
        return text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>Optional field: missing, null or empty string give null; a present but unparsable value throws.</summary>
    public static double? OptionalDouble(JsonElement obj, string property)
    {
        if (!obj.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null) return null;
        if (element.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(element.GetString())) return null;
        if (TryGetDouble(element, out var value)) return value;
        throw new FormatException($"field '{property}' is not a number: {element.GetRawText()}");
    }

    /// <summary>Required field: missing or unparsable throws a <see cref="FormatException"/> naming the field.</summary>
    public static double RequiredDouble(JsonElement obj, string property)
    {
        if (!obj.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            throw new FormatException($"required field '{property}' is missing");
        }
        if (TryGetDouble(element, out var value)) return value;
        throw new FormatException($"field '{property}' is not a number: {element.GetRawText()}");
    }

    public static string RequiredString(JsonElement obj, string property)
    {
        if (obj.TryGetProperty(property, out var element) && element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } s)
        {
            return s;
        }
        throw new FormatException($"required field '{property}' is missing");
    }

    public static long RequiredInt64(JsonElement obj, string property)
    {
        if (!obj.TryGetProperty(property, out var element)) throw new FormatException($"required field '{property}' is missing");
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var n)) return n;
        if (element.ValueKind == JsonValueKind.String && long.TryParse(element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n)) return n;
        throw new FormatException($"field '{property}' is not an integer: {element.GetRawText()}");
    }
}
