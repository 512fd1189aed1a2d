using FundingWeb.Core.Funding;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using Microsoft.Extensions.Logging;

namespace FundingWeb.Core.Ingest;

/// <summary>
/// Fills gaps in settled history: for each market, from the newest stored settlement (or the backfill depth) to now.
/// Runs at start and after a venue comes back; history never overwrites what polls recorded.
/// </summary>
public sealed class VenueBackfill(MarketDataRepository repository, MarketDataQueries queries, TimeProvider time, ILogger<VenueBackfill> logger)
{
    public async Task<int> RunAsync(IVenueClient client, IReadOnlyList<Market> markets, int backfillDays, CancellationToken cancellationToken)
    {
        var latest = await queries.GetLatestSettledAsync(client.Venue.Id, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var floor = now.AddDays(-backfillDays);
        var written = 0;
        foreach (var market in markets.Where(m => m.Status == MarketStatus.Active))
        {
            var from = latest.TryGetValue(market.Symbol, out var ts) ? DateTimeOffset.FromUnixTimeMilliseconds(ts + 1) : floor;
            if (from < floor) from = floor;
            if (now - from < TimeSpan.FromHours(1)) continue;
            try
            {
                var history = await client.GetHistoryAsync(market, from, now, cancellationToken).ConfigureAwait(false);
                var funding = new List<FundingRate>(history.Funding.Count);
                foreach (var raw in history.Funding)
                {
                    try { funding.Add(FundingNormalizer.Normalize(client.Venue.Id, raw)); }
                    catch (FormatException ex) { logger.LogWarning("{Venue} {Symbol}: skipped a history row: {Reason}", client.Venue.Id, raw.Symbol, ex.Message); }
                }
                written += await repository.InsertHistoryAsync(client.Venue, funding, history.OpenInterest, cancellationToken).ConfigureAwait(false);
            }
            catch (VenueException ex)
            {
                // One market's history failing must not stop the others; the next start retries the gap.
                logger.LogWarning("{Venue} {Symbol}: backfill failed: {Reason}", client.Venue.Id, market.Symbol, ex.Reason);
            }
        }
        return written;
    }
}
