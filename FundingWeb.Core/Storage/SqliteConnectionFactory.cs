using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace FundingWeb.Core.Storage;

/// <summary>
/// Opens connections to the one database file with the pragmas every connection needs.
/// WAL lets the pages read while the poller writes; NORMAL sync in WAL keeps the database consistent on a crash
/// (at most the last commits are lost, never half a transaction). The file has one writer: every write of every store
/// waits its turn at <see cref="_writeGate"/> in process, instead of failing on the file lock when the machine is slow.
/// </summary>
public sealed class SqliteConnectionFactory : DbConnectionFactory
{
    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <param name="shareLiveState">Also write each poll's live state (<see cref="LiveStateWriter"/>); off for the one-process default.</param>
    public SqliteConnectionFactory(string path, TimeSpan busyTimeout, bool shareLiveState = false)
    {
        Path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var busyTimeoutMs = (int)busyTimeout.TotalMilliseconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, busyTimeoutMs / 1000),
        }.ToString();
        _pragmas = $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={busyTimeoutMs}; PRAGMA foreign_keys=ON;";
        Dialect = shareLiveState ? SqlDialect.Sqlite with { SharesLiveState = true } : SqlDialect.Sqlite;
    }

    public string Path { get; }

    public override SqlDialect Dialect { get; }

    public override string Location => Path;

    public override SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
        return connection;
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, T> write, CancellationToken cancellationToken)
    {
        var waiting = System.Diagnostics.Stopwatch.GetTimestamp();
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        Telemetry.FundingMetrics.WriteGateWait.Record(System.Diagnostics.Stopwatch.GetElapsedTime(waiting).TotalMilliseconds);
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            var result = write(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
