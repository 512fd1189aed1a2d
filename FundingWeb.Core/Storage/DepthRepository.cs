using Dapper;
using FundingWeb.Core.Depth;

namespace FundingWeb.Core.Storage;

/// <summary>
/// Depth bands over time (<c>depth_band</c>). Writes go through the factory like every other write (queued behind SQLite's
/// one writer), one transaction per venue round; thinning follows the raw/history retention of the other poll-cadence tables.
/// </summary>
public sealed class DepthRepository(DbConnectionFactory factory)
{
    /// <summary>Rows a read returns at most; a longer range is thinned by the caller's bucket, never truncated silently.</summary>
    public const int MaxRows = 50_000;

    public Task<int> InsertAsync(IReadOnlyList<DepthBandRow> rows, CancellationToken cancellationToken)
    {
        var usable = rows.Where(Usable).ToList();
        if (usable.Count == 0) return Task.FromResult(0);
        return factory.WriteAsync((c, t) => c.Execute(
            """
            INSERT INTO depth_band (venue, symbol, ts_ms, book_ms, kind, mid, spread, bid_10bp, ask_10bp, bid_50bp, ask_50bp,
                bid_100bp, ask_100bp, bid_200bp, ask_200bp, bid_levels, ask_levels)
            VALUES (@Venue, @Symbol, @TimeMs, @BookTimeMs, @Kind, @Mid, @Spread, @B0, @A0, @B1, @A1, @B2, @A2, @B3, @A3, @BidLevels, @AskLevels)
            ON CONFLICT (venue, symbol, ts_ms) DO UPDATE SET book_ms = excluded.book_ms, kind = excluded.kind, mid = excluded.mid,
                spread = excluded.spread, bid_10bp = excluded.bid_10bp, ask_10bp = excluded.ask_10bp, bid_50bp = excluded.bid_50bp,
                ask_50bp = excluded.ask_50bp, bid_100bp = excluded.bid_100bp, ask_100bp = excluded.ask_100bp, bid_200bp = excluded.bid_200bp,
                ask_200bp = excluded.ask_200bp, bid_levels = excluded.bid_levels, ask_levels = excluded.ask_levels
            """, usable.Select(r => new
            {
                r.Venue, r.Symbol, r.TimeMs, r.BookTimeMs, Kind = (int)r.Kind, r.Mid, r.Spread,
                B0 = r.BidUsd[0], A0 = r.AskUsd[0], B1 = r.BidUsd[1], A1 = r.AskUsd[1],
                B2 = r.BidUsd[2], A2 = r.AskUsd[2], B3 = r.BidUsd[3], A3 = r.AskUsd[3], r.BidLevels, r.AskLevels,
            }), t), cancellationToken);
    }

    /// <summary>One market's rows in [from, to], oldest first, at most <see cref="MaxRows"/> (the latest kept).</summary>
    public async Task<IReadOnlyList<DepthBandRow>> GetAsync(string venue, string symbol, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT * FROM (
                SELECT venue AS Venue, symbol AS Symbol, ts_ms AS TimeMs, book_ms AS BookTimeMs, kind AS Kind, mid AS Mid, spread AS Spread,
                       bid_10bp AS B0, ask_10bp AS A0, bid_50bp AS B1, ask_50bp AS A1, bid_100bp AS B2, ask_100bp AS A2,
                       bid_200bp AS B3, ask_200bp AS A3, bid_levels AS BidLevels, ask_levels AS AskLevels
                FROM depth_band WHERE venue = @venue AND symbol = @symbol AND ts_ms BETWEEN @fromMs AND @toMs
                ORDER BY ts_ms DESC LIMIT @limit) AS latest
            ORDER BY TimeMs
            """, new { venue, symbol, fromMs, toMs, limit = MaxRows }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new DepthBandRow(r.Venue, r.Symbol, r.TimeMs, r.BookTimeMs, (SlippageKind)r.Kind, r.Mid, r.Spread,
            [r.B0, r.B1, r.B2, r.B3], [r.A0, r.A1, r.A2, r.A3], (int)r.BidLevels, (int)r.AskLevels)).ToList();
    }

    /// <summary>
    /// Rows older than <paramref name="rawCutoffMs"/> thinned to the last of each hour per market; rows older than
    /// <paramref name="historyCutoffMs"/> deleted. One short transaction per venue, so rounds interleave.
    /// </summary>
    public async Task<int> ApplyRetentionAsync(long rawCutoffMs, long historyCutoffMs, CancellationToken cancellationToken)
    {
        List<string> venues;
        await using (var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            venues = (await connection.QueryAsync<string>("SELECT DISTINCT venue FROM depth_band").ConfigureAwait(false)).AsList();
        }
        var removed = 0;
        foreach (var venue in venues)
        {
            removed += await factory.WriteAsync((c, t) =>
            {
                var p = new { venue, rawCutoffMs, historyCutoffMs };
                // The newest row of its market's hour (within the thinned window) is the one that stays.
                var n = c.Execute(
                    $"""
                    DELETE FROM depth_band WHERE venue = @venue AND ts_ms < @rawCutoffMs AND ts_ms < (
                        SELECT MAX(k.ts_ms) FROM depth_band k
                        WHERE k.venue = depth_band.venue AND k.symbol = depth_band.symbol
                          AND k.ts_ms >= depth_band.ts_ms / 3600000 * 3600000
                          AND k.ts_ms < {factory.Dialect.Least("@rawCutoffMs", "depth_band.ts_ms / 3600000 * 3600000 + 3600000")})
                    """, p, t);
                return n + c.Execute("DELETE FROM depth_band WHERE venue = @venue AND ts_ms < @historyCutoffMs", p, t);
            }, cancellationToken).ConfigureAwait(false);
        }
        return removed;
    }

    // Bands are sums of finite products and could still overflow; a row SQLite cannot hold as a REAL is not written.
    private static bool Usable(DepthBandRow r) =>
        r.BidUsd.Count == DepthBands.Bands.Count && r.AskUsd.Count == DepthBands.Bands.Count && double.IsFinite(r.Mid)
        && r.BidUsd.Concat(r.AskUsd).All(double.IsFinite) && (r.Spread is null || double.IsFinite(r.Spread.Value));

    // Settable properties let Dapper convert SQLite's loosely typed columns (see HistoryQueries).
    private sealed class Row
    {
        public string Venue { get; set; } = "";
        public string Symbol { get; set; } = "";
        public long TimeMs { get; set; }
        public long? BookTimeMs { get; set; }
        public long Kind { get; set; }
        public double Mid { get; set; }
        public double? Spread { get; set; }
        public double B0 { get; set; }
        public double A0 { get; set; }
        public double B1 { get; set; }
        public double A1 { get; set; }
        public double B2 { get; set; }
        public double A2 { get; set; }
        public double B3 { get; set; }
        public double A3 { get; set; }
        public long BidLevels { get; set; }
        public long AskLevels { get; set; }
    }
}
