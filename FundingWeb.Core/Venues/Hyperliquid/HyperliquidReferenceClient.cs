using FundingWeb.Core.Reference;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Hyperliquid;

/// <summary>
/// CEX reference rates from <c>POST {base}/info {"type":"predictedFundings"}</c> (NOTES §1.1; weight 20 of the 1,200/min
/// budget, covering the first perp dex only). The HTTP edge is the caller's, so its budget is the one sized against
/// Hyperliquid's limit next to the venue poll and the depth rounds.
/// </summary>
public sealed class HyperliquidReferenceClient(VenueHttp http, TimeProvider time) : IReferenceRateSource
{
    /// <summary>
    /// A full answer is ~200 coins × 3 slots, tens of KiB; 4 MiB leaves room for the list to grow tenfold and still refuses a
    /// runaway body before it is buffered.
    /// </summary>
    public const long MaxResponseBytes = 4 * 1024 * 1024;

    private const string InfoPath = "info";

    public async Task<ReferenceReading> ReadAsync(CancellationToken cancellationToken)
    {
        using var doc = await http.PostJsonAsync(InfoPath, new { type = "predictedFundings" }, cancellationToken).ConfigureAwait(false);
        var fetchedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var result = HyperliquidPredictedFundingsParser.Parse(doc.RootElement);
        return new ReferenceReading(fetchedAtMs, result.Rates, result.Skipped, result.Problems, $"POST {http.Describe(InfoPath)} predictedFundings");
    }
}
