using System.Text.Json;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Depth;

/// <summary>
/// Reads the level shapes venues use (<c>[price, size, …]</c> arrays, <c>{price, size}</c> objects), numbers as strings or bare.
/// Strict where a level is garbage (not a number, a negative or zero price, a negative size: the whole book is refused, so a
/// walk never runs on a book with a hole in it), lenient where the venue means "nothing here" (size 0: the level is skipped).
/// </summary>
public static class BookLevelReader
{
    /// <summary>An array of levels under <paramref name="property"/>; a missing or null side is an empty one only when <paramref name="optional"/>.</summary>
    public static JsonElement Side(JsonElement root, string property, bool optional = false)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException($"the book is not an object: {Kind(root)}");
        if (!root.TryGetProperty(property, out var side) || side.ValueKind == JsonValueKind.Null)
        {
            if (optional) return default;
            throw new FormatException($"required field '{property}' is missing");
        }
        if (side.ValueKind != JsonValueKind.Array) throw new FormatException($"field '{property}' is not an array: {Kind(side)}");
        return side;
    }

    /// <summary>Levels written as arrays, price first and size second (Paradex, Aevo); further items (Aevo's iv) are ignored.</summary>
    public static List<BookLevel> FromArrays(JsonElement side, string what) => Read(side, what, level =>
    {
        if (level.ValueKind != JsonValueKind.Array || level.GetArrayLength() < 2) throw new FormatException($"{what}: a level is not [price, size]: {Kind(level)}");
        return (level[0], level[1]);
    });

    /// <summary>Levels written as objects with a price and a size field (dYdX <c>price/size</c>, Hyperliquid <c>px/sz</c>).</summary>
    public static List<BookLevel> FromObjects(JsonElement side, string what, string priceField, string sizeField) => Read(side, what, level =>
    {
        if (level.ValueKind != JsonValueKind.Object) throw new FormatException($"{what}: a level is not an object: {Kind(level)}");
        if (!level.TryGetProperty(priceField, out var price)) throw new FormatException($"{what}: required field '{priceField}' is missing");
        if (!level.TryGetProperty(sizeField, out var size)) throw new FormatException($"{what}: required field '{sizeField}' is missing");
        return (price, size);
    });

    /// <summary>One price and size as numbers: price &gt; 0, size ≥ 0; anything else throws naming <paramref name="what"/>.</summary>
    public static (double Price, double Size) Number(JsonElement price, JsonElement size, string what)
    {
        if (!JsonNumbers.TryGetDouble(price, out var p) || !(p > 0)) throw new FormatException($"{what}: price is not a positive number: {Raw(price)}");
        if (!JsonNumbers.TryGetDouble(size, out var s) || s < 0) throw new FormatException($"{what}: size is not a non-negative number: {Raw(size)}");
        return (p, s);
    }

    private static List<BookLevel> Read(JsonElement side, string what, Func<JsonElement, (JsonElement Price, JsonElement Size)> fields)
    {
        var levels = new List<BookLevel>();
        if (side.ValueKind != JsonValueKind.Array) return levels;
        foreach (var level in side.EnumerateArray())
        {
            if (levels.Count >= OrderBook.MaxLevelsPerSide) break;
            var (priceElement, sizeElement) = fields(level);
            var (price, size) = Number(priceElement, sizeElement, what);
            if (size > 0) levels.Add(new BookLevel(price, size));
        }
        return levels;
    }

    private static string Kind(JsonElement e) => e.ValueKind.ToString().ToLowerInvariant();

    private static string Raw(JsonElement e)
    {
        var text = e.GetRawText();
        return text.Length <= 40 ? text : text[..40] + "…";
    }
}
