using Dapper;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;

namespace FundingWeb.Core.Storage;

/// <summary>
/// History for charts, read on page load or a user action (never per tick). Quoted rates at poll cadence are averaged
/// into at most <see cref="MaxBuckets"/> time buckets in SQL, so a year of history stays a bounded read.
/// Only the market rate is read: the net leg, or the long leg where a venue quotes sides apart (GMX). Implausible rows
/// are stored but never trusted: charts and calculators read only plausible ones (<see cref="GetImplausibleFundingAsync"/>
/// lists the others, with their reasons, for markers).
/// </summary>
public sealed partial class HistoryQueries(DbConnectionFactory factory)
{
    public const int MaxBuckets = 4000;

    private readonly SqlDialect _dialect = factory.Dialect;

    public Task<IReadOnlyList<FundingPoint>> GetFundingAsync(string baseAsset, FundingKind kind, long fromMs, long toMs, CancellationToken cancellationToken) =>
        GetFundingAsync(baseAsset, null, null, kind, fromMs, toMs, cancellationToken);

    /// <summary>
    /// One venue market's funding as normalised rows (settled and quoted, oldest first, quoted bucketed as above): what
    /// the carry calculator reads, without reading the asset's other venues.
    /// </summary>
    public async Task<IReadOnlyList<FundingRate>> GetMarketFundingAsync(string baseAsset, string venue, string symbol, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        var settled = await GetFundingAsync(baseAsset, venue, symbol, FundingKind.Settled, fromMs, toMs, cancellationToken).ConfigureAwait(false);
        var quoted = await GetFundingAsync(baseAsset, venue, symbol, FundingKind.Quoted, fromMs, toMs, cancellationToken).ConfigureAwait(false);
        return settled.Select(p => p.ToRate(FundingKind.Settled)).Concat(quoted.Select(p => p.ToRate(FundingKind.Quoted))).OrderBy(r => r.TimeMs).ToList();
    }

    private async Task<IReadOnlyList<FundingPoint>> GetFundingAsync(
        string baseAsset, string? venue, string? symbol, FundingKind kind, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var bucket = Math.Max(1, (toMs - fromMs) / MaxBuckets);
        var sql = kind == FundingKind.Settled
            ? """
              SELECT f.venue AS Venue, f.symbol AS Symbol, f.ts_ms AS TimeMs, f.rate_1h AS Rate1h, f.interval_hours AS IntervalHours, f.origin AS Origin
              FROM market m JOIN funding f ON f.venue = m.venue AND f.symbol = m.symbol AND f.kind = 1 AND f.leg IN (0, 1)
                   AND f.ts_ms BETWEEN @fromMs AND @toMs AND f.implausible IS NULL
              WHERE m.base_asset = @baseAsset AND (@venue IS NULL OR m.venue = @venue) AND (@symbol IS NULL OR m.symbol = @symbol)
              ORDER BY f.venue, f.ts_ms
              """
            : """
              SELECT f.venue AS Venue, f.symbol AS Symbol, MAX(f.ts_ms) AS TimeMs, AVG(f.rate_1h) AS Rate1h, MAX(f.interval_hours) AS IntervalHours
              FROM market m JOIN funding f ON f.venue = m.venue AND f.symbol = m.symbol AND f.kind = 0 AND f.leg IN (0, 1)
                   AND f.ts_ms BETWEEN @fromMs AND @toMs AND f.implausible IS NULL
              WHERE m.base_asset = @baseAsset AND (@venue IS NULL OR m.venue = @venue) AND (@symbol IS NULL OR m.symbol = @symbol)
              GROUP BY f.venue, f.symbol, f.ts_ms / @bucket
              ORDER BY f.venue, TimeMs
              """;
        var rows = await connection.QueryAsync<FundingRow>(new CommandDefinition(sql, new { baseAsset, venue, symbol, fromMs, toMs, bucket }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new FundingPoint(r.Venue, r.Symbol, r.TimeMs, r.Rate1h, r.IntervalHours, r.Origin)).ToList();
    }

    /// <summary>
    /// The implausible market-rate rows of an asset in a range (quoted and settled), newest first and bounded: what a chart
    /// marks and a page counts instead of drawing them into the series.
    /// </summary>
    public async Task<IReadOnlyList<FundingPoint>> GetImplausibleFundingAsync(string baseAsset, long fromMs, long toMs, int limit, CancellationToken cancellationToken)
    {
        using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<FundingRow>(new CommandDefinition(
            """
            SELECT f.venue AS Venue, f.symbol AS Symbol, f.ts_ms AS TimeMs, f.rate_1h AS Rate1h, f.interval_hours AS IntervalHours,
                   f.origin AS Origin, f.implausible AS Implausible
            FROM market m JOIN funding f ON f.venue = m.venue AND f.symbol = m.symbol AND f.leg IN (0, 1)
                 AND f.ts_ms BETWEEN @fromMs AND @toMs AND f.implausible IS NOT NULL
            WHERE m.base_asset = @baseAsset
            ORDER BY f.ts_ms DESC LIMIT @limit
            """, new { baseAsset, fromMs, toMs, limit = Math.Clamp(limit, 1, 10_000) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new FundingPoint(r.Venue, r.Symbol, r.TimeMs, r.Rate1h, r.IntervalHours, r.Origin, r.Implausible)).ToList();
    }

    /// <summary>OI by venue, the last observation of each hour (poll-cadence rows collapse to hourly).</summary>
    public async Task<IReadOnlyList<OpenInterestPoint>> GetOpenInterestAsync(string baseAsset, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<OpenInterestRow>(new CommandDefinition(
            HourlyOpenInterest("m.base_asset = @baseAsset", ""), new { baseAsset, fromMs, toMs }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new OpenInterestPoint(r.Venue, r.Symbol, r.TimeMs, r.Base, r.Usd, r.LongUsd, r.ShortUsd)).ToList();
    }

    public async Task<IReadOnlyList<PricePoint>> GetPricesAsync(string venue, string symbol, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var bucket = Math.Max(1, (toMs - fromMs) / MaxBuckets);
        var rows = await connection.QueryAsync<PriceRow>(new CommandDefinition(
            """
            SELECT MAX(ts_ms) AS TimeMs, AVG(COALESCE(mark, index_px)) AS Price FROM price
            WHERE venue = @venue AND symbol = @symbol AND ts_ms BETWEEN @fromMs AND @toMs AND COALESCE(mark, index_px) IS NOT NULL
            GROUP BY ts_ms / @bucket ORDER BY TimeMs
            """, new { venue, symbol, fromMs, toMs, bucket }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new PricePoint(r.TimeMs, r.Price)).ToList();
    }

    /// <summary>Oldest first; events of one instant (the simulator's hourly backfill has many) in venue and id order, the same on both engines.</summary>
    public async Task<IReadOnlyList<LiquidationEvent>> GetLiquidationsAsync(string baseAsset, string? venue, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Id, string Symbol, long TimeMs, long Side, double Price, double SizeBase, double NotionalUsd, string Kind)>(new CommandDefinition(
            """
            SELECT l.id, l.symbol, l.ts_ms, l.side, l.price, l.size_base, l.notional_usd, l.kind
            FROM market m JOIN liquidation l ON l.venue = m.venue AND l.symbol = m.symbol AND l.ts_ms BETWEEN @fromMs AND @toMs
            WHERE m.base_asset = @baseAsset AND (@venue IS NULL OR m.venue = @venue)
            ORDER BY l.ts_ms, l.venue, l.id LIMIT 20000
            """, new { baseAsset, venue, fromMs, toMs }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new LiquidationEvent(r.Id, r.Symbol, r.TimeMs, (LiquidationSide)r.Side, r.Price, r.SizeBase, r.NotionalUsd, r.Kind)).ToList();
    }

    /// <summary>
    /// The last OI observation of each market-hour. SQLite returns the other columns of the row that holds MAX(ts_ms);
    /// PostgreSQL has no such bare columns, so it picks that row with DISTINCT ON over the same primary-key order.
    /// </summary>
    private string HourlyOpenInterest(string where, string tail) => _dialect.IsPostgres
        ? $"""
          SELECT * FROM (
              SELECT DISTINCT ON (o.venue, o.symbol, o.ts_ms / 3600000)
                     o.venue AS Venue, o.symbol AS Symbol, o.ts_ms AS TimeMs, o.base AS Base, o.usd AS Usd, o.long_usd AS LongUsd, o.short_usd AS ShortUsd
              FROM market m JOIN open_interest o ON o.venue = m.venue AND o.symbol = m.symbol AND o.ts_ms BETWEEN @fromMs AND @toMs
              WHERE {where}
              ORDER BY o.venue, o.symbol, o.ts_ms / 3600000, o.ts_ms DESC) h
          ORDER BY venue, {(tail.Length > 0 ? "symbol, " : "")}timems {tail}
          """
        : $"""
          SELECT o.venue AS Venue, o.symbol AS Symbol, MAX(o.ts_ms) AS TimeMs, o.base AS Base, o.usd AS Usd, o.long_usd AS LongUsd, o.short_usd AS ShortUsd
          FROM market m JOIN open_interest o ON o.venue = m.venue AND o.symbol = m.symbol AND o.ts_ms BETWEEN @fromMs AND @toMs
          WHERE {where}
          GROUP BY o.venue, o.symbol, o.ts_ms / 3600000
          ORDER BY o.venue, {(tail.Length > 0 ? "o.symbol, " : "")}TimeMs {tail}
          """;

    // Aggregate columns (MAX, AVG) carry no declared type, so SQLite reports each one's type from the first row, and a
    // BLOB when there is none; settable rows let Dapper convert values instead of matching a constructor signature.
    private sealed class FundingRow
    {
        public string Venue { get; set; } = "";
        public string Symbol { get; set; } = "";
        public long TimeMs { get; set; }
        public double Rate1h { get; set; }
        public double IntervalHours { get; set; }
        public string? Origin { get; set; }
        public string? Implausible { get; set; }
    }

    private sealed class OpenInterestRow
    {
        public string Venue { get; set; } = "";
        public string Symbol { get; set; } = "";
        public long TimeMs { get; set; }
        public double Base { get; set; }
        public double Usd { get; set; }
        public double? LongUsd { get; set; }
        public double? ShortUsd { get; set; }
    }

    private sealed class PriceRow
    {
        public long TimeMs { get; set; }
        public double Price { get; set; }
    }
}
