using System.Text.Json;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Lighter;

/// <summary>Pure parsing of Lighter REST bodies; the client only fetches and stitches.</summary>
public static class LighterParser
{
    /// <summary>
    /// Perp markets from <c>/api/v1/orderBookDetails</c>. A market with a bad required field becomes a <see cref="MarketError"/>;
    /// one whose margins cannot be read plausibly is kept with the documented defaults and a <see cref="MarketError"/> saying so.
    /// </summary>
    public static (IReadOnlyList<LighterMarketRow> Markets, IReadOnlyList<MarketError> Errors) ParseOrderBookDetails(
        JsonElement root, double quotedIntervalHours)
    {
        var list = RequiredArray(root, "order_book_details");
        var markets = new List<LighterMarketRow>();
        var errors = new List<MarketError>();
        foreach (var item in list.EnumerateArray())
        {
            var symbol = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("symbol", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString() ?? "?"
                : "?";
            try
            {
                if (item.TryGetProperty("market_type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "perp")
                {
                    continue;
                }
                var (row, note) = ParseMarket(item, quotedIntervalHours);
                markets.Add(row);
                if (note is not null) errors.Add(new MarketError(row.Market.Symbol, note, Kept: true));
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                errors.Add(new MarketError(symbol, ex.Message));
            }
        }
        return (markets, errors);
    }

    private static (LighterMarketRow Row, string? MarginNote) ParseMarket(JsonElement item, double quotedIntervalHours)
    {
        var symbol = JsonNumbers.RequiredString(item, "symbol");
        var marketId = JsonNumbers.RequiredInt64(item, "market_id");
        var status = ParseStatus(JsonNumbers.RequiredString(item, "status"));
        var openInterest = JsonNumbers.RequiredDouble(item, "open_interest");
        var lastPrice = JsonNumbers.RequiredDouble(item, "last_trade_price");
        var margins = LighterMargins.Read(item);
        // No FundingCap: orderBookDetails carries none, and market_stats' funding_clamp_small/big bound the premium's pull
        // toward the interest rate, not the rate itself (NOTES.md §4.2); nothing reliable caps |rate| here.
        var market = new Market(VenueIds.Lighter, symbol, symbol.ToUpperInvariant(), quotedIntervalHours, margins.MaxLeverage,
            margins.MaintenanceMargin, status);
        return (new LighterMarketRow(marketId, market, openInterest, lastPrice), margins.Note);
    }

    /// <summary>Lighter documents "active"; anything else that is not plainly gone is treated as a pause.</summary>
    public static MarketStatus ParseStatus(string status) => status.Trim().ToLowerInvariant() switch
    {
        "active" => MarketStatus.Active,
        "delisted" or "removed" or "closed" => MarketStatus.Delisted,
        _ => MarketStatus.Paused,
    };

    /// <summary>
    /// Lighter's own rows of <c>/api/v1/funding-rates</c> (the list also carries binance/bybit/hyperliquid), by market id.
    /// A Lighter row whose rate does not parse maps to null so the caller can report that market.
    /// </summary>
    public static IReadOnlyDictionary<long, double?> ParseFundingRates(JsonElement root)
    {
        var list = RequiredArray(root, "funding_rates");
        var rates = new Dictionary<long, double?>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("exchange", out var exchange)
                || !string.Equals(exchange.GetString(), "lighter", StringComparison.OrdinalIgnoreCase)
                || !item.TryGetProperty("market_id", out var idElement)
                || !idElement.TryGetInt64(out var marketId))
            {
                continue;
            }
            rates[marketId] = item.TryGetProperty("rate", out var rate) && JsonNumbers.TryGetDouble(rate, out var value) ? value : null;
        }
        return rates;
    }

    /// <summary>
    /// Settled rows of <c>/api/v1/fundings</c>: timestamp in seconds → ms; <c>direction</c> names the paying side, so
    /// "long" keeps the sign (longs pay) and "short" flips it. Rows that do not parse are dropped; history is re-fetched later.
    /// </summary>
    public static IReadOnlyList<RawFundingRate> ParseFundings(JsonElement root, string symbol, string source)
    {
        var list = RequiredArray(root, "fundings");
        var rows = new List<RawFundingRate>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("timestamp", out var ts) || !ts.TryGetInt64(out var seconds)
                || !item.TryGetProperty("rate", out var rateElement) || !JsonNumbers.TryGetDouble(rateElement, out var rate)
                || !item.TryGetProperty("direction", out var dirElement) || dirElement.ValueKind != JsonValueKind.String)
            {
                continue;
            }
            double? sign = dirElement.GetString()?.Trim().ToLowerInvariant() switch
            {
                "long" => 1d,
                "short" => -1d,
                _ => null,
            };
            if (sign is null) continue;
            rows.Add(new RawFundingRate(symbol, seconds * 1000, FundingKind.Settled, sign.Value * Math.Abs(rate),
                LighterConventions.HistoryIntervalHours, LighterConventions.HistoryUnit, FundingLeg.Net, source));
        }
        return rows;
    }

    private static JsonElement RequiredArray(JsonElement root, string property)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            return list;
        }
        throw new VenueException($"unexpected response shape: no '{property}' array");
    }
}
