using System.Text.Json;
using FundingWeb.Core.Funding;
using FundingWeb.Core.OpenInterest;
using FundingWeb.Core.Prices;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Gmx;

/// <summary>Pure parsing of GMX v2 oracle-API bodies (<c>/markets/info</c>, <c>/prices/tickers</c>, <c>/tokens</c>).</summary>
public static class GmxParser
{
    private const string ZeroAddress = "0x0000000000000000000000000000000000000000";

    // /markets/info carries neither leverage nor margin; per-market values live on chain (DataStore minCollateralFactor).
    // GMX's majors allow 100x, i.e. a 1 % minimum collateral factor; used for every market until read from chain.
    public const double DefaultMaxLeverage = 100d;
    public const double DefaultMaintenanceMargin = 0.01;

    /// <summary>Tokens by lower-case address. Accepts <c>{"tokens":[...]}</c> and a bare array (both shapes are in the wild).</summary>
    public static IReadOnlyDictionary<string, GmxToken> ParseTokens(JsonElement root)
    {
        var list = root.ValueKind == JsonValueKind.Array ? root
            : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("tokens", out var t) && t.ValueKind == JsonValueKind.Array ? t
            : throw new VenueException("unexpected /tokens shape: no 'tokens' array");
        var tokens = new Dictionary<string, GmxToken>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("address", out var a) || a.GetString() is not { Length: > 0 } address
                || !item.TryGetProperty("decimals", out var d) || !d.TryGetInt32(out var decimals) || decimals is < 0 or > 30)
            {
                continue;
            }
            var symbol = item.TryGetProperty("symbol", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : address;
            tokens[address] = new GmxToken(symbol, address, decimals);
        }
        return tokens;
    }

    /// <summary>Oracle prices by lower-case token address; rows that do not parse are left out (their markets then report it).</summary>
    public static IReadOnlyDictionary<string, GmxOraclePrice> ParseTickers(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array) throw new VenueException("unexpected /prices/tickers shape: not an array");
        var prices = new Dictionary<string, GmxOraclePrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in root.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("tokenAddress", out var a) || a.GetString() is not { Length: > 0 } address
                || !item.TryGetProperty("minPrice", out var min) || !JsonNumbers.TryGetDouble(min, out var minPrice)
                || !item.TryGetProperty("maxPrice", out var max) || !JsonNumbers.TryGetDouble(max, out var maxPrice)
                || minPrice <= 0 || maxPrice <= 0)
            {
                continue;
            }
            var symbol = item.TryGetProperty("tokenSymbol", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            long? updatedAt = item.TryGetProperty("updatedAt", out var u) && u.TryGetInt64(out var raw) ? ToMs(raw) : null;
            prices[address] = new GmxOraclePrice(address, symbol, (minPrice + maxPrice) / 2d, updatedAt);
        }
        return prices;
    }

    /// <summary>Seconds (current docs) or milliseconds (2024 capture): anything before 1973 in ms is a seconds value.</summary>
    public static long ToMs(long secondsOrMs) => secondsOrMs < 100_000_000_000 ? secondsOrMs * 1000 : secondsOrMs;

    /// <summary>
    /// Turns <c>/markets/info</c> into markets, funding legs, OI and prices. Swap-only pools (no index token) are not perps
    /// and are left out; unlisted markets are Delisted and disabled ones Paused, both without rows.
    /// </summary>
    public static GmxPollParts ParseMarketsInfo(
        JsonElement root,
        IReadOnlyDictionary<string, GmxOraclePrice> prices,
        IReadOnlyDictionary<string, GmxToken> tokens,
        GmxConventions conventions,
        long timeMs,
        string source)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("markets", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new VenueException("unexpected /markets/info shape: no 'markets' array");
        }
        var parts = new GmxPollParts();
        foreach (var item in list.EnumerateArray())
        {
            var name = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                ? n.GetString() ?? "?"
                : "?";
            try
            {
                ParseMarket(item, prices, tokens, conventions, timeMs, source, parts);
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                parts.Errors.Add(new MarketError(name, ex.Message));
            }
        }
        return parts;
    }

    private static void ParseMarket(
        JsonElement item,
        IReadOnlyDictionary<string, GmxOraclePrice> prices,
        IReadOnlyDictionary<string, GmxToken> tokens,
        GmxConventions conventions,
        long timeMs,
        string source,
        GmxPollParts parts)
    {
        var name = JsonNumbers.RequiredString(item, "name");
        var indexToken = JsonNumbers.RequiredString(item, "indexToken");
        if (string.Equals(indexToken, ZeroAddress, StringComparison.OrdinalIgnoreCase)) return;

        var status = !OptionalBool(item, "isListed", true) ? MarketStatus.Delisted
            : OptionalBool(item, "isDisabled", false) ? MarketStatus.Paused
            : MarketStatus.Active;
        tokens.TryGetValue(indexToken, out var token);
        // No FundingCap: GMX bounds funding by per-market min/max funding factors held on chain (DataStore, served by its
        // /v1/markets/config API), which /markets/info does not carry.
        var market = new Market(VenueIds.Gmx, name, BaseAsset(name, token), conventions.IntervalHours,
            DefaultMaxLeverage, DefaultMaintenanceMargin, status);
        if (status != MarketStatus.Active)
        {
            parts.Markets.Add(market);
            return;
        }

        // Read every required field before adding anything, so a bad market leaves no half rows behind.
        var longUsd = JsonNumbers.RequiredDouble(item, "openInterestLong") / 1e30;
        var shortUsd = JsonNumbers.RequiredDouble(item, "openInterestShort") / 1e30;
        var fundingLong = JsonNumbers.RequiredDouble(item, "fundingRateLong");
        var fundingShort = JsonNumbers.RequiredDouble(item, "fundingRateShort");
        var borrowLong = JsonNumbers.OptionalDouble(item, "borrowingRateLong");
        var borrowShort = JsonNumbers.OptionalDouble(item, "borrowingRateShort");
        // Net rates only arbitrate a negative borrowing value; an unreadable one must not cost the market.
        var netLong = Lenient(item, "netRateLong");
        var netShort = Lenient(item, "netRateShort");
        if (token is null) throw new FormatException($"index token {indexToken} is not in /tokens (decimals unknown)");
        if (!prices.TryGetValue(indexToken, out var price)) throw new FormatException($"no oracle price for index token {token.Symbol} ({indexToken})");
        var oracleUsd = price.ToUsd(token.Decimals);

        parts.Markets.Add(market);
        // GMX signs each side from its own view (negative = that side pays); our legs keep the market sign. See GmxSides.
        parts.Funding.Add(Rate(name, timeMs, GmxSides.FundingLongLeg(fundingLong), FundingLeg.Long, conventions, source + " fundingRateLong"));
        parts.Funding.Add(Rate(name, timeMs, GmxSides.FundingShortLeg(fundingShort), FundingLeg.Short, conventions, source + " fundingRateShort"));
        AddBorrow(parts, name, timeMs, "borrowingRateLong", borrowLong, fundingLong, netLong, FundingLeg.BorrowLong, conventions, source);
        AddBorrow(parts, name, timeMs, "borrowingRateShort", borrowShort, fundingShort, netShort, FundingLeg.BorrowShort, conventions, source);
        var totalUsd = longUsd + shortUsd;
        parts.OpenInterest.Add(new OpenInterestObservation(name, timeMs, totalUsd / oracleUsd, totalUsd, longUsd, shortUsd));
        parts.Prices.Add(new PriceObservation(name, timeMs, Mark: null, Index: oracleUsd));
        if (price.UpdatedAtMs is long updated) parts.DataTimeMs = Math.Max(parts.DataTimeMs ?? 0, updated);
    }

    /// <summary>A borrow leg that cannot be read is reported and left out; the market and its funding legs stay.</summary>
    private static void AddBorrow(GmxPollParts parts, string name, long timeMs, string field, double? borrow, double funding, double? net,
        FundingLeg leg, GmxConventions conventions, string source)
    {
        if (borrow is not double b) return;
        var reading = GmxSides.BorrowCost(field, b, funding, net);
        if (reading.Cost is double cost) parts.Funding.Add(Rate(name, timeMs, cost, leg, conventions, source + " " + field));
        else parts.Errors.Add(new MarketError(name, reading.Problem!, Kept: true));
    }

    private static RawFundingRate Rate(string symbol, long timeMs, double raw, FundingLeg leg, GmxConventions c, string source) =>
        new(symbol, timeMs, FundingKind.Quoted, raw, c.IntervalHours, c.Unit, leg, source);

    /// <summary>"ETH/USD [WETH-USDC]" → ETH; the index token's symbol when the name has no "/".</summary>
    public static string BaseAsset(string name, GmxToken? indexToken)
    {
        var slash = name.IndexOf('/');
        if (slash > 0) return name[..slash].Trim().ToUpperInvariant();
        return (indexToken?.Symbol ?? name).Trim().ToUpperInvariant();
    }

    private static double? Lenient(JsonElement obj, string property) =>
        obj.TryGetProperty(property, out var e) && JsonNumbers.TryGetDouble(e, out var value) ? value : null;

    private static bool OptionalBool(JsonElement obj, string property, bool fallback) =>
        obj.TryGetProperty(property, out var e) && e.ValueKind is JsonValueKind.True or JsonValueKind.False ? e.GetBoolean() : fallback;
}
