using Dapper;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Ingest;
using System.Data.Common;

namespace FundingWeb.Core.Storage;

public sealed partial class MarketDataRepository
{
    /// <summary>The conventions the database remembers for one venue, with each market's latest change.</summary>
    public IReadOnlyDictionary<string, MarketConvention> GetConventions(string venue)
    {
        using var connection = _factory.Open();
        return ReadConventions(connection, venue);
    }

    internal static Dictionary<string, MarketConvention> ReadConventions(DbConnection connection, string? venue)
    {
        var rows = connection.Query<ConventionRow>(
            """
            SELECT c.venue AS Venue, c.symbol AS Symbol, c.interval_hours AS IntervalHours, c.unit AS Unit, c.cap_1h AS Cap1h,
                   c.cap_source AS CapSource, c.source AS Source, c.assumed AS Assumed, c.read_at_ms AS ReadAtMs, c.since_ms AS SinceMs,
                   ch.ts_ms AS ChangeMs, ch.field AS ChangeField, ch.old_value AS ChangeOld, ch.new_value AS ChangeNew
            FROM market_convention c
            LEFT JOIN convention_change ch ON ch.venue = c.venue AND ch.symbol = c.symbol
                AND ch.ts_ms = (SELECT MAX(ts_ms) FROM convention_change x WHERE x.venue = c.venue AND x.symbol = c.symbol)
            WHERE @venue IS NULL OR c.venue = @venue
            ORDER BY c.venue, c.symbol, ch.field
            """, new { venue });
        var result = new Dictionary<string, MarketConvention>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var key = venue is null ? r.Venue + "\n" + r.Symbol : r.Symbol;
            var unit = Enum.TryParse<RateUnit>(r.Unit, out var u) ? u : RateUnit.Fraction;
            var change = r.ChangeMs is { } ms ? new ConventionChange(r.Venue, r.Symbol, ms, r.ChangeField!, r.ChangeOld!, r.ChangeNew!) : null;
            result[key] = new MarketConvention(r.IntervalHours, unit, r.Cap1h, r.CapSource, r.Source, r.Assumed != 0, r.ReadAtMs, r.SinceMs, change);
        }
        return result;
    }

    /// <summary>Every venue's market conventions, for the Venues page.</summary>
    public IReadOnlyList<(string Venue, string Symbol, MarketConvention Convention)> GetAllConventions()
    {
        using var connection = _factory.Open();
        return ReadConventions(connection, null)
            .Select(kv => { var parts = kv.Key.Split('\n', 2); return (parts[0], parts[1], kv.Value); })
            .ToList();
    }

    /// <summary>The most recent convention changes, newest first (bounded).</summary>
    public async Task<IReadOnlyList<ConventionChange>> GetConventionChangesAsync(int limit, CancellationToken cancellationToken)
    {
        using var connection = _factory.Open();
        var rows = await connection.QueryAsync<ConventionChange>(new CommandDefinition(
            """
            SELECT venue AS Venue, symbol AS Symbol, ts_ms AS TimeMs, field AS Field, old_value AS OldValue, new_value AS NewValue
            FROM convention_change ORDER BY ts_ms DESC, venue, symbol, field LIMIT @limit
            """, new { limit = Math.Clamp(limit, 1, 1000) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    private void UpsertConventions(DbConnection c, DbTransaction t, ConventionUpdate? update)
    {
        if (update is null) return;
        c.Execute(
            """
            INSERT INTO market_convention (venue, symbol, interval_hours, unit, cap_1h, cap_source, source, assumed, read_at_ms, since_ms)
            VALUES (@venue, @symbol, @IntervalHours, @unit, @Cap1h, @CapSource, @Source, @IntervalAssumed, @ReadAtMs, @SinceMs)
            ON CONFLICT (venue, symbol) DO UPDATE SET interval_hours = excluded.interval_hours, unit = excluded.unit,
                cap_1h = excluded.cap_1h, cap_source = excluded.cap_source, source = excluded.source, assumed = excluded.assumed,
                read_at_ms = excluded.read_at_ms, since_ms = excluded.since_ms
            """, update.Markets.Select(kv => new
            {
                venue = update.Venue, symbol = kv.Key, kv.Value.IntervalHours, unit = kv.Value.Unit.ToString(), kv.Value.Cap1h,
                kv.Value.CapSource, kv.Value.Source, IntervalAssumed = kv.Value.IntervalAssumed ? 1L : 0L, kv.Value.ReadAtMs, kv.Value.SinceMs,
            }), t);
        c.Execute(_insertConventionChange, update.Changes, t);
    }

    private sealed record ConventionRow(
        string Venue, string Symbol, double IntervalHours, string Unit, double? Cap1h, string? CapSource, string? Source, long Assumed,
        long ReadAtMs, long SinceMs, long? ChangeMs, string? ChangeField, string? ChangeOld, string? ChangeNew);
}
