using Dapper;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.OpenInterest;
using FundingWeb.Core.Prices;
using FundingWeb.Core.Venues;
using System.Data.Common;
using FundingWeb.Core.Live;

namespace FundingWeb.Core.Storage;

/// <summary>
/// Writes what the pollers fetch. One venue's poll is one transaction, so a crash loses at most the poll in flight and
/// never leaves half of one; the factory decides whether writes queue (SQLite's one writer) or not (PostgreSQL). Where
/// other nodes load the live state (<see cref="SqlDialect.SharesLiveState"/>), the poll's transaction also writes it and
/// notifies them, so they hear of a poll only once it is committed.
/// </summary>
public sealed partial class MarketDataRepository
{
    private readonly DbConnectionFactory _factory;
    private readonly LiveStateWriter? _live;
    private readonly bool _bulk;
    private readonly string _insertLiquidation;
    private readonly string _insertHistoryOpenInterest;
    private readonly string _insertConventionChange;
    private readonly string _recordGap;

    public MarketDataRepository(DbConnectionFactory factory, string? node = null)
    {
        _factory = factory;
        var d = factory.Dialect;
        _bulk = d.IsPostgres;
        _live = d.SharesLiveState ? new LiveStateWriter(d, node ?? Environment.MachineName) : null;
        _insertLiquidation = $"""
            {d.InsertOrIgnore} INTO liquidation (venue, id, symbol, ts_ms, side, price, size_base, notional_usd, kind)
            VALUES (@venue, @Id, @Symbol, @TimeMs, @side, @Price, @SizeBase, @NotionalUsd, @Kind) {d.OnConflictIgnore}
            """;
        _insertHistoryOpenInterest = $"""
            {d.InsertOrIgnore} INTO open_interest (venue, symbol, ts_ms, base, usd, long_usd, short_usd)
            VALUES (@venue, @Symbol, @TimeMs, @Base, @Usd, @LongUsd, @ShortUsd) {d.OnConflictIgnore}
            """;
        _insertConventionChange = $"""
            {d.InsertOrIgnore} INTO convention_change (venue, symbol, ts_ms, field, old_value, new_value)
            VALUES (@Venue, @Symbol, @TimeMs, @Field, @OldValue, @NewValue) {d.OnConflictIgnore}
            """;
        _recordGap = $"""
            INSERT INTO backfill_gap (venue, symbol, from_ms, to_ms, reason, recorded_ms)
            VALUES (@venue, @symbol, @FromMs, @ToMs, @Reason, @recordedMs)
            ON CONFLICT (venue, symbol, from_ms) DO UPDATE SET to_ms = {d.Greatest("backfill_gap.to_ms", "excluded.to_ms")},
                reason = excluded.reason, recorded_ms = excluded.recorded_ms
            """;
    }

    public DbConnectionFactory Factory => _factory;

    /// <summary>
    /// One poll of one venue, with the status it leaves the venue in, in one transaction. <paramref name="snapshot"/> is
    /// what the poller publishes after the commit: stored as the live state where other nodes load it.
    /// </summary>
    public Task UpsertPollAsync(VenueInfo venue, VenuePoll poll, IReadOnlyList<FundingRate> funding, VenueStatus status, CancellationToken cancellationToken,
        Ingest.ConventionUpdate? conventions = null, VenueSnapshot? snapshot = null, VenueSnapshot? previous = null) =>
        _factory.WriteAsync((connection, transaction) =>
        {
            UpsertVenue(connection, transaction, venue);
            UpsertMarkets(connection, transaction, poll.Markets, poll.FetchedAtMs);
            if (_bulk)
            {
                PostgresBulk.UpsertFunding(connection, transaction, funding);
                PostgresBulk.UpsertOpenInterest(connection, transaction, venue.Id, poll.OpenInterest, keepExisting: false);
                PostgresBulk.UpsertPrices(connection, transaction, venue.Id, poll.Prices);
            }
            else
            {
                UpsertFunding(connection, transaction, funding);
                UpsertOpenInterest(connection, transaction, venue.Id, poll.OpenInterest);
                UpsertPrices(connection, transaction, venue.Id, poll.Prices);
            }
            UpsertLiquidations(connection, transaction, venue.Id, poll.Liquidations);
            UpsertStatus(connection, transaction, status);
            UpsertConventions(connection, transaction, conventions);
            if (snapshot is not null) _live?.Write(connection, transaction, snapshot, previous, poll.FetchedAtMs);
            return 0;
        }, cancellationToken);

    /// <summary>
    /// Backfilled history. Existing rows win (history never overwrites what a poll recorded), with one exception: an exact
    /// row (origin 'index', from the venue's funding index) replaces an hourly sample of the same hour, never the other way.
    /// </summary>
    public Task<int> InsertHistoryAsync(VenueInfo venue, IReadOnlyList<FundingRate> funding, IReadOnlyList<OpenInterestObservation> openInterest, CancellationToken cancellationToken,
        IReadOnlyList<LiquidationEvent>? liquidations = null) =>
        _factory.WriteAsync((connection, transaction) =>
        {
            UpsertVenue(connection, transaction, venue);
            // Realised liquidations are keyed by the venue's own id: a backfilled one a poll already recorded is ignored.
            if (liquidations is { Count: > 0 }) UpsertLiquidations(connection, transaction, venue.Id, liquidations);
            if (_bulk)
            {
                return PostgresBulk.InsertFundingHistory(connection, transaction, funding)
                    + PostgresBulk.UpsertOpenInterest(connection, transaction, venue.Id, openInterest, keepExisting: true);
            }
            var n = connection.Execute(
                """
                INSERT INTO funding (venue, symbol, kind, leg, ts_ms, rate_raw, interval_hours, unit, rate_1h, origin, check_rate_1h, implausible)
                VALUES (@Venue, @Symbol, @Kind, @Leg, @TimeMs, @RateRaw, @IntervalHours, @Unit, @Rate1h, @Origin, @CrossCheck1h, @Implausible)
                ON CONFLICT (venue, symbol, kind, leg, ts_ms) DO UPDATE SET rate_raw = excluded.rate_raw, interval_hours = excluded.interval_hours,
                    unit = excluded.unit, rate_1h = excluded.rate_1h, origin = excluded.origin, check_rate_1h = excluded.check_rate_1h,
                    implausible = excluded.implausible
                WHERE funding.origin = 'sample' AND excluded.origin = 'index' 
                """, funding.Select(FundingParameters), transaction);
            n += connection.Execute(_insertHistoryOpenInterest,
                openInterest.Select(o => new { venue = venue.Id, o.Symbol, o.TimeMs, o.Base, o.Usd, o.LongUsd, o.ShortUsd }), transaction);
            return n;
        }, cancellationToken);

    /// <summary>A failed poll writes only the status (it has nothing else to write).</summary>
    public Task UpsertStatusAsync(VenueInfo venue, VenueStatus status, CancellationToken cancellationToken, VenueSnapshot? snapshot = null) =>
        _factory.WriteAsync((connection, transaction) =>
        {
            UpsertVenue(connection, transaction, venue);
            UpsertStatus(connection, transaction, status);
            if (snapshot is not null) _live?.WriteStatus(connection, transaction, snapshot);
            return 0;
        }, cancellationToken);

    /// <summary>
    /// Thins poll-cadence rows older than <paramref name="rawCutoffMs"/> to the last row of each hour (so the hourly
    /// history stays), and drops everything older than <paramref name="historyCutoffMs"/>. One short transaction per
    /// venue and table, so pollers interleave instead of waiting behind one long delete.
    /// </summary>
    public async Task<int> ApplyRetentionAsync(long rawCutoffMs, long historyCutoffMs, CancellationToken cancellationToken)
    {
        List<string> venues;
        using (var connection = _factory.Open()) venues = connection.Query<string>("SELECT id FROM venue").AsList();
        var n = 0;
        foreach (var venue in venues)
        {
            foreach (var (table, keys, filter) in RetentionTables)
            {
                n += await _factory.WriteAsync((c, t) => _factory.Dialect.IsPostgres
                    ? ThinPostgres(c, t, table, keys, filter, venue, rawCutoffMs, historyCutoffMs)
                    : ThinSqlite(c, t, table, keys, filter, venue, rawCutoffMs, historyCutoffMs), cancellationToken).ConfigureAwait(false);
            }
            n += await _factory.WriteAsync((c, t) => c.Execute("DELETE FROM liquidation WHERE venue = @venue AND ts_ms < @historyCutoffMs", new { venue, historyCutoffMs }, t), cancellationToken).ConfigureAwait(false);
        }
        return n;
    }

    private static readonly (string Table, string Keys, string Filter)[] RetentionTables =
    [
        ("funding", "venue, symbol, leg", "AND kind = 0"),
        ("open_interest", "venue, symbol", ""),
        ("price", "venue, symbol", ""),
        ("venue_health", "venue", ""),
    ];

    private static int ThinSqlite(DbConnection c, DbTransaction t, string table, string keys, string filter, string venue, long rawCutoffMs, long historyCutoffMs)
    {
        var p = new { venue, rawCutoffMs, historyCutoffMs };
        c.Execute($"CREATE TEMP TABLE IF NOT EXISTS keep_{table} AS SELECT {keys}, ts_ms FROM {table} WHERE 0", transaction: t);
        c.Execute($"DELETE FROM keep_{table}", transaction: t);
        c.Execute($"INSERT INTO keep_{table} SELECT {keys}, MAX(ts_ms) FROM {table} WHERE venue = @venue AND ts_ms < @rawCutoffMs {filter} GROUP BY {keys}, ts_ms / 3600000", p, t);
        c.Execute($"CREATE INDEX IF NOT EXISTS temp.keep_{table}_ix ON keep_{table} ({keys}, ts_ms)", transaction: t);
        var join = string.Join(" AND ", keys.Split(", ").Select(k => $"k.{k} = {table}.{k}"));
        var removed = c.Execute(
            $"DELETE FROM {table} WHERE venue = @venue AND ts_ms < @rawCutoffMs {filter} AND NOT EXISTS (SELECT 1 FROM keep_{table} k WHERE {join} AND k.ts_ms = {table}.ts_ms)", p, t);
        removed += c.Execute($"DELETE FROM {table} WHERE venue = @venue AND ts_ms < @historyCutoffMs", p, t);
        return removed;
    }

    /// <summary>
    /// The same rule without a temp table: a row goes when a later row of its market (and leg) falls in the same hour, a
    /// range probe of the primary key. Whole months past the history cutoff are dropped as partitions (PostgresPartitions).
    /// </summary>
    private static int ThinPostgres(DbConnection c, DbTransaction t, string table, string keys, string filter, string venue, long rawCutoffMs, long historyCutoffMs)
    {
        var p = new { venue, rawCutoffMs, historyCutoffMs };
        var join = string.Join(" AND ", keys.Split(", ").Select(k => $"k.{k} = x.{k}"));
        var kindFilter = filter.Replace("kind", "k.kind", StringComparison.Ordinal);
        var removed = c.Execute(
            $"""
            DELETE FROM {table} x WHERE x.venue = @venue AND x.ts_ms < @rawCutoffMs {filter.Replace("kind", "x.kind", StringComparison.Ordinal)}
              AND EXISTS (SELECT 1 FROM {table} k WHERE {join} {kindFilter} AND k.ts_ms > x.ts_ms AND k.ts_ms < (x.ts_ms / 3600000 + 1) * 3600000)
            """, p, t);
        removed += c.Execute($"DELETE FROM {table} WHERE venue = @venue AND ts_ms < @historyCutoffMs", p, t);
        return removed;
    }

    private static void UpsertVenue(DbConnection c, DbTransaction t, VenueInfo v) => c.Execute(
        """
        INSERT INTO venue (id, name, rollup_kind, withdrawal_ms, taker_fee, is_simulated)
        VALUES (@Id, @Name, @RollupKind, @withdrawalMs, @TakerFee, @IsSimulated)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, rollup_kind = excluded.rollup_kind,
            withdrawal_ms = excluded.withdrawal_ms, taker_fee = excluded.taker_fee, is_simulated = excluded.is_simulated
        """, new { v.Id, v.Name, v.RollupKind, withdrawalMs = (long)v.WithdrawalDelay.TotalMilliseconds, v.TakerFee, IsSimulated = v.IsSimulated ? 1L : 0L }, t);

    private static void UpsertMarkets(DbConnection c, DbTransaction t, IReadOnlyList<Market> markets, long nowMs) => c.Execute(
        """
        INSERT INTO market (venue, symbol, base_asset, funding_interval_hours, max_leverage, maintenance_margin, status, first_seen_ms, last_seen_ms, interval_assumed, funding_cap)
        VALUES (@Venue, @Symbol, @BaseAsset, @FundingIntervalHours, @MaxLeverage, @MaintenanceMargin, @status, @nowMs, @nowMs, @IntervalAssumed, @FundingCap)
        ON CONFLICT (venue, symbol) DO UPDATE SET base_asset = excluded.base_asset,
            funding_interval_hours = excluded.funding_interval_hours, max_leverage = excluded.max_leverage,
            maintenance_margin = excluded.maintenance_margin, status = excluded.status, last_seen_ms = excluded.last_seen_ms,
            interval_assumed = excluded.interval_assumed, funding_cap = excluded.funding_cap
        """, markets.Select(m => new { m.Venue, m.Symbol, m.BaseAsset, m.FundingIntervalHours, m.MaxLeverage, m.MaintenanceMargin, status = m.Status.ToString(), nowMs, IntervalAssumed = m.IntervalAssumed ? 1L : 0L, m.FundingCap }), t);

    private static void UpsertFunding(DbConnection c, DbTransaction t, IReadOnlyList<FundingRate> funding) => c.Execute(
        """
        INSERT INTO funding (venue, symbol, kind, leg, ts_ms, rate_raw, interval_hours, unit, rate_1h, origin, check_rate_1h, implausible)
        VALUES (@Venue, @Symbol, @Kind, @Leg, @TimeMs, @RateRaw, @IntervalHours, @Unit, @Rate1h, @Origin, @CrossCheck1h, @Implausible)
        ON CONFLICT (venue, symbol, kind, leg, ts_ms) DO UPDATE SET rate_raw = excluded.rate_raw,
            interval_hours = excluded.interval_hours, unit = excluded.unit, rate_1h = excluded.rate_1h,
            origin = excluded.origin, check_rate_1h = excluded.check_rate_1h, implausible = excluded.implausible
        """, funding.Select(FundingParameters), t);

    private static object FundingParameters(FundingRate f) =>
        new { f.Venue, f.Symbol, Kind = (int)f.Kind, Leg = (int)f.Leg, f.TimeMs, f.RateRaw, f.IntervalHours, Unit = f.Unit.ToString(), f.Rate1h, f.Origin, f.CrossCheck1h, f.Implausible };

    private static void UpsertOpenInterest(DbConnection c, DbTransaction t, string venue, IReadOnlyList<OpenInterestObservation> rows) => c.Execute(
        """
        INSERT INTO open_interest (venue, symbol, ts_ms, base, usd, long_usd, short_usd)
        VALUES (@venue, @Symbol, @TimeMs, @Base, @Usd, @LongUsd, @ShortUsd)
        ON CONFLICT (venue, symbol, ts_ms) DO UPDATE SET base = excluded.base, usd = excluded.usd,
            long_usd = excluded.long_usd, short_usd = excluded.short_usd
        """, rows.Select(o => new { venue, o.Symbol, o.TimeMs, o.Base, o.Usd, o.LongUsd, o.ShortUsd }), t);

    private static void UpsertPrices(DbConnection c, DbTransaction t, string venue, IReadOnlyList<PriceObservation> rows) => c.Execute(
        """
        INSERT INTO price (venue, symbol, ts_ms, mark, index_px) VALUES (@venue, @Symbol, @TimeMs, @Mark, @Index)
        ON CONFLICT (venue, symbol, ts_ms) DO UPDATE SET mark = excluded.mark, index_px = excluded.index_px
        """, rows.Select(p => new { venue, p.Symbol, p.TimeMs, p.Mark, p.Index }), t);

    private void UpsertLiquidations(DbConnection c, DbTransaction t, string venue, IReadOnlyList<LiquidationEvent> rows) => c.Execute(
        _insertLiquidation, rows.Select(l => new { venue, l.Id, l.Symbol, l.TimeMs, side = (int)l.Side, l.Price, l.SizeBase, l.NotionalUsd, l.Kind }), t);

    private static void UpsertStatus(DbConnection c, DbTransaction t, VenueStatus s) => c.Execute(
        """
        INSERT INTO venue_status (venue, last_success_ms, stale_since_ms, last_error, last_error_ms, latency_ms, polls, failures)
        VALUES (@Venue, @LastSuccessMs, @StaleSinceMs, @LastError, @LastErrorMs, @LatencyMs, @Polls, @Failures)
        ON CONFLICT (venue) DO UPDATE SET last_success_ms = excluded.last_success_ms, stale_since_ms = excluded.stale_since_ms,
            last_error = excluded.last_error, last_error_ms = excluded.last_error_ms, latency_ms = excluded.latency_ms,
            polls = excluded.polls, failures = excluded.failures
        """, s, t);
}
