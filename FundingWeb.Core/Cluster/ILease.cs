namespace FundingWeb.Core.Cluster;

/// <summary>Leadership of one named duty (a venue's polling, alert evaluation, retention) while held. Dispose to give it up.</summary>
public interface ILease : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Cancelled when the lease is gone without being given up (the session holding it died): stop leading at once.</summary>
    CancellationToken Lost { get; }
}
