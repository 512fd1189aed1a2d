using System.Data.Common;

namespace FundingWeb.Core.Storage;

/// <summary>
/// The one seam between the stores and the engine: opens connections, says where SQL must differ
/// (<see cref="Dialect"/>) and runs write transactions behind whatever writer discipline the engine needs. SQLite has one
/// writer per file, so its factory queues writes in process; PostgreSQL takes concurrent writers and queues none.
/// </summary>
public abstract class DbConnectionFactory
{
    public abstract SqlDialect Dialect { get; }

    /// <summary>Where the data lives, for messages (a file path, or host and database; never a password).</summary>
    public abstract string Location { get; }

    public abstract DbConnection Open();

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>One write transaction: committed when <paramref name="write"/> returns, rolled back when it throws.</summary>
    public abstract Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, T> write, CancellationToken cancellationToken);
}
