using System.Data.Common;
using Npgsql;

namespace FundingWeb.Core.Storage;

/// <summary>
/// Connections from one pooled <see cref="NpgsqlDataSource"/>. PostgreSQL takes many writers at once (row locks, MVCC),
/// so writes are not queued here: pollers of different venues and users' edits commit side by side.
/// </summary>
public sealed class PostgresConnectionFactory : DbConnectionFactory, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresConnectionFactory(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // A dead peer (a node killed, a cable pulled) is noticed in seconds, not at the kernel's two-hour default.
        if (builder.KeepAlive == 0) builder.KeepAlive = 5;
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "FundingWeb";
        ConnectionString = builder.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(builder);
        Location = $"postgres://{builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>For the connections that must not come from the pool: a leader's lock session, the listener.</summary>
    public string ConnectionString { get; }

    public override SqlDialect Dialect => SqlDialect.Postgres;

    public override string Location { get; }

    public override NpgsqlConnection Open() => _dataSource.OpenConnection();

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>A connection outside the pool, for a session whose life means something (an advisory lock, a LISTEN).</summary>
    public async Task<NpgsqlConnection> OpenDedicatedAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, T> write, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = write(connection, transaction);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
