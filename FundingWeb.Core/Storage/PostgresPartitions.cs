using Dapper;
using Npgsql;

namespace FundingWeb.Core.Storage;

/// <summary>
/// Monthly partitions of the large tables (funding, open_interest, price) on PostgreSQL. Months are created from the
/// history window's start to two months ahead at start and by every retention run, so writes land in their month; rows
/// outside (older than the window, or far in the future) land in the default partition instead of failing. Retention
/// drops whole months once they are past the history window: no delete, no vacuum debt.
/// </summary>
public static class PostgresPartitions
{
    public static readonly string[] Tables = ["funding", "open_interest", "price"];

    private const long PartitionLock = 0x46_57_5F_50_41_52_54;

    /// <summary>The month partition's name for a table and the month's first day (UTC).</summary>
    public static string NameOf(string table, DateTime month) => $"{table}_p{month:yyyyMM}";

    /// <summary>Creates the missing months; returns how many it created.</summary>
    public static int Ensure(PostgresConnectionFactory factory, TimeProvider time, TimeSpan historyRetention)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var first = MonthOf(now - historyRetention).AddMonths(-1);
        var last = MonthOf(now).AddMonths(2);
        var created = 0;
        using var connection = factory.Open();
        foreach (var table in Tables)
        {
            var existing = Existing(connection, table);
            for (var month = first; month <= last; month = month.AddMonths(1))
            {
                var name = NameOf(table, month);
                if (existing.Contains(name)) continue;
                try
                {
                    using var transaction = connection.BeginTransaction();
                    connection.Execute("SELECT pg_advisory_xact_lock(@PartitionLock)", new { PartitionLock }, transaction);
                    connection.Execute(
                        $"CREATE TABLE IF NOT EXISTS {name} PARTITION OF {table} FOR VALUES FROM ({Ms(month)}) TO ({Ms(month.AddMonths(1))})",
                        transaction: transaction);
                    transaction.Commit();
                    created++;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CheckViolation)
                {
                    // The default partition already holds rows of that month (written before the month had a partition):
                    // they stay there, readable as ever; the month simply goes without its own partition.
                }
            }
        }
        return created;
    }

    /// <summary>Drops the months that end before <paramref name="historyCutoffMs"/>; returns how many.</summary>
    public static int DropBefore(PostgresConnectionFactory factory, long historyCutoffMs)
    {
        var dropped = 0;
        using var connection = factory.Open();
        foreach (var table in Tables)
        {
            foreach (var name in Existing(connection, table))
            {
                if (!DateTime.TryParseExact(name[(table.Length + 2)..], "yyyyMM", null,
                        System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var month)) continue;
                if (Ms(month.AddMonths(1)) > historyCutoffMs) continue;
                using var transaction = connection.BeginTransaction();
                connection.Execute("SELECT pg_advisory_xact_lock(@PartitionLock)", new { PartitionLock }, transaction);
                connection.Execute($"DROP TABLE IF EXISTS {name}", transaction: transaction);
                transaction.Commit();
                dropped++;
            }
        }
        return dropped;
    }

    private static HashSet<string> Existing(NpgsqlConnection connection, string table) =>
        connection.Query<string>(
            """
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
            WHERE p.relname = @table AND c.relname LIKE @pattern
            """, new { table, pattern = table + "_p%" }).ToHashSet(StringComparer.Ordinal);

    private static DateTime MonthOf(DateTime t) => new(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc);

    private static long Ms(DateTime t) => new DateTimeOffset(t, TimeSpan.Zero).ToUnixTimeMilliseconds();
}
