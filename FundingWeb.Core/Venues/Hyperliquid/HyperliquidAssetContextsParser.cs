using System.Text.Json;
using FundingWeb.Core.Funding;
using FundingWeb.Core.OpenInterest;
using FundingWeb.Core.Prices;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Hyperliquid;

/// <summary>
/// Reads the <c>metaAndAssetCtxs</c> answer: a 2-tuple <c>[meta, assetCtxs[]]</c> where <c>assetCtxs[i]</c> belongs to
/// <c>meta.universe[i]</c> by position (NOTES §1.1). One bad coin becomes a <see cref="MarketError"/>; a wrong overall
/// shape is a venue failure.
/// </summary>
public static class HyperliquidAssetContextsParser
{
    /// <summary>HL settles every hour and <c>funding</c> is already the 1h rate (NOTES §0.1, §1.2 [V]).</summary>
    public const double QuotedIntervalHours = 1;

    /// <summary>
    /// |funding| is capped at 4 % per hour (Hyperliquid docs, trading/funding; NOTES §1.2 quotes it through a summary of
    /// those docs). Every market shares it, as a fraction per <see cref="QuotedIntervalHours"/>.
    /// </summary>
    public const double FundingCapPerHour = 0.04;

    public static VenuePoll Parse(JsonElement root, long fetchedAtMs, string source)
    {
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() < 2
            || root[0].ValueKind != JsonValueKind.Object || root[1].ValueKind != JsonValueKind.Array
            || !root[0].TryGetProperty("universe", out var universe) || universe.ValueKind != JsonValueKind.Array)
        {
            throw new VenueException("metaAndAssetCtxs: expected [meta{universe[]}, assetCtxs[]]");
        }

        var contexts = root[1];
        var markets = new List<Market>();
        var funding = new List<RawFundingRate>();
        var openInterest = new List<OpenInterestObservation>();
        var prices = new List<PriceObservation>();
        var errors = new List<MarketError>();

        var index = 0;
        foreach (var asset in universe.EnumerateArray())
        {
            var position = index++;
            var name = asset.ValueKind == JsonValueKind.Object && asset.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                ? n.GetString() ?? ""
                : "";
            if (name.Length == 0)
            {
                errors.Add(new MarketError($"#{position}", "universe entry without a name"));
                continue;
            }
            if (position >= contexts.GetArrayLength())
            {
                errors.Add(new MarketError(name, $"no asset context at index {position}"));
                continue;
            }
            try
            {
                var ctx = contexts[position];
                if (ctx.ValueKind != JsonValueKind.Object) throw new FormatException("asset context is not an object");
                var market = ReadMarket(asset, name);
                // Read everything before adding anything, so a bad field leaves no half-parsed market behind.
                var rate = JsonNumbers.RequiredDouble(ctx, "funding");
                var openInterestBase = JsonNumbers.RequiredDouble(ctx, "openInterest");
                var mark = JsonNumbers.RequiredDouble(ctx, "markPx");
                var oracle = JsonNumbers.OptionalDouble(ctx, "oraclePx");

                markets.Add(market);
                if (market.Status == MarketStatus.Delisted) continue;
                prices.Add(new PriceObservation(name, fetchedAtMs, mark, oracle));
                openInterest.Add(new OpenInterestObservation(name, fetchedAtMs, openInterestBase, openInterestBase * mark));
                if (market.Status == MarketStatus.Active)
                {
                    funding.Add(new RawFundingRate(name, fetchedAtMs, FundingKind.Quoted, rate, QuotedIntervalHours,
                        RateUnit.Fraction, Source: $"{source} assetCtxs[{position}].funding"));
                }
            }
            catch (FormatException ex)
            {
                errors.Add(new MarketError(name, ex.Message));
            }
        }

        return new VenuePoll(fetchedAtMs, markets, funding, openInterest, prices, [], errors);
    }

    private static Market ReadMarket(JsonElement asset, string name)
    {
        var maxLeverage = JsonNumbers.RequiredDouble(asset, "maxLeverage");
        if (maxLeverage <= 0) throw new FormatException($"maxLeverage {maxLeverage} is not positive");
        var delisted = asset.TryGetProperty("isDelisted", out var d) && d.ValueKind == JsonValueKind.True;
        // HL's maintenance margin is half the initial margin at max leverage (NOTES §1.5 [V]): 1 % at 50x.
        return new Market(VenueIds.Hyperliquid, name, name.ToUpperInvariant(), QuotedIntervalHours, maxLeverage,
            1d / (2d * maxLeverage), delisted ? MarketStatus.Delisted : MarketStatus.Active, FundingCap: FundingCapPerHour);
    }
}
