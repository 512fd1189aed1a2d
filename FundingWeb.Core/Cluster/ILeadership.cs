namespace FundingWeb.Core.Cluster;

/// <summary>Who leads each duty. One process on SQLite always does; on PostgreSQL one node at a time per name.</summary>
public interface ILeadership
{
    /// <summary>Waits until this node holds <paramref name="name"/>; a standby keeps trying until the leader goes.</summary>
    Task<ILease> AcquireAsync(string name, CancellationToken cancellationToken);

    /// <summary>Whether this node leads <paramref name="name"/> now.</summary>
    bool Holds(string name);
}
