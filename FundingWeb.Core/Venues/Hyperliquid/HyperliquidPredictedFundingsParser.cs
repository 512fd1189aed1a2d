using System.Text.Json;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Hyperliquid;

/// <summary>
/// <c>{"type":"predictedFundings"}</c>: <c>[[coin, [[venue, {fundingRate, nextFundingTime, fundingIntervalHours}] | null, …]], …]</c>.
/// Every entry is divided by its own <c>fundingIntervalHours</c>; an entry without one is skipped and counted (guessing 8 h
/// on a 4-hourly market would misstate it twofold), as is a null slot or a rate that is not a finite number.
/// </summary>
public static class HyperliquidPredictedFundingsParser
{
    public sealed record Result(IReadOnlyList<ReferenceRate> Rates, int Skipped, IReadOnlyList<string> Problems);

    public static Result Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array) throw new VenueException("unexpected predictedFundings shape: not an array");
        var rates = new List<ReferenceRate>();
        var problems = new List<string>();
        var skipped = 0;
        foreach (var coin in root.EnumerateArray())
        {
            if (coin.ValueKind != JsonValueKind.Array || coin.GetArrayLength() < 2 || coin[0].ValueKind != JsonValueKind.String
                || coin[1].ValueKind != JsonValueKind.Array)
            {
                skipped++;
                continue;
            }
            var asset = coin[0].GetString()!.Trim().ToUpperInvariant();
            foreach (var slot in coin[1].EnumerateArray())
            {
                if (slot.ValueKind != JsonValueKind.Array || slot.GetArrayLength() < 2 || slot[0].ValueKind != JsonValueKind.String
                    || slot[1].ValueKind != JsonValueKind.Object)
                {
                    skipped++;
                    continue;
                }
                var venue = slot[0].GetString()!;
                var entry = slot[1];
                if (!entry.TryGetProperty("fundingRate", out var r) || !JsonNumbers.TryGetDouble(r, out var raw) || !double.IsFinite(raw))
                {
                    skipped++;
                    continue;
                }
                if (!entry.TryGetProperty("fundingIntervalHours", out var h) || !JsonNumbers.TryGetDouble(h, out var hours) || !(hours > 0) || hours > 24 * 7)
                {
                    skipped++;
                    if (problems.Count < 10) problems.Add($"{asset} {venue}: no fundingIntervalHours, skipped rather than guessed");
                    continue;
                }
                long? next = entry.TryGetProperty("nextFundingTime", out var n) && n.TryGetInt64(out var ms) ? ms : null;
                // The one normaliser, as for venue quotes: a fraction over the entry's own interval.
                rates.Add(new ReferenceRate(asset, Exchange(venue), FundingNormalizer.ToRate1h(raw, RateUnit.Fraction, hours), raw, hours, next));
            }
        }
        return new Result(rates, skipped, problems);
    }

    public static string Exchange(string venue) => venue switch
    {
        "BinPerp" => "binance",
        "BybitPerp" => "bybit",
        "HlPerp" => "hyperliquid",
        _ => venue.Trim().ToLowerInvariant(),
    };
}
