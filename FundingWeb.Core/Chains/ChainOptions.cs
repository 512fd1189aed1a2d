namespace FundingWeb.Core.Chains;

/// <summary>Bound from <c>Chains:{venue}</c>: which public source tells this venue's chain health, and what counts as slow.</summary>
public sealed class ChainOptions
{
    /// <summary><c>Evm</c> (JSON-RPC), <c>Starknet</c> (JSON-RPC), <c>DydxIndexer</c> (<c>/v4/height</c>), or empty for none.</summary>
    public string Kind { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Public keyless endpoint (JSON-RPC URL, or the dYdX indexer base). Empty: no probe in live mode.</summary>
    public string RpcUrl { get; set; } = "";

    /// <summary>EVM: a Chainlink L2 sequencer-uptime feed proxy (<c>latestRoundData</c>: 0 = up, 1 = down).</summary>
    public string? SequencerFeed { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(8);

    public int RequestsPerMinute { get; set; } = 20;

    /// <summary>Head older than this: lagging.</summary>
    public TimeSpan LagAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Head older than this: stalled (the chain is not moving).</summary>
    public TimeSpan StallAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Planned windows (e.g. a venue's daily release), shown as planned rather than as outages.</summary>
    public List<MaintenanceWindow> MaintenanceWindows { get; set; } = [];
}
