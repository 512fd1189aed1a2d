using System.Text.Json;
using FundingWeb.Core.Funding;
using FundingWeb.Core.OpenInterest;
using FundingWeb.Core.Prices;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Paradex;

/// <summary>
/// Joins <c>GET /markets/summary?market=ALL</c> with the market configs from <c>GET /markets</c>. The summary's
/// <c>funding_rate</c> is "per the actual funding period of the instrument itself, not a normalised 8h rate"
/// (NOTES §3.1 [V]), so each quote carries its own market's <c>funding_period_hours</c> as its interval.
/// </summary>
public static class ParadexSummaryParser
{
    public static VenuePoll Parse(
        JsonElement summaryRoot,
        IReadOnlyDictionary<string, ParadexMarketConfig> configs,
        long fetchedAtMs,
        string summarySource,
        List<MarketError> errors)
    {
        var results = ParadexJson.Results(summaryRoot, "/markets/summary");
        var funding = new List<RawFundingRate>();
        var openInterest = new List<OpenInterestObservation>();
        var prices = new List<PriceObservation>();
        var quoted = new HashSet<string>(StringComparer.Ordinal);
        long? dataTime = null;

        foreach (var row in results.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Object) continue;
            var symbol = ParadexJson.OptionalString(row, "symbol");
            if (symbol is null) continue;
            if (!configs.TryGetValue(symbol, out var config))
            {
                // Options and spot rows share this endpoint; a perp without a config has an unknown funding period.
                if (symbol.EndsWith("-PERP", StringComparison.Ordinal) && !errors.Any(e => e.Symbol == symbol))
                {
                    errors.Add(new MarketError(symbol, "/markets/summary: no /markets entry, funding period unknown"));
                }
                continue;
            }
            if (config.Status != MarketStatus.Active) continue;
            try
            {
                var rate = JsonNumbers.RequiredDouble(row, "funding_rate");
                var mark = JsonNumbers.RequiredDouble(row, "mark_price");
                var oiBase = JsonNumbers.RequiredDouble(row, "open_interest");
                var spot = JsonNumbers.OptionalDouble(row, "underlying_price");
                var time = row.TryGetProperty("created_at", out _) ? JsonNumbers.RequiredInt64(row, "created_at") : fetchedAtMs;

                funding.Add(new RawFundingRate(symbol, time, FundingKind.Quoted, rate, config.FundingPeriodHours, RateUnit.Fraction,
                    Source: summarySource + " results[].funding_rate"));
                openInterest.Add(new OpenInterestObservation(symbol, time, oiBase, oiBase * mark));
                prices.Add(new PriceObservation(symbol, time, mark, spot));
                quoted.Add(symbol);
                dataTime = Math.Max(dataTime ?? time, time);
            }
            catch (FormatException ex)
            {
                errors.Add(new MarketError(symbol, "/markets/summary: " + ex.Message));
            }
        }

        // A listed perp the summary no longer quotes is shown as paused rather than silently dropped;
        // a market with an error is left out entirely, as the contract asks.
        var failed = errors.Select(e => e.Symbol).ToHashSet(StringComparer.Ordinal);
        var markets = configs.Values
            .Where(c => !failed.Contains(c.Symbol))
            .Select(c => c.Status == MarketStatus.Active && !quoted.Contains(c.Symbol) ? c with { Status = MarketStatus.Paused } : c)
            .OrderBy(c => c.Symbol, StringComparer.Ordinal)
            .Select(c => c.ToMarket())
            .ToList();

        return new VenuePoll(fetchedAtMs, markets, funding, openInterest, prices, [], errors, dataTime);
    }
}
