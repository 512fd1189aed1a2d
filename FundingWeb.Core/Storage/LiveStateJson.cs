using System.Text.Json;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Storage;

/// <summary>How the parts of a venue's live state that have no table of their own (status, market errors, positions) are written.</summary>
internal static class LiveStateJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Status(VenueStatus status) => JsonSerializer.Serialize(status, Options);

    public static VenueStatus? Status(string json, string venue) =>
        JsonSerializer.Deserialize<VenueStatus>(json, Options) is { } s ? s with { Venue = venue } : null;

    public static string Errors(IEnumerable<MarketError> errors) => JsonSerializer.Serialize(errors, Options);

    public static MarketError[] Errors(string json) => JsonSerializer.Deserialize<MarketError[]>(json, Options) ?? [];

    // Positions are many (a book per market): compact rows [symbol, side, price, notional] instead of named fields.
    public static string Positions(IEnumerable<PositionLiquidation> positions) =>
        JsonSerializer.Serialize(positions.Select(p => new object[] { p.Symbol, (int)p.Side, p.LiquidationPrice, p.NotionalUsd }), Options);

    public static PositionLiquidation[] Positions(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(r => new PositionLiquidation(r[0].GetString() ?? "", (LiquidationSide)r[1].GetInt32(), r[2].GetDouble(), r[3].GetDouble()))
            .ToArray();
    }
}
