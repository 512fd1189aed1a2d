namespace FundingWeb.Core.Storage;

/// <summary>
/// The few places where the stores' SQL differs between engines, as fragments the stores splice in once (their statements
/// are built at construction, not per call). Everything else is written once in SQL both engines read: upserts with
/// <c>ON CONFLICT … DO UPDATE</c>, <c>RETURNING</c>, integer division of BIGINT columns.
/// </summary>
/// <param name="InsertOrIgnore">The verb of an insert that skips rows already there (pair with <see cref="OnConflictIgnore"/>).</param>
/// <param name="OnConflictIgnore">The tail of that insert.</param>
/// <param name="SharesLiveState">Each poll also writes the live state other nodes load (<see cref="LiveStateWriter"/>).</param>
public sealed record SqlDialect(StorageProvider Provider, string InsertOrIgnore, string OnConflictIgnore, bool SharesLiveState)
{
    public static SqlDialect Sqlite { get; } = new(StorageProvider.Sqlite, "INSERT OR IGNORE", "", false);

    public static SqlDialect Postgres { get; } = new(StorageProvider.Postgres, "INSERT", "ON CONFLICT DO NOTHING", true);

    public bool IsPostgres => Provider == StorageProvider.Postgres;

    /// <summary>The larger of two values in one row (SQLite's two-argument MAX; PostgreSQL's GREATEST).</summary>
    public string Greatest(string a, string b) => IsPostgres ? $"GREATEST({a}, {b})" : $"MAX({a}, {b})";

    public string Least(string a, string b) => IsPostgres ? $"LEAST({a}, {b})" : $"MIN({a}, {b})";

    /// <summary>
    /// <paramref name="column"/> is one of the list parameter. Dapper expands a list for SQLite; Npgsql takes an array
    /// as one parameter (pass an array).
    /// </summary>
    public string InList(string column, string parameter) => IsPostgres ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";
}
