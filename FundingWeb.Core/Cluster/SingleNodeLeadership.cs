namespace FundingWeb.Core.Cluster;

/// <summary>One process, one database file: it leads everything, at once, for ever.</summary>
public sealed class SingleNodeLeadership : ILeadership
{
    public Task<ILease> AcquireAsync(string name, CancellationToken cancellationToken) => Task.FromResult<ILease>(new Lease(name));

    public bool Holds(string name) => true;

    private sealed class Lease(string name) : ILease
    {
        public string Name => name;
        public CancellationToken Lost => CancellationToken.None;
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
