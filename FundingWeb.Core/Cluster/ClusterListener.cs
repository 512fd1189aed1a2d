using FundingWeb.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FundingWeb.Core.Cluster;

/// <summary>
/// LISTENs on one dedicated PostgreSQL connection and hands every notification to the <see cref="ClusterChannel"/>.
/// A dropped connection is reopened; after every (re)connect the channel asks its subscribers to re-read, since what was
/// sent while nobody listened is gone. Does nothing on SQLite.
/// </summary>
public sealed class ClusterListener(DbConnectionFactory factory, ClusterChannel channel, TimeProvider time, ILogger<ClusterListener> logger) : BackgroundService
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    /// <summary>Set once the first LISTEN is in place (a node starting up waits for it before it serves).</summary>
    public Task Listening => _listening.Task;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (factory is not PostgresConnectionFactory postgres)
        {
            _listening.TrySetResult();
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await postgres.OpenDedicatedAsync(stoppingToken).ConfigureAwait(false);
                connection.Notification += (_, e) => channel.Deliver(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ClusterChannel.Name}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                }
                _listening.TrySetResult();
                channel.RaiseResync();
                while (!stoppingToken.IsCancellationRequested)
                {
                    // WaitAsync returns false on timeout: then a round trip proves the session is still there.
                    if (!await connection.WaitAsync(Heartbeat, stoppingToken).ConfigureAwait(false))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Cluster listener lost its connection ({Error}); reconnecting", ex.Message);
            }
            try { await Task.Delay(Retry, time, stoppingToken).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
    }
}
