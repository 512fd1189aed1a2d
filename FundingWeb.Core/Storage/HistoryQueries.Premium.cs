using Dapper;

namespace FundingWeb.Core.Storage;

public sealed partial class HistoryQueries
{
    /// <summary>Points per market a premium read returns at most: the chart's budget, so no read sends more than it draws.</summary>
    public const int MaxPremiumPoints = 2000;

    /// <summary>
    /// Premium (mark − index) ÷ index of every market of an asset, averaged into at most <see cref="MaxPremiumPoints"/> time
    /// buckets per market; rows without both prices, or with an index that is not positive, are left out.
    /// </summary>
    public async Task<IReadOnlyList<PremiumPoint>> GetPremiumAsync(string baseAsset, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var bucket = Math.Max(1, (toMs - fromMs) / MaxPremiumPoints);
        var rows = await connection.QueryAsync<PremiumRow>(new CommandDefinition(
            """
            SELECT p.venue AS Venue, p.symbol AS Symbol, MAX(p.ts_ms) AS TimeMs, AVG((p.mark - p.index_px) / p.index_px) AS Premium
            FROM price p JOIN market m ON m.venue = p.venue AND m.symbol = p.symbol
            WHERE m.base_asset = @baseAsset AND p.ts_ms BETWEEN @fromMs AND @toMs AND p.mark > 0 AND p.index_px > 0
            GROUP BY p.venue, p.symbol, p.ts_ms / @bucket ORDER BY TimeMs
            """, new { baseAsset, fromMs, toMs, bucket }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Where(r => double.IsFinite(r.Premium)).Select(r => new PremiumPoint(r.Venue, r.Symbol, r.TimeMs, r.Premium)).ToList();
    }

    // Settable, so Dapper converts what each engine returns for MAX and AVG (SQLite: integer or real; PostgreSQL: numeric).
    private sealed class PremiumRow
    {
        public string Venue { get; set; } = "";
        public string Symbol { get; set; } = "";
        public long TimeMs { get; set; }
        public double Premium { get; set; }
    }
}

/// <summary>One market's average premium over a time bucket, at the bucket's newest row.</summary>
public sealed record PremiumPoint(string Venue, string Symbol, long TimeMs, double Premium);
