namespace FundingWeb.Core.Storage;

/// <summary>Which engine holds the data: one SQLite file (one machine, the default) or a shared PostgreSQL (scale-out).</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}
