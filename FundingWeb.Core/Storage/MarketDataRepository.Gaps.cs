using Dapper;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Storage;

/// <summary>
/// Backfill gaps: stretches of history whose pages failed after others arrived. The rows that arrived are stored as
/// usual; the gap is recorded here, read first by the next backfill and deleted once its stretch was read. Writes go
/// through the factory like every other write.
/// </summary>
public sealed partial class MarketDataRepository
{
    /// <summary>
    /// Records gaps of one market. A gap starting where a recorded one starts widens it (to the later end): reading a
    /// stretch twice costs a request, missing one loses history, so a merge never narrows.
    /// </summary>
    public Task<int> RecordBackfillGapsAsync(string venue, string symbol, IReadOnlyList<HistoryGap> gaps, long recordedMs, CancellationToken cancellationToken) =>
        gaps.Count == 0 ? Task.FromResult(0) : _factory.WriteAsync((c, t) => c.Execute(_recordGap, gaps.Select(g => new { venue, symbol, g.FromMs, g.ToMs, g.Reason, recordedMs }), t), cancellationToken);

    /// <summary>The recorded gaps of a venue, oldest first per market.</summary>
    public async Task<IReadOnlyList<BackfillGap>> GetBackfillGapsAsync(string venue, CancellationToken cancellationToken)
    {
        await using var connection = await Factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<BackfillGap>(
            """
            SELECT venue AS Venue, symbol AS Symbol, from_ms AS FromMs, to_ms AS ToMs, reason AS Reason, recorded_ms AS RecordedMs
            FROM backfill_gap WHERE venue = @venue ORDER BY symbol, from_ms
            """, new { venue }).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>A gap whose stretch was read: gone.</summary>
    public Task<int> DeleteBackfillGapAsync(string venue, string symbol, long fromMs, CancellationToken cancellationToken) =>
        _factory.WriteAsync((c, t) => c.Execute("DELETE FROM backfill_gap WHERE venue = @venue AND symbol = @symbol AND from_ms = @fromMs",
            new { venue, symbol, fromMs }, t), cancellationToken);

    /// <summary>Gaps that ended before the history the venue keeps (its backfill depth) can no longer be filled: dropped.</summary>
    public Task<int> DeleteBackfillGapsBeforeAsync(string venue, long cutoffMs, CancellationToken cancellationToken) =>
        _factory.WriteAsync((c, t) => c.Execute("DELETE FROM backfill_gap WHERE venue = @venue AND to_ms < @cutoffMs", new { venue, cutoffMs }, t),
            cancellationToken);

    /// <summary>
    /// Newest settled row per market that is not an hourly sample: where a backfill that can do better than a sample
    /// (Paradex's index) should resume. For venues without origins it is simply the newest settled row.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> GetLatestExactSettledAsync(string venue, CancellationToken cancellationToken)
    {
        await using var connection = await Factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Symbol, long Ts)>(
            "SELECT symbol, MAX(ts_ms) FROM funding WHERE venue = @venue AND kind = 1 AND (origin IS NULL OR origin <> @sample) GROUP BY symbol",
            new { venue, sample = FundingOrigins.HourlySample }).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Symbol, r => r.Ts, StringComparer.Ordinal);
    }
}
