using Microsoft.Data.Sqlite;

namespace FundingWeb.Core.Storage;

/// <summary>
/// One write transaction behind the app's writer gate. Stores that share the file (alerts, share links) pass the market
/// repository's <see cref="MarketDataRepository.WriteGate"/>, so a user's write waits its turn in process behind a poll's
/// transaction instead of failing on the file lock when the machine is slow.
/// </summary>
public static class GatedWrite
{
    public static async Task<T> RunAsync<T>(
        SqliteConnectionFactory factory, SemaphoreSlim gate, Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        var waiting = System.Diagnostics.Stopwatch.GetTimestamp();
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        Telemetry.FundingMetrics.WriteGateWait.Record(System.Diagnostics.Stopwatch.GetElapsedTime(waiting).TotalMilliseconds);
        try
        {
            await using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction();
            var result = write(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            gate.Release();
        }
    }
}
