using System.Globalization;
using System.Text.Json.Nodes;

namespace FundingWeb.Core.Venues.Simulator;

public sealed partial class SimulatedWorld
{
    /// <summary>
    /// What Hyperliquid's <c>predictedFundings</c> would answer for the simulated assets, in its wire shape: per coin a
    /// Binance, a Hyperliquid and a Bybit slot. Binance runs 4 h on the long tail and 8 h on majors, Bybit 8 h; some slots
    /// are null (the exchange does not list the coin) and a few Bybit entries omit <c>fundingIntervalHours</c>, as recorded.
    /// Rates follow each asset's sentiment (the 8 h premium venues price from) with their own noise, drawn from a stream
    /// keyed by asset, exchange and hour so the world's main path is untouched.
    /// </summary>
    public string PredictedFundingsJson()
    {
        lock (_lock)
        {
            AdvanceTo(SimNowMs);
            var nowMs = _steppedToMs;
            var root = new JsonArray();
            for (var i = 0; i < Assets.Count; i++)
            {
                var asset = Assets[i];
                var slots = new JsonArray
                {
                    ReferenceSlot("BinPerp", asset, _sentiment[i], asset.Tier == 1 ? 8 : 4, nowMs, listed: asset.Tier < 3 || Keyed(asset, "binance-listed") < 0.7),
                    ReferenceSlot("HlPerp", asset, _sentiment[i], 1, nowMs, listed: true),
                    ReferenceSlot("BybitPerp", asset, _sentiment[i], 8, nowMs, listed: asset.Tier < 3 || Keyed(asset, "bybit-listed") < 0.5,
                        omitInterval: Keyed(asset, "bybit-interval") < 0.1),
                };
                root.Add(new JsonArray(asset.Symbol, slots));
            }
            return root.ToJsonString();
        }
    }

    private JsonNode? ReferenceSlot(string venue, SimAsset asset, double sentiment8h, int intervalHours, long nowMs, bool listed, bool omitInterval = false)
    {
        if (!listed) return null;
        var random = new SimRandom(SimRandom.Derive(_options.Seed, $"{asset.Symbol}/{venue}/reference/{nowMs / 3_600_000}"));
        // The exchange's own clamp and noise around the shared sentiment, expressed over its interval.
        var rate8h = Math.Clamp(sentiment8h + 0.00008 * random.Normal(), -0.003, 0.003);
        var rate = rate8h * intervalHours / 8;
        var intervalMs = intervalHours * 3_600_000L;
        var entry = new JsonObject
        {
            ["fundingRate"] = rate.ToString("0.##########", CultureInfo.InvariantCulture),
            ["nextFundingTime"] = (nowMs / intervalMs + 1) * intervalMs,
        };
        if (!omitInterval) entry["fundingIntervalHours"] = intervalHours;
        return new JsonArray(venue, entry);
    }

    private double Keyed(SimAsset asset, string what) => new SimRandom(SimRandom.Derive(_options.Seed, $"{asset.Symbol}/{what}")).Uniform();
}
