using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using FundingWeb.Core.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FundingWeb.Core.Cluster;

/// <summary>
/// Leader election on PostgreSQL session-level advisory locks: each duty is one lock, taken with
/// <c>pg_try_advisory_lock</c> on a connection of its own that the leader keeps open. The lock lives exactly as long as
/// that session, so when the leader dies (crash, kill -9, lost network) the server ends the session, the lock is free and
/// a standby's next try takes it. The leader checks its session every <see cref="CheckEvery"/>; a failed check means the
/// lock may be gone, and the lease is reported lost so the node stops leading before another may start.
/// </summary>
public sealed class PostgresLeadership(PostgresConnectionFactory factory, string node, TimeProvider time, ILogger<PostgresLeadership> logger)
    : ILeadership
{
    public static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Lease> _held = new(StringComparer.Ordinal);

    public bool Holds(string name) => _held.ContainsKey(name);

    /// <summary>The advisory lock key of a duty: 64 bits of SHA-256 of its name, stable across nodes and versions.</summary>
    public static long KeyOf(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("fundingweb:" + name)), 0);

    public async Task<ILease> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        var key = KeyOf(name);
        NpgsqlConnection? session = null;
        var waiting = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // The standby keeps one session for its tries instead of connecting once a second.
                session ??= await factory.OpenDedicatedAsync(cancellationToken).ConfigureAwait(false);
                if (await session.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@key)", new { key }, cancellationToken: cancellationToken)).ConfigureAwait(false))
                {
                    await RecordAsync(session, name, cancellationToken).ConfigureAwait(false);
                    var lease = new Lease(this, name, session, logger);
                    _held[name] = lease;
                    lease.Watch(time);
                    logger.LogInformation("{Node} now leads {Duty}", node, name);
                    return lease;
                }
                if (!waiting) logger.LogInformation("{Node} stands by for {Duty}", node, name);
                waiting = true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("{Duty}: leadership try failed ({Error}); trying again", name, ex.Message);
                if (session is not null) await session.DisposeAsync().ConfigureAwait(false);
                session = null;
            }
            try
            {
                await Task.Delay(RetryEvery, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                if (session is not null) await session.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    // Who leads is also written down (on the lock's own session), for operators and for tests that watch a failover.
    private async Task RecordAsync(NpgsqlConnection session, string name, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO node_lease (name, node, since_ms) VALUES (@name, @node, @now)
            ON CONFLICT (name) DO UPDATE SET node = excluded.node, since_ms = excluded.since_ms
            """, new { name, node, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)).ConfigureAwait(false);

    private void Forget(Lease lease) => _held.TryRemove(new KeyValuePair<string, Lease>(lease.Name, lease));

    private sealed class Lease(PostgresLeadership owner, string name, NpgsqlConnection session, ILogger logger) : ILease
    {
        private readonly CancellationTokenSource _lost = new();
        private readonly CancellationTokenSource _disposed = new();
        private Task _watch = Task.CompletedTask;

        public string Name => name;

        public CancellationToken Lost => _lost.Token;

        public void Watch(TimeProvider time) => _watch = WatchAsync(time);

        private async Task WatchAsync(TimeProvider time)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(CheckEvery, time, _disposed.Token).ConfigureAwait(false);
                    using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
                    deadline.CancelAfter(CheckEvery * 2);
                    await session.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: deadline.Token)).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                logger.LogWarning("Leadership of {Duty} lost: its session failed ({Error})", name, ex.Message);
                owner.Forget(this);
                await _lost.CancelAsync().ConfigureAwait(false);
            }
        }

        public async ValueTask DisposeAsync()
        {
            owner.Forget(this);
            await _disposed.CancelAsync().ConfigureAwait(false);
            await _watch.ConfigureAwait(false);
            // Closing the session releases the lock: the standby's next try takes it.
            await session.DisposeAsync().ConfigureAwait(false);
            _lost.Dispose();
            _disposed.Dispose();
        }
    }
}
