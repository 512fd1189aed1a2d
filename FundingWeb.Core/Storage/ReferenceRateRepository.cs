using Dapper;
using FundingWeb.Core.Reference;

namespace FundingWeb.Core.Storage;

/// <summary>
/// CEX reference rates (<c>reference_rate</c>). One poll's rows are written in one transaction through the factory (queued
/// behind SQLite's one writer); reads live in <see cref="HistoryQueries"/>; thinning follows the other poll-cadence tables.
/// </summary>
public sealed class ReferenceRateRepository(DbConnectionFactory factory)
{
    public DbConnectionFactory Factory => factory;

    public Task<int> InsertAsync(IReadOnlyList<ReferenceQuote> rows, CancellationToken cancellationToken)
    {
        // REAL columns hold no NaN or ∞ (SQLite stores NULL and the NOT NULL fails the whole poll): such a row is not written.
        var usable = rows.Where(r => double.IsFinite(r.Rate1h) && double.IsFinite(r.RateRaw) && double.IsFinite(r.IntervalHours)).ToList();
        if (usable.Count == 0) return Task.FromResult(0);
        return factory.WriteAsync((c, t) => c.Execute(
            """
            INSERT INTO reference_rate (asset, exchange, ts_ms, rate_1h, rate_raw, interval_hours, next_funding_ms)
            VALUES (@Asset, @Exchange, @TimeMs, @Rate1h, @RateRaw, @IntervalHours, @NextFundingMs)
            ON CONFLICT (asset, exchange, ts_ms) DO UPDATE SET rate_1h = excluded.rate_1h, rate_raw = excluded.rate_raw,
                interval_hours = excluded.interval_hours, next_funding_ms = excluded.next_funding_ms
            """, usable, t), cancellationToken);
    }

    /// <summary>
    /// Rows older than <paramref name="rawCutoffMs"/> thinned to the last of each hour per asset and exchange; rows older than
    /// <paramref name="historyCutoffMs"/> deleted. One transaction: the table is small.
    /// </summary>
    public Task<int> ApplyRetentionAsync(long rawCutoffMs, long historyCutoffMs, CancellationToken cancellationToken) =>
        factory.WriteAsync((c, t) =>
        {
            var p = new { rawCutoffMs, historyCutoffMs };
            var n = c.Execute(
                $"""
                DELETE FROM reference_rate WHERE ts_ms < @rawCutoffMs AND ts_ms < (
                    SELECT MAX(k.ts_ms) FROM reference_rate k
                    WHERE k.asset = reference_rate.asset AND k.exchange = reference_rate.exchange
                      AND k.ts_ms >= reference_rate.ts_ms / 3600000 * 3600000
                      AND k.ts_ms < {factory.Dialect.Least("@rawCutoffMs", "reference_rate.ts_ms / 3600000 * 3600000 + 3600000")})
                """, p, t);
            return n + c.Execute("DELETE FROM reference_rate WHERE ts_ms < @historyCutoffMs", p, t);
        }, cancellationToken);
}
