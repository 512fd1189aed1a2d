using System.Data.Common;
using Dapper;
using FundingWeb.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FundingWeb.Core.Cluster;

/// <summary>
/// Tells the other nodes that something changed, through the database (no broker): PostgreSQL NOTIFY, sent inside the
/// write's own transaction so it leaves only when the change is committed, and heard by each node's
/// <see cref="ClusterListener"/>. On SQLite there is one node and nothing to tell: sends are no-ops and nothing arrives.
/// A node never hears itself: its own subscribers were told in process already.
/// </summary>
public sealed class ClusterChannel(DbConnectionFactory factory, string node, ILogger<ClusterChannel>? logger = null)
{
    /// <summary>The PostgreSQL channel every node listens on.</summary>
    public const string Name = "fundingweb";

    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>This node's name (from <c>NodeName</c>): in every message it sends, and on the leases it takes.</summary>
    public string Node { get; } = Clean(node);

    /// <summary>True when there are other nodes to tell (the engine is shared).</summary>
    public bool IsShared => factory.Dialect.IsPostgres;

    /// <summary>A message from another node; handlers run on the listener's thread and must not block.</summary>
    public event Action<ClusterMessage>? Received;

    /// <summary>After the listener (re)connected: messages may have been missed, so subscribers re-read what they hold.</summary>
    public event Action? Resync;

    /// <summary>Within a write transaction: sent at commit, dropped on rollback.</summary>
    public void Send(DbConnection connection, DbTransaction transaction, string kind, string data = "")
    {
        if (!IsShared) return;
        connection.Execute("SELECT pg_notify(@Name, @payload)", new { Name, payload = new ClusterMessage(Node, kind, data).Encode() }, transaction);
    }

    /// <summary>On its own: for changes whose write happened elsewhere (a rule saved, then the leader told to reload).</summary>
    public async Task SendAsync(string kind, string data, CancellationToken cancellationToken)
    {
        if (!IsShared) return;
        await factory.WriteAsync((c, t) => { Send(c, t, kind, data); return 0; }, cancellationToken).ConfigureAwait(false);
    }

    internal void Deliver(string payload)
    {
        if (ClusterMessage.Decode(payload) is not { } message || message.Node == Node) return;
        Raise(Received, h => h(message), message.Kind);
    }

    internal void RaiseResync() => Raise(Resync, h => h(), "resync");

    // One handler failing must not keep the others from hearing, nor stop the listener.
    private void Raise<T>(T? handlers, Action<T> invoke, string what) where T : Delegate
    {
        if (handlers is null) return;
        foreach (var handler in handlers.GetInvocationList().Cast<T>())
        {
            try { invoke(handler); }
            catch (Exception ex) { _logger.LogError(ex, "A cluster {What} handler failed", what); }
        }
    }

    private static string Clean(string node)
    {
        var cleaned = new string(node.Where(c => c is > ' ' and < '\x7f' and not '|').Take(64).ToArray());
        return cleaned.Length == 0 ? "node" : cleaned;
    }
}
