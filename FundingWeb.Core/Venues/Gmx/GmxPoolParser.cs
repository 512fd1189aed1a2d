using System.Text.Json;
using FundingWeb.Core.Depth;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Gmx;

/// <summary>
/// Pool states from GMX's <c>/markets/info</c>: OI per side (<c>openInterestLong/Short</c>), what each side may still open
/// (<c>availableLiquidityLong/Short</c>) and, where the answer carries them, the position impact parameters
/// (<c>positionImpactFactorPositive/Negative</c>, <c>positionImpactExponentFactor</c> or its <c>…Positive/Negative</c> split, the
/// names of GMX's own market info). All 1e30 fixed point. The recorded shape has no impact fields: the linear model applies.
/// </summary>
public static class GmxPoolParser
{
    private const double Fixed = 1e30;
    private const string ZeroAddress = "0x0000000000000000000000000000000000000000";

    public static (IReadOnlyList<PoolState> Pools, IReadOnlyList<MarketError> Errors) Parse(JsonElement root, long fetchedAtMs, string source)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("markets", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("unexpected /markets/info shape: no 'markets' array");
        }
        var pools = new List<PoolState>();
        var errors = new List<MarketError>();
        foreach (var item in list.EnumerateArray())
        {
            var name = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() ?? "?" : "?";
            try
            {
                if (ParsePool(item, fetchedAtMs, source) is { } pool) pools.Add(pool);
            }
            catch (FormatException ex)
            {
                errors.Add(new MarketError(name, "pool: " + ex.Message));
            }
        }
        return (pools, errors);
    }

    private static PoolState? ParsePool(JsonElement item, long fetchedAtMs, string source)
    {
        if (item.ValueKind != JsonValueKind.Object) throw new FormatException("a market is not an object");
        var name = JsonNumbers.RequiredString(item, "name");
        // Swap-only pools have no index token and no positions: nothing to price an impact for.
        if (item.TryGetProperty("indexToken", out var index) && index.ValueKind == JsonValueKind.String
            && string.Equals(index.GetString(), ZeroAddress, StringComparison.OrdinalIgnoreCase)) return null;
        if (item.TryGetProperty("isListed", out var listed) && listed.ValueKind == JsonValueKind.False) return null;
        if (item.TryGetProperty("isDisabled", out var disabled) && disabled.ValueKind == JsonValueKind.True) return null;
        var longOi = NonNegative(JsonNumbers.RequiredDouble(item, "openInterestLong") / Fixed, "openInterestLong");
        var shortOi = NonNegative(JsonNumbers.RequiredDouble(item, "openInterestShort") / Fixed, "openInterestShort");
        var availableLong = Optional(item, "availableLiquidityLong");
        var availableShort = Optional(item, "availableLiquidityShort");
        return new PoolState(VenueIds.Gmx, name, fetchedAtMs, fetchedAtMs, longOi, shortOi, availableLong, availableShort, Impact(item), source);
    }

    /// <summary>Null unless both factors and an exponent are present and usable: half a parameter set is no model.</summary>
    private static PoolImpactParameters? Impact(JsonElement item)
    {
        var positive = Optional(item, "positionImpactFactorPositive");
        var negative = Optional(item, "positionImpactFactorNegative");
        var exponent = Optional(item, "positionImpactExponentFactor");
        var exponentPositive = Optional(item, "positionImpactExponentFactorPositive") ?? exponent;
        var exponentNegative = Optional(item, "positionImpactExponentFactorNegative") ?? exponent;
        if (positive is not { } p || negative is not { } q || exponentPositive is not { } ep || exponentNegative is not { } en) return null;
        var parameters = new PoolImpactParameters(p, q, ep, en);
        return parameters.IsUsable ? parameters : null;
    }

    private static double? Optional(JsonElement item, string field) =>
        JsonNumbers.OptionalDouble(item, field) is { } raw ? NonNegative(raw / Fixed, field) : null;

    private static double NonNegative(double value, string field) =>
        value >= 0 && double.IsFinite(value) ? value : throw new FormatException($"field '{field}' is negative or not finite");
}
