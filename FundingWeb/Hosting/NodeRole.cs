namespace FundingWeb.Hosting;

/// <summary>What one process of a deployment does (<c>--Role=</c>).</summary>
public enum NodeRole
{
    /// <summary>Everything: polls, evaluates alerts and serves pages (the one-machine default; on PostgreSQL it also stands for leadership).</summary>
    All,

    /// <summary>Stands for leadership of each venue's polling, of alerts and of retention; serves only <c>/healthz</c>.</summary>
    Poller,

    /// <summary>Serves pages and the API from the shared database; polls nothing, sends no webhooks.</summary>
    Web,
}
