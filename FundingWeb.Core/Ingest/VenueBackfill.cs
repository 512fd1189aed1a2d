using FundingWeb.Core.Funding;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using Microsoft.Extensions.Logging;

namespace FundingWeb.Core.Ingest;

/// <summary>
/// Fills gaps in settled history. For each market it first reads the stretches an earlier backfill recorded as unread
/// (<c>backfill_gap</c>), then reads forward from the newest stored settlement (or the backfill depth) to now. A page that
/// fails keeps the pages that arrived: they are written, and the stretch left unread is recorded for the next run.
/// Runs at start and after a venue comes back; history never overwrites what polls recorded.
/// </summary>
public sealed class VenueBackfill(MarketDataRepository repository, MarketDataQueries queries, TimeProvider time, ILogger<VenueBackfill> logger,
    FundingOptions? fundingOptions = null)
{
    private readonly double _sanityBound1h = (fundingOptions ?? new FundingOptions()).EffectiveSanityBound1h;

    private const long HourMs = 3_600_000;

    /// <summary>
    /// How far back hours held only by an hourly sample (a Paradex poll's first-of-the-hour reading) are read again, so
    /// the exact index row can take their place; bounded so a deployment without an index does not re-read its history.
    /// </summary>
    public static readonly TimeSpan SampleRecheck = TimeSpan.FromHours(24);

    public async Task<int> RunAsync(IVenueClient client, IReadOnlyList<Market> markets, int backfillDays, CancellationToken cancellationToken)
    {
        var venue = client.Venue.Id;
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var floorMs = time.GetUtcNow().AddDays(-backfillDays).ToUnixTimeMilliseconds();
        await repository.DeleteBackfillGapsBeforeAsync(venue, floorMs, cancellationToken).ConfigureAwait(false);
        var gaps = (await repository.GetBackfillGapsAsync(venue, cancellationToken).ConfigureAwait(false)).ToLookup(g => g.Symbol, StringComparer.Ordinal);
        var latest = await queries.GetLatestSettledAsync(venue, cancellationToken).ConfigureAwait(false);
        var latestExact = await repository.GetLatestExactSettledAsync(venue, cancellationToken).ConfigureAwait(false);
        var written = 0;
        foreach (var market in markets.Where(m => m.Status == MarketStatus.Active))
        {
            // Recorded gaps first: the forward read starts at the newest stored row, so a gap behind it is read only here.
            foreach (var gap in gaps[market.Symbol])
            {
                written += await ReadAsync(client, market, Math.Max(gap.FromMs, floorMs), gap.ToMs, gap, cancellationToken).ConfigureAwait(false);
            }
            var fromMs = Math.Max(floorMs, ResumeMs(market.Symbol, latest, latestExact, floorMs));
            if (nowMs - fromMs < HourMs) continue;
            written += await ReadAsync(client, market, fromMs, nowMs, null, cancellationToken).ConfigureAwait(false);
        }
        return written;
    }

    /// <summary>After the newest settled row, or after the newest exact one where only samples follow it (at most <see cref="SampleRecheck"/> back).</summary>
    private static long ResumeMs(string symbol, IReadOnlyDictionary<string, long> latest, IReadOnlyDictionary<string, long> latestExact, long floorMs)
    {
        if (!latest.TryGetValue(symbol, out var newest)) return floorMs;
        var exact = latestExact.TryGetValue(symbol, out var e) ? e + 1 : floorMs;
        return Math.Min(newest + 1, Math.Max(exact, newest - (long)SampleRecheck.TotalMilliseconds));
    }

    /// <summary>Reads [fromMs, toMs], writes what arrived, records what did not; a refilled gap is deleted once fully read.</summary>
    private async Task<int> ReadAsync(IVenueClient client, Market market, long fromMs, long toMs, BackfillGap? refilling, CancellationToken cancellationToken)
    {
        var venue = client.Venue;
        VenueHistory history;
        try
        {
            history = await client.GetHistoryAsync(market, DateTimeOffset.FromUnixTimeMilliseconds(fromMs),
                DateTimeOffset.FromUnixTimeMilliseconds(toMs), cancellationToken).ConfigureAwait(false);
        }
        catch (VenueException ex)
        {
            // A client that could not start (no page read at all) leaves the whole stretch for the next run.
            history = VenueHistory.Empty with { Gaps = [new HistoryGap(fromMs, toMs, ex.Reason)] };
        }

        var unread = history.Gaps
            .Select(g => g with { FromMs = Math.Max(g.FromMs, fromMs), ToMs = Math.Min(g.ToMs, toMs) })
            .Where(g => g.ToMs >= g.FromMs)
            .ToList();
        // Recorded before the rows are written: a crash in between reads the stretch again rather than losing it.
        await repository.RecordBackfillGapsAsync(venue.Id, market.Symbol, unread, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken)
            .ConfigureAwait(false);

        var funding = new List<FundingRate>(history.Funding.Count);
        foreach (var raw in history.Funding)
        {
            try { funding.Add(FundingNormalizer.Normalize(venue.Id, raw)); }
            catch (FormatException ex) { logger.LogWarning("{Venue} {Symbol}: skipped a history row: {Reason}", venue.Id, raw.Symbol, ex.Message); }
        }
        // The poll's rule, against the conventions the polls recorded: an implausible settlement is stored and flagged, never trusted.
        var conventions = repository.GetConventions(venue.Id);
        var flagged = FundingPlausibility.Flag(funding, symbol => conventions.GetValueOrDefault(symbol), _sanityBound1h);
        var written = await repository.InsertHistoryAsync(venue, flagged, history.OpenInterest, cancellationToken, history.Liquidations).ConfigureAwait(false);
        Telemetry.FundingMetrics.RowsWritten.Add(written, Telemetry.FundingMetrics.Venue(venue.Id, "path", "backfill"));

        // The old gap goes only after its rows are in; a new gap from the same start already replaced it (widened, never narrowed).
        if (refilling is not null && unread.All(g => g.FromMs != refilling.FromMs))
        {
            await repository.DeleteBackfillGapAsync(venue.Id, market.Symbol, refilling.FromMs, cancellationToken).ConfigureAwait(false);
        }
        foreach (var gap in unread)
        {
            logger.LogWarning("{Venue} {Symbol}: history {From:o}..{To:o} unread, kept {Rows} rows that arrived, retried next backfill: {Reason}",
                venue.Id, market.Symbol, DateTimeOffset.FromUnixTimeMilliseconds(gap.FromMs), DateTimeOffset.FromUnixTimeMilliseconds(gap.ToMs),
                history.Funding.Count, gap.Reason);
        }
        return written;
    }
}
