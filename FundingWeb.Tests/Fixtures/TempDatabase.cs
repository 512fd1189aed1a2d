using FundingWeb.Core.Storage;

namespace FundingWeb.Tests.Fixtures;

/// <summary>A real SQLite file in a temp folder, migrated, deleted afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fundingweb-tests", Guid.NewGuid().ToString("N"));

    public TempDatabase(string feedMode = "Simulated")
    {
        Directory.CreateDirectory(_directory);
        Path = System.IO.Path.Combine(_directory, "test.db");
        Factory = new SqliteConnectionFactory(Path, TimeSpan.FromSeconds(5));
        SchemaMigrator.Migrate(Factory, feedMode);
    }

    public string Path { get; }
    public SqliteConnectionFactory Factory { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
