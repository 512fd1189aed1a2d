using FundingWeb.Core.Storage;
using Microsoft.Data.Sqlite;

namespace FundingWeb.Bench;

/// <summary>A real SQLite file on disk, as the app uses it (WAL, synchronous=NORMAL).</summary>
public sealed class BenchDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "fundingweb-bench", Guid.NewGuid().ToString("N"));

    public BenchDatabase()
    {
        Directory.CreateDirectory(_directory);
        Factory = new SqliteConnectionFactory(Path.Combine(_directory, "bench.db"), TimeSpan.FromSeconds(5));
        SchemaMigrator.Migrate(Factory, "Simulated");
    }

    public SqliteConnectionFactory Factory { get; }

    public long SizeBytes => new DirectoryInfo(_directory).GetFiles().Sum(f => f.Length);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
