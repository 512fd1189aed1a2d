using FundingWeb.Core.Storage;
using FundingWeb.Tests.Fixtures;

namespace FundingWeb.Tests.Postgres;

/// <summary>A fresh, migrated database on the run's throwaway PostgreSQL cluster, with its month partitions.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private PostgresDatabase(string connectionString, PostgresConnectionFactory factory)
    {
        ConnectionString = connectionString;
        Factory = factory;
    }

    public string ConnectionString { get; }
    public PostgresConnectionFactory Factory { get; }

    public static async Task<PostgresDatabase> CreateAsync(TimeProvider? time = null, string feedMode = "Simulated")
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync();
        var factory = new PostgresConnectionFactory(connectionString);
        SchemaMigrator.Migrate(factory, feedMode);
        PostgresPartitions.Ensure(factory, time ?? TimeProvider.System, TimeSpan.FromDays(400));
        return new PostgresDatabase(connectionString, factory);
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
