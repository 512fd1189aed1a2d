using System.Data.Common;
using Dapper;
using FundingWeb.Core.Cluster;
using FundingWeb.Core.Live;

namespace FundingWeb.Core.Storage;

/// <summary>
/// Writes a venue's live snapshot (as its poller is about to publish it) inside the poll's transaction, and notifies
/// the other nodes with the venue and its new version; <see cref="LiveSnapshotLoader"/> reads it back. Only where nodes
/// share the database: one process on SQLite has nobody to tell and skips all of it.
/// </summary>
internal sealed class LiveStateWriter(SqlDialect dialect, string node)
{
    private readonly string _node = node;

    public void Write(DbConnection c, DbTransaction t, VenueSnapshot snapshot, VenueSnapshot? previous, long fetchedMs)
    {
        var venue = snapshot.Venue.Id;
        // The book of positions changes far less often than the poll comes (hourly in the simulator): rewritten only then.
        var positionsChanged = previous is null || !previous.Positions.SequenceEqual(snapshot.Positions);
        var version = c.ExecuteScalar<long>(
            $"""
            INSERT INTO live_venue (venue, version, node, fetched_ms, status_json, market_errors_json, positions_json, updated_ms)
            VALUES (@venue, 1, @node, @fetchedMs, @status, @errors, @positions, @fetchedMs)
            ON CONFLICT (venue) DO UPDATE SET version = live_venue.version + 1, node = excluded.node, fetched_ms = excluded.fetched_ms,
                status_json = excluded.status_json, market_errors_json = excluded.market_errors_json,
                positions_json = {(positionsChanged ? "excluded.positions_json" : "live_venue.positions_json")}, updated_ms = excluded.updated_ms
            RETURNING version
            """,
            new
            {
                venue, node = _node, fetchedMs, status = LiveStateJson.Status(snapshot.Status), errors = LiveStateJson.Errors(snapshot.MarketErrors),
                positions = LiveStateJson.Positions(snapshot.Positions),
            }, t);
        c.Execute("DELETE FROM live_market WHERE venue = @venue", new { venue }, t);
        c.Execute(
            """
            INSERT INTO live_market (venue, symbol, mark, index_px, oi_base, oi_usd, oi_long_usd, oi_short_usd, time_ms)
            VALUES (@venue, @Symbol, @Mark, @Index, @OpenInterestBase, @OpenInterestUsd, @OpenInterestLongUsd, @OpenInterestShortUsd, @TimeMs)
            """, snapshot.Markets.Values.Select(q => new
            {
                venue, q.Market.Symbol, q.Mark, q.Index, q.OpenInterestBase, q.OpenInterestUsd, q.OpenInterestLongUsd, q.OpenInterestShortUsd, q.TimeMs,
            }), t);
        c.Execute("DELETE FROM live_quote WHERE venue = @venue", new { venue }, t);
        c.Execute(
            """
            INSERT INTO live_quote (venue, symbol, leg, rate_1h, rate_raw, interval_hours, unit, ts_ms, fetched_ms, source, implausible)
            VALUES (@venue, @symbol, @leg, @Rate1h, @RateRaw, @IntervalHours, @unit, @TimeMs, @FetchedAtMs, @Source, @Implausible)
            """, snapshot.Markets.Values.SelectMany(q => q.Legs.Select(l => new
            {
                venue, symbol = q.Market.Symbol, leg = (long)l.Leg, l.Rate1h, l.RateRaw, l.IntervalHours, unit = l.Unit.ToString(), l.TimeMs, l.FetchedAtMs,
                l.Source, l.Implausible,
            })), t);
        Notify(c, t, venue, version);
    }

    /// <summary>A failed poll changes only the status: the markets and quotes stay as the last good poll left them.</summary>
    public void WriteStatus(DbConnection c, DbTransaction t, VenueSnapshot snapshot)
    {
        var venue = snapshot.Venue.Id;
        var version = c.ExecuteScalar<long>(
            """
            INSERT INTO live_venue (venue, version, node, fetched_ms, status_json, market_errors_json, positions_json, updated_ms)
            VALUES (@venue, 1, @node, NULL, @status, @errors, NULL, @now)
            ON CONFLICT (venue) DO UPDATE SET version = live_venue.version + 1, node = excluded.node,
                status_json = excluded.status_json, updated_ms = excluded.updated_ms
            RETURNING version
            """,
            new
            {
                venue, node = _node, status = LiveStateJson.Status(snapshot.Status), errors = LiveStateJson.Errors(snapshot.MarketErrors),
                now = snapshot.Status.LastErrorMs ?? 0,
            }, t);
        Notify(c, t, venue, version);
    }

    private void Notify(DbConnection c, DbTransaction t, string venue, long version)
    {
        if (!dialect.IsPostgres) return;
        c.Execute("SELECT pg_notify(@channel, @payload)",
            new { channel = ClusterChannel.Name, payload = new ClusterMessage(_node, ClusterMessage.Poll, $"{venue}:{version}").Encode() }, t);
    }
}
