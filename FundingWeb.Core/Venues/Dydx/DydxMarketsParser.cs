using System.Text.Json;
using FundingWeb.Core.Funding;
using FundingWeb.Core.OpenInterest;
using FundingWeb.Core.Prices;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Dydx;

/// <summary>
/// Reads <c>GET /perpetualMarkets</c>: <c>{"markets": {ticker → market}}</c> (NOTES §2.4). One bad market becomes a
/// <see cref="MarketError"/>; a body without the <c>markets</c> object is a venue failure.
/// </summary>
public static class DydxMarketsParser
{
    /// <summary>The indexer already divides the protocol's 8h ppm rate by 8: <c>nextFundingRate</c> is a 1h fraction (NOTES §2.2 [V]).</summary>
    public const double QuotedIntervalHours = 1;

    public static VenuePoll Parse(JsonElement root, long fetchedAtMs, string source)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("markets", out var marketsObject) || marketsObject.ValueKind != JsonValueKind.Object)
        {
            throw new VenueException("perpetualMarkets: expected {\"markets\": {ticker: market}}");
        }

        var markets = new List<Market>();
        var funding = new List<RawFundingRate>();
        var openInterest = new List<OpenInterestObservation>();
        var prices = new List<PriceObservation>();
        var errors = new List<MarketError>();

        foreach (var entry in marketsObject.EnumerateObject())
        {
            var ticker = entry.Name;
            try
            {
                var obj = entry.Value;
                if (obj.ValueKind != JsonValueKind.Object) throw new FormatException("market is not an object");
                var status = MapStatus(JsonNumbers.RequiredString(obj, "status"));
                var initialMargin = JsonNumbers.RequiredDouble(obj, "initialMarginFraction");
                if (initialMargin <= 0) throw new FormatException($"initialMarginFraction {initialMargin} is not positive");
                var maintenanceMargin = JsonNumbers.RequiredDouble(obj, "maintenanceMarginFraction");
                var openInterestBase = JsonNumbers.RequiredDouble(obj, "openInterest");
                // Isolated markets may send an empty oraclePrice (NOTES §2.4): no price then, not an error.
                var oracle = JsonNumbers.OptionalDouble(obj, "oraclePrice");
                double? nextFundingRate = status == MarketStatus.Active
                    ? JsonNumbers.RequiredDouble(obj, "nextFundingRate")
                    : JsonNumbers.OptionalDouble(obj, "nextFundingRate");

                markets.Add(new Market(VenueIds.Dydx, ticker, BaseAsset(ticker), QuotedIntervalHours, 1d / initialMargin, maintenanceMargin, status,
                    FundingCap: FundingCap(initialMargin, maintenanceMargin)));
                if (status == MarketStatus.Delisted) continue;
                if (status == MarketStatus.Active && nextFundingRate is { } rate)
                {
                    funding.Add(new RawFundingRate(ticker, fetchedAtMs, FundingKind.Quoted, rate, QuotedIntervalHours, RateUnit.Fraction,
                        Source: $"{source} markets[\"{ticker}\"].nextFundingRate"));
                }
                // dYdX has no separate mark: the oracle price is what margin and funding use (NOTES §2.1 (d)),
                // so it is the index here and OI in USD is base × oracle. Without an oracle price there is no
                // honest USD figure, so that market's OI waits for a poll that has one.
                if (oracle is { } index)
                {
                    prices.Add(new PriceObservation(ticker, fetchedAtMs, Mark: null, Index: index));
                    openInterest.Add(new OpenInterestObservation(ticker, fetchedAtMs, openInterestBase, openInterestBase * index));
                }
            }
            catch (FormatException ex)
            {
                errors.Add(new MarketError(ticker, ex.Message));
            }
        }

        return new VenuePoll(fetchedAtMs, markets, funding, openInterest, prices, [], errors);
    }

    /// <summary>
    /// Only ACTIVE markets quote funding. INITIALIZING, PAUSED, CANCEL_ONLY and POST_ONLY are not freely tradable,
    /// so they show as paused; FINAL_SETTLEMENT is the way out of the venue (NOTES §2.4 status enum).
    /// An unknown status is schema drift in that market, reported rather than guessed.
    /// </summary>
    public static MarketStatus MapStatus(string status) => status switch
    {
        "ACTIVE" => MarketStatus.Active,
        "PAUSED" or "CANCEL_ONLY" or "POST_ONLY" or "INITIALIZING" => MarketStatus.Paused,
        "FINAL_SETTLEMENT" => MarketStatus.Delisted,
        _ => throw new FormatException($"unknown status '{status}'"),
    };

    /// <summary>"BTC-USD" → "BTC".</summary>
    public static string BaseAsset(string ticker)
    {
        var dash = ticker.IndexOf('-');
        return (dash > 0 ? ticker[..dash] : ticker).ToUpperInvariant();
    }

    /// <summary>
    /// The protocol clamps the 8-hour rate to |R| ≤ funding_rate_clamp_factor × (IMF − MMF) (x/perpetuals params,
    /// NOTES §2.2); the factor is a governance parameter, 6,000,000 ppm = 600 % on dYdX's governance-parameters page
    /// and in the chain's genesis scripts, "the same as 75 % on the hourly rate". As a fraction per hour (the interval
    /// this venue quotes over): 0.75 × (IMF − MMF). No cap when the margins leave no room (IMF ≤ MMF).
    /// </summary>
    public static double? FundingCap(double initialMargin, double maintenanceMargin) =>
        initialMargin > maintenanceMargin && maintenanceMargin >= 0 ? ClampFactor8h / 8 * (initialMargin - maintenanceMargin) : null;

    /// <summary>funding_rate_clamp_factor_ppm 6,000,000 as a multiple; governance may change it (then this constant is stale).</summary>
    public const double ClampFactor8h = 6;
}
