namespace FundingWeb.Core.Chains;

/// <summary>What a chain's head age says, against the venue's thresholds.</summary>
public enum ChainState
{
    /// <summary>No reading, or the head could not be read.</summary>
    Unknown,
    Fresh,
    Lagging,
    Stalled,
    /// <summary>Slow inside a configured maintenance window: planned, not an outage.</summary>
    Maintenance,
}
