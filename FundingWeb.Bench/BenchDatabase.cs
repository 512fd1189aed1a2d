using Dapper;
using FundingWeb.Core.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FundingWeb.Bench;

/// <summary>
/// A real database as the app uses it: a SQLite file on disk (WAL, synchronous=NORMAL), or a fresh database on the
/// PostgreSQL server named by <c>--postgres</c> (created for the run, with its month partitions, dropped after).
/// </summary>
public sealed class BenchDatabase : IDisposable
{
    private readonly string? _directory;
    private readonly string? _postgresAdmin;
    private readonly string? _database;

    private BenchDatabase(DbConnectionFactory factory, string? directory, string? postgresAdmin, string? database)
    {
        Factory = factory;
        _directory = directory;
        _postgresAdmin = postgresAdmin;
        _database = database;
    }

    /// <summary>The SQLite file (the default engine).</summary>
    public BenchDatabase() : this(CreateSqlite(out var directory), directory, null, null)
    {
    }

    public DbConnectionFactory Factory { get; }

    public string Engine => Factory.Dialect.IsPostgres ? "PostgreSQL" : "SQLite";

    public static BenchDatabase Create(string? postgresAdmin)
    {
        if (postgresAdmin is null) return new BenchDatabase();
        var database = "fw_bench_" + Guid.NewGuid().ToString("N")[..12];
        using (var admin = new NpgsqlConnection(postgresAdmin))
        {
            admin.Open();
            admin.Execute($"CREATE DATABASE {database}");
        }
        var factory = new PostgresConnectionFactory(new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = database }.ConnectionString);
        SchemaMigrator.Migrate(factory, "Simulated");
        PostgresPartitions.Ensure(factory, TimeProvider.System, TimeSpan.FromDays(400));
        return new BenchDatabase(factory, null, postgresAdmin, database);
    }

    private static SqliteConnectionFactory CreateSqlite(out string directory)
    {
        directory = Path.Combine(Path.GetTempPath(), "fundingweb-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var factory = new SqliteConnectionFactory(Path.Combine(directory, "bench.db"), TimeSpan.FromSeconds(5));
        SchemaMigrator.Migrate(factory, "Simulated");
        return factory;
    }

    public long SizeBytes
    {
        get
        {
            if (_directory is not null) return new DirectoryInfo(_directory).GetFiles().Sum(f => f.Length);
            using var c = Factory.Open();
            return c.ExecuteScalar<long>("SELECT pg_database_size(current_database())");
        }
    }

    public void Dispose()
    {
        if (_directory is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
            return;
        }
        ((PostgresConnectionFactory)Factory).DisposeAsync().AsTask().GetAwaiter().GetResult();
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(_postgresAdmin);
        admin.Open();
        admin.Execute($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }
}
