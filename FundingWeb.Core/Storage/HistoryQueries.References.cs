using Dapper;
using FundingWeb.Core.Reference;

namespace FundingWeb.Core.Storage;

public sealed partial class HistoryQueries
{
    /// <summary>
    /// An asset's CEX reference rates in [from, to], averaged into at most <see cref="MaxBuckets"/> time buckets per exchange
    /// like quoted rows (a short range reads every row as stored). Ordered by exchange then time: within an exchange a
    /// bucket's time is its newest row's, unique, so the order is total and the same on both engines.
    /// </summary>
    public async Task<IReadOnlyList<ReferenceQuote>> GetReferenceRatesAsync(string asset, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var bucket = Math.Max(1, (toMs - fromMs) / MaxBuckets);
        var rows = await connection.QueryAsync<ReferenceRow>(new CommandDefinition(
            """
            SELECT asset AS Asset, exchange AS Exchange, MAX(ts_ms) AS TimeMs, AVG(rate_1h) AS Rate1h, AVG(rate_raw) AS RateRaw,
                   MAX(interval_hours) AS IntervalHours, MAX(next_funding_ms) AS NextFundingMs
            FROM reference_rate
            WHERE asset = @asset AND ts_ms BETWEEN @fromMs AND @toMs
            GROUP BY asset, exchange, ts_ms / @bucket
            ORDER BY exchange, TimeMs
            """, new { asset, fromMs, toMs, bucket }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new ReferenceQuote(r.Asset, r.Exchange, r.TimeMs, r.Rate1h, r.RateRaw, r.IntervalHours, r.NextFundingMs)).ToList();
    }

    // Aggregates carry no declared type in SQLite (see FundingRow): settable properties let Dapper convert.
    private sealed class ReferenceRow
    {
        public string Asset { get; set; } = "";
        public string Exchange { get; set; } = "";
        public long TimeMs { get; set; }
        public double Rate1h { get; set; }
        public double RateRaw { get; set; }
        public double IntervalHours { get; set; }
        public long? NextFundingMs { get; set; }
    }
}
