using Dapper;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;

namespace FundingWeb.Core.Storage;

/// <summary>A realised liquidation with the venue that published it (the read API lists several venues at once).</summary>
public sealed record VenueLiquidation(string Venue, LiquidationEvent Event);

/// <summary>
/// Reads for the scripted API: filtered by venue in SQL and cut at <c>limit</c> rows, so a caller asking for too much
/// costs one bounded read; the caller asks for one row more than it serves to tell "exactly full" from "too many".
/// Quoted funding is averaged into the same time buckets as the charts (over plausible rows only); settled funding
/// (implausible rows included, with their reason, and each row's origin), OI (hourly) and liquidations are the stored rows. An empty <c>venues</c> means all venues.
/// </summary>
public sealed partial class HistoryQueries
{
    public async Task<IReadOnlyList<FundingPoint>> GetFundingRowsAsync(string baseAsset, FundingKind kind, IReadOnlyCollection<string> venues,
        long fromMs, long toMs, int limit, CancellationToken cancellationToken)
    {
        using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var bucket = Math.Max(1, (toMs - fromMs) / MaxBuckets);
        var venueIn = _dialect.InList("m.venue", "venues");
        var sql = kind == FundingKind.Settled
            ? $"""
              SELECT f.venue AS Venue, f.symbol AS Symbol, f.ts_ms AS TimeMs, f.rate_1h AS Rate1h, f.interval_hours AS IntervalHours,
                     f.origin AS Origin, f.implausible AS Implausible
              FROM market m JOIN funding f ON f.venue = m.venue AND f.symbol = m.symbol AND f.kind = 1 AND f.leg IN (0, 1)
                   AND f.ts_ms BETWEEN @fromMs AND @toMs
              WHERE m.base_asset = @baseAsset AND (@all OR {venueIn})
              ORDER BY f.venue, f.symbol, f.ts_ms LIMIT @limit
              """
            : $"""
              SELECT f.venue AS Venue, f.symbol AS Symbol, MAX(f.ts_ms) AS TimeMs, AVG(f.rate_1h) AS Rate1h, MAX(f.interval_hours) AS IntervalHours
              FROM market m JOIN funding f ON f.venue = m.venue AND f.symbol = m.symbol AND f.kind = 0 AND f.leg IN (0, 1)
                   AND f.ts_ms BETWEEN @fromMs AND @toMs AND f.implausible IS NULL
              WHERE m.base_asset = @baseAsset AND (@all OR {venueIn})
              GROUP BY f.venue, f.symbol, f.ts_ms / @bucket
              ORDER BY f.venue, f.symbol, TimeMs LIMIT @limit
              """;
        var rows = await connection.QueryAsync<FundingRow>(new CommandDefinition(sql,
            new { baseAsset, fromMs, toMs, bucket, limit, all = venues.Count == 0, venues = venues.ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new FundingPoint(r.Venue, r.Symbol, r.TimeMs, r.Rate1h, r.IntervalHours, r.Origin, r.Implausible)).ToList();
    }

    public async Task<IReadOnlyList<OpenInterestPoint>> GetOpenInterestRowsAsync(string baseAsset, IReadOnlyCollection<string> venues,
        long fromMs, long toMs, int limit, CancellationToken cancellationToken)
    {
        using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<OpenInterestRow>(new CommandDefinition(
            HourlyOpenInterest($"m.base_asset = @baseAsset AND (@all OR {_dialect.InList("m.venue", "venues")})", "LIMIT @limit"),
            new { baseAsset, fromMs, toMs, limit, all = venues.Count == 0, venues = venues.ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new OpenInterestPoint(r.Venue, r.Symbol, r.TimeMs, r.Base, r.Usd, r.LongUsd, r.ShortUsd)).ToList();
    }

    public async Task<IReadOnlyList<VenueLiquidation>> GetLiquidationRowsAsync(string baseAsset, IReadOnlyCollection<string> venues,
        long fromMs, long toMs, int limit, CancellationToken cancellationToken)
    {
        using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Venue, string Id, string Symbol, long TimeMs, long Side, double Price, double SizeBase, double NotionalUsd, string Kind)>(new CommandDefinition(
            $"""
            SELECT l.venue, l.id, l.symbol, l.ts_ms, l.side, l.price, l.size_base, l.notional_usd, l.kind
            FROM market m JOIN liquidation l ON l.venue = m.venue AND l.symbol = m.symbol AND l.ts_ms BETWEEN @fromMs AND @toMs
            WHERE m.base_asset = @baseAsset AND (@all OR {_dialect.InList("m.venue", "venues")})
            ORDER BY l.ts_ms, l.venue, l.id LIMIT @limit
            """, new { baseAsset, fromMs, toMs, limit, all = venues.Count == 0, venues = venues.ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new VenueLiquidation(r.Venue,
            new LiquidationEvent(r.Id, r.Symbol, r.TimeMs, (LiquidationSide)r.Side, r.Price, r.SizeBase, r.NotionalUsd, r.Kind))).ToList();
    }
}
