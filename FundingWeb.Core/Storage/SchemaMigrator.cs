using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace FundingWeb.Core.Storage;

/// <summary>
/// Applies the embedded Schema/{Engine}/NNN_name.sql scripts of the factory's engine in order, each in its own
/// transaction, recording the number (SQLite: PRAGMA user_version; PostgreSQL: table schema_version, under an advisory
/// lock so nodes starting together migrate once). Records the feed mode so a simulated database is never opened by the
/// live feed or vice versa.
/// </summary>
public static partial class SchemaMigrator
{
    /// <summary>The SQLite scripts (the default engine).</summary>
    public static IReadOnlyList<(int Version, string Name)> Scripts { get; } = ScriptsOf(StorageProvider.Sqlite);

    public static int LatestVersion => Scripts.Count == 0 ? 0 : Scripts[^1].Version;

    public static IReadOnlyList<(int Version, string Name)> ScriptsOf(StorageProvider provider) =>
        LoadScripts(provider).Select(s => (s.Version, s.Name)).ToList();

    public static int LatestVersionOf(StorageProvider provider) => ScriptsOf(provider) is { Count: > 0 } s ? s[^1].Version : 0;

    // Any constant: the lock only has to be the same for every node of one database.
    private const long MigrationLock = 0x46_57_5F_4D_49_47_52;

    public static int Migrate(DbConnectionFactory factory, string feedMode)
    {
        var provider = factory.Dialect.Provider;
        using var connection = factory.Open();
        if (provider == StorageProvider.Postgres)
        {
            connection.Execute("SELECT pg_advisory_lock(@MigrationLock)", new { MigrationLock });
            connection.Execute("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)");
        }
        try
        {
            var current = ReadVersion(connection, provider);
            foreach (var script in LoadScripts(provider).Where(s => s.Version > current))
            {
                using var transaction = connection.BeginTransaction();
                connection.Execute(script.Sql, transaction: transaction);
                WriteVersion(connection, transaction, provider, script.Version);
                transaction.Commit();
                current = script.Version;
            }
            CheckFeedMode(connection, factory, feedMode);
            return current;
        }
        finally
        {
            if (provider == StorageProvider.Postgres) connection.Execute("SELECT pg_advisory_unlock(@MigrationLock)", new { MigrationLock });
        }
    }

    private static int ReadVersion(DbConnection connection, StorageProvider provider) => provider == StorageProvider.Postgres
        ? (int)connection.ExecuteScalar<long>("SELECT COALESCE(MAX(version), 0) FROM schema_version")
        : connection.ExecuteScalar<int>("PRAGMA user_version");

    private static void WriteVersion(DbConnection connection, DbTransaction transaction, StorageProvider provider, int version)
    {
        if (provider == StorageProvider.Postgres)
        {
            connection.Execute("DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES (@version)", new { version = (long)version }, transaction);
        }
        else
        {
            connection.Execute($"PRAGMA user_version = {version}", transaction: transaction);
        }
    }

    private static void CheckFeedMode(DbConnection connection, DbConnectionFactory factory, string feedMode)
    {
        var recorded = connection.ExecuteScalar<string?>("SELECT value FROM meta WHERE key = 'feed_mode'");
        if (recorded is null)
        {
            connection.Execute($"{factory.Dialect.InsertOrIgnore} INTO meta (key, value) VALUES ('feed_mode', @feedMode) {factory.Dialect.OnConflictIgnore}", new { feedMode });
            recorded = connection.ExecuteScalar<string>("SELECT value FROM meta WHERE key = 'feed_mode'");
        }
        if (!string.Equals(recorded, feedMode, StringComparison.OrdinalIgnoreCase))
        {
            var setting = factory.Dialect.IsPostgres ? "Storage:ConnectionString at another database" : "Storage:Path at another file";
            throw new InvalidOperationException(
                $"The database {factory.Location} holds {recorded} data and the feed is {feedMode}. Simulated and live data never share a database: " +
                $"point {setting}.");
        }
    }

    private static IEnumerable<(int Version, string Name, string Sql)> LoadScripts(StorageProvider provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Select(name => (name, match: ScriptName().Match(name)))
            .Where(x => x.match.Success && x.match.Groups[1].Value == provider.ToString())
            .Select(x => (int.Parse(x.match.Groups[2].Value), x.match.Groups[3].Value, Read(assembly, x.name)))
            .OrderBy(x => x.Item1);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"Schema\.(Sqlite|Postgres)\.(\d+)_(\w+)\.sql$")]
    private static partial Regex ScriptName();
}
