namespace FundingWeb.Core.Storage;

public sealed class StorageOptions
{
    /// <summary>SQLite (one file, the default) or PostgreSQL (shared by several nodes; needs <see cref="ConnectionString"/>).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>PostgreSQL only: an Npgsql connection string (Host=…;Port=…;Database=…;Username=…;Password=…).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>SQLite file. When empty, the feed mode picks its own default so simulated and live data never share a file.</summary>
    public string Path { get; set; } = "";

    /// <summary>Quoted rates, OI and prices at poll cadence are kept this long; older ones are thinned to one per hour.</summary>
    public TimeSpan RawRetention { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Poll-cadence rows are stored at most this often per market (0 = every poll).</summary>
    public TimeSpan RawInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Hourly history older than this is deleted (settled funding included).</summary>
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(400);

    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
