namespace FundingWeb.Core.Venues.Simulator;

/// <summary>
/// How a simulated venue's settlement chain behaves, modelled on the real ones: block time, how far its settled (L1)
/// state normally trails (null: final when made), and whether a sequencer-uptime feed reports it (and how often it goes down).
/// </summary>
public sealed record SimChainProfile(string Name, double BlockSeconds, double? SettledLagSeconds, bool HasSequencerFeed, double OutagesPerDay)
{
    public static SimChainProfile For(string venueId) => venueId switch
    {
        VenueIds.Hyperliquid => new("HyperCore (L1)", 0.2, null, false, 0),
        VenueIds.Dydx => new("dYdX Chain (Cosmos)", 1.1, null, false, 0),
        VenueIds.Paradex => new("Paradex Chain (Starknet appchain)", 6, 3 * 3600, false, 0),
        VenueIds.Lighter => new("Lighter (zk rollup on Ethereum)", 2, 45 * 60, false, 0),
        VenueIds.Aevo => new("Aevo L2 (OP stack)", 2, 20 * 60, false, 0),
        VenueIds.Gmx => new("Arbitrum One", 0.25, 15 * 60, true, 0.5),
        _ => new(venueId + " chain", 1, null, false, 0),
    };
}
