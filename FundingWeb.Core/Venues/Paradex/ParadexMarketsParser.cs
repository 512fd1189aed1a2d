using System.Text.Json;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Paradex;

/// <summary>Reads <c>GET /markets</c> into per-market configuration, keeping only perpetuals.</summary>
public static class ParadexMarketsParser
{
    /// <summary>Used only when <c>delta1_cross_margin_params</c> is absent: 20× and half the initial margin.</summary>
    public const double DefaultMaxLeverage = 20;
    public const double DefaultMaintenanceMargin = 0.025;

    /// <summary>
    /// The documented default funding period (NOTES §3.1: <c>funding_period_hours</c> "default 8"; funding-mechanism.mdx:
    /// "Funding Period 8h"), used when an older deployment's <c>/markets</c> omits the field.
    /// </summary>
    public const double DefaultFundingPeriodHours = 8;

    public static IReadOnlyDictionary<string, ParadexMarketConfig> Parse(JsonElement root, long nowMs, List<MarketError> errors)
    {
        var results = ParadexJson.Results(root, "/markets");
        var configs = new Dictionary<string, ParadexMarketConfig>(StringComparer.Ordinal);
        foreach (var row in results.EnumerateArray())
        {
            var symbol = row.ValueKind == JsonValueKind.Object && row.TryGetProperty("symbol", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString() ?? "?" : "?";
            try
            {
                // Options share the endpoint; only perpetuals carry a funding rate we chart.
                if (!IsPerp(row, symbol)) continue;
                configs[symbol] = ParseOne(row, symbol, nowMs);
            }
            catch (FormatException ex)
            {
                errors.Add(new MarketError(symbol, "/markets: " + ex.Message));
            }
        }
        return configs;
    }

    private static bool IsPerp(JsonElement row, string symbol) =>
        row.TryGetProperty("asset_kind", out var kind) && kind.ValueKind == JsonValueKind.String
            ? kind.GetString() == "PERP"
            : symbol.EndsWith("-PERP", StringComparison.Ordinal);

    private static ParadexMarketConfig ParseOne(JsonElement row, string symbol, long nowMs)
    {
        JsonNumbers.RequiredString(row, "symbol");
        // Older deployments omit the field: the documented 8 h stands in and the market says "assumed" (a 1h market read
        // that way is overstated eightfold, which is why it is flagged, and why /funding/data's per-row period wins).
        // A value that is present but not a positive number contradicts itself rather than being silent: reported.
        var stated = JsonNumbers.OptionalDouble(row, "funding_period_hours");
        if (stated is double p && !(p > 0)) throw new FormatException($"field 'funding_period_hours' is not positive: {p}");
        var period = stated ?? DefaultFundingPeriodHours;
        var baseAsset = row.TryGetProperty("base_currency", out var b) && b.ValueKind == JsonValueKind.String && b.GetString() is { Length: > 0 } bc
            ? bc : symbol.Split('-')[0];

        var (maxLeverage, maintenance) = Margin(row);
        return new ParadexMarketConfig(symbol, baseAsset.ToUpperInvariant(), period, maxLeverage, maintenance, Status(row, nowMs),
            IntervalAssumed: stated is null, FundingCap: Cap(row));
    }

    /// <summary><c>max_funding_rate</c>, a fraction per funding period (NOTES §3.1). A cap we cannot read is no cap, not an error.</summary>
    private static double? Cap(JsonElement row) =>
        row.TryGetProperty("max_funding_rate", out var e) && JsonNumbers.TryGetDouble(e, out var cap) && cap > 0 ? cap : null;

    // Paradex sizes margin as IMF = imf_base (+ size terms) and MMF = mmf_factor × IMF [I, from the /markets schema];
    // the base terms give the best-case leverage and maintenance fraction, which is what a ladder bucket cap needs.
    private static (double MaxLeverage, double Maintenance) Margin(JsonElement row)
    {
        if (!row.TryGetProperty("delta1_cross_margin_params", out var p) || p.ValueKind != JsonValueKind.Object)
        {
            return (DefaultMaxLeverage, DefaultMaintenanceMargin);
        }
        var imf = JsonNumbers.OptionalDouble(p, "imf_base");
        var mmfFactor = JsonNumbers.OptionalDouble(p, "mmf_factor");
        if (imf is not > 0) return (DefaultMaxLeverage, DefaultMaintenanceMargin);
        var maintenance = mmfFactor is > 0 ? imf.Value * mmfFactor.Value : imf.Value / 2;
        return (1 / imf.Value, maintenance);
    }

    // /markets has no status field; a market past its expiry is gone, one not yet open is paused.
    private static MarketStatus Status(JsonElement row, long nowMs)
    {
        var openAt = JsonNumbers.OptionalDouble(row, "open_at");
        var expiryAt = JsonNumbers.OptionalDouble(row, "expiry_at");
        if (expiryAt is > 0 && expiryAt <= nowMs) return MarketStatus.Delisted;
        if (openAt is > 0 && openAt > nowMs) return MarketStatus.Paused;
        return MarketStatus.Active;
    }
}
