using System.Data.Common;
using Dapper;
using FundingWeb.Core.Funding;
using FundingWeb.Core.OpenInterest;
using FundingWeb.Core.Prices;

namespace FundingWeb.Core.Storage;

/// <summary>
/// The large writes on PostgreSQL as one statement each: the rows go as arrays and <c>unnest</c> turns them back into
/// rows server-side, so a poll or a backfill page costs one round trip per table instead of one per row (SQLite runs
/// in process, where a prepared statement per row is already the fast way). One statement cannot touch a key twice, so
/// rows repeating a key are folded first the way row-by-row upserts would have left them.
/// </summary>
internal static class PostgresBulk
{
    private const string FundingColumns = "venue, symbol, kind, leg, ts_ms, rate_raw, interval_hours, unit, rate_1h, origin, check_rate_1h, implausible";

    private const string FundingRows =
        "SELECT * FROM unnest(@venue::text[], @symbol::text[], @kind::smallint[], @leg::smallint[], @ts::bigint[], @raw::float8[], @interval::float8[], " +
        "@unit::text[], @rate::float8[], @origin::text[], @check::float8[], @implausible::text[])";

    /// <summary>A poll: the newest reading of a key wins (as the row-by-row upsert, last write wins).</summary>
    public static int UpsertFunding(DbConnection c, DbTransaction t, IReadOnlyList<FundingRate> rows) => rows.Count == 0 ? 0 : c.Execute(
        $"""
        INSERT INTO funding ({FundingColumns}) {FundingRows}
        ON CONFLICT (venue, symbol, kind, leg, ts_ms) DO UPDATE SET rate_raw = excluded.rate_raw,
            interval_hours = excluded.interval_hours, unit = excluded.unit, rate_1h = excluded.rate_1h,
            origin = excluded.origin, check_rate_1h = excluded.check_rate_1h, implausible = excluded.implausible
        """, FundingArrays(rows.GroupBy(Key).Select(g => g.Last())), t);

    /// <summary>A backfill: what is stored wins, except that an exact (index) row replaces an hourly sample.</summary>
    public static int InsertFundingHistory(DbConnection c, DbTransaction t, IReadOnlyList<FundingRate> rows) => rows.Count == 0 ? 0 : c.Execute(
        $"""
        INSERT INTO funding ({FundingColumns}) {FundingRows}
        ON CONFLICT (venue, symbol, kind, leg, ts_ms) DO UPDATE SET rate_raw = excluded.rate_raw, interval_hours = excluded.interval_hours,
            unit = excluded.unit, rate_1h = excluded.rate_1h, origin = excluded.origin, check_rate_1h = excluded.check_rate_1h,
            implausible = excluded.implausible
        WHERE funding.origin = 'sample' AND excluded.origin = 'index'
        """, FundingArrays(rows.GroupBy(Key).Select(g => g.FirstOrDefault(f => f.Origin == FundingOrigins.IndexDelta) ?? g.First())), t);

    public static int UpsertOpenInterest(DbConnection c, DbTransaction t, string venue, IReadOnlyList<OpenInterestObservation> rows, bool keepExisting)
    {
        if (rows.Count == 0) return 0;
        var folded = rows.GroupBy(o => (o.Symbol, o.TimeMs)).Select(g => keepExisting ? g.First() : g.Last()).ToArray();
        var conflict = keepExisting
            ? "DO NOTHING"
            : "DO UPDATE SET base = excluded.base, usd = excluded.usd, long_usd = excluded.long_usd, short_usd = excluded.short_usd";
        return c.Execute(
            $"""
            INSERT INTO open_interest (venue, symbol, ts_ms, base, usd, long_usd, short_usd)
            SELECT @venue, * FROM unnest(@symbol::text[], @ts::bigint[], @base::float8[], @usd::float8[], @longUsd::float8[], @shortUsd::float8[])
            ON CONFLICT (venue, symbol, ts_ms) {conflict}
            """,
            new
            {
                venue, symbol = folded.Select(o => o.Symbol).ToArray(), ts = folded.Select(o => o.TimeMs).ToArray(),
                @base = folded.Select(o => o.Base).ToArray(), usd = folded.Select(o => o.Usd).ToArray(),
                longUsd = folded.Select(o => o.LongUsd).ToArray(), shortUsd = folded.Select(o => o.ShortUsd).ToArray(),
            }, t);
    }

    public static int UpsertPrices(DbConnection c, DbTransaction t, string venue, IReadOnlyList<PriceObservation> rows)
    {
        if (rows.Count == 0) return 0;
        var folded = rows.GroupBy(p => (p.Symbol, p.TimeMs)).Select(g => g.Last()).ToArray();
        return c.Execute(
            """
            INSERT INTO price (venue, symbol, ts_ms, mark, index_px)
            SELECT @venue, * FROM unnest(@symbol::text[], @ts::bigint[], @mark::float8[], @index::float8[])
            ON CONFLICT (venue, symbol, ts_ms) DO UPDATE SET mark = excluded.mark, index_px = excluded.index_px
            """,
            new
            {
                venue, symbol = folded.Select(p => p.Symbol).ToArray(), ts = folded.Select(p => p.TimeMs).ToArray(),
                mark = folded.Select(p => p.Mark).ToArray(), index = folded.Select(p => p.Index).ToArray(),
            }, t);
    }

    private static (string, string, FundingKind, FundingLeg, long) Key(FundingRate f) => (f.Venue, f.Symbol, f.Kind, f.Leg, f.TimeMs);

    private static object FundingArrays(IEnumerable<FundingRate> rows)
    {
        var r = rows.ToArray();
        return new
        {
            venue = r.Select(f => f.Venue).ToArray(), symbol = r.Select(f => f.Symbol).ToArray(),
            kind = r.Select(f => (short)f.Kind).ToArray(), leg = r.Select(f => (short)f.Leg).ToArray(), ts = r.Select(f => f.TimeMs).ToArray(),
            raw = r.Select(f => f.RateRaw).ToArray(), interval = r.Select(f => f.IntervalHours).ToArray(), unit = r.Select(f => f.Unit.ToString()).ToArray(),
            rate = r.Select(f => f.Rate1h).ToArray(), origin = r.Select(f => f.Origin).ToArray(), check = r.Select(f => f.CrossCheck1h).ToArray(),
            implausible = r.Select(f => f.Implausible).ToArray(),
        };
    }
}
