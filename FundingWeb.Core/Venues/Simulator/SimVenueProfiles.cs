namespace FundingWeb.Core.Venues.Simulator;

/// <summary>
/// Six simulated venues modelled on the real ones. Settlement facts are configuration-grade figures
/// (rollup kind, typical withdrawal delay, taker fee), not measurements.
/// </summary>
public static class SimVenueProfiles
{
    public static IReadOnlyList<SimVenueProfile> All { get; } =
    [
        new(new VenueInfo(VenueIds.Hyperliquid, "Hyperliquid", "L1 appchain (HyperCore)", TimeSpan.FromMinutes(5), 0.00045, true),
            SimFundingStyle.EightHourFormulaPaidHourly, [1.0, 1.0, 1.0], 0.38, 1.0, 0.00005, 0.04, 40, a => a),
        new(new VenueInfo(VenueIds.Dydx, "dYdX v4", "Cosmos appchain", TimeSpan.FromMinutes(15), 0.0005, true),
            SimFundingStyle.Hourly, [1.0, 0.9, 0.6], 0.14, 0.8, -0.00005, 0.0075, 20, a => a + "-USD"),
        new(new VenueInfo(VenueIds.Paradex, "Paradex", "Starknet appchain (validity rollup)", TimeSpan.FromHours(12), 0.0002, true),
            SimFundingStyle.ContinuousPerPeriod, [1.0, 0.85, 0.5], 0.12, 1.1, 0.0001, 0.0025, 50, a => a + "-USD-PERP"),
        new(new VenueInfo(VenueIds.Lighter, "Lighter", "zk rollup on Ethereum", TimeSpan.FromHours(4), 0.0, true),
            SimFundingStyle.HourlyPercent, [1.0, 0.8, 0.45], 0.16, 0.9, 0.0, 0.005, 50, a => a),
        new(new VenueInfo(VenueIds.Aevo, "Aevo", "OP-stack rollup", TimeSpan.FromDays(7), 0.0005, true),
            SimFundingStyle.EightHourFormulaPaidHourly, [1.0, 0.6, 0.25], 0.06, 1.2, 0.0002, 0.0025, 20, a => a + "-PERP"),
        new(new VenueInfo(VenueIds.Gmx, "GMX v2", "Arbitrum (optimistic rollup), on-chain pools", TimeSpan.FromDays(7), 0.0006, true),
            SimFundingStyle.SeparateLongShort, [1.0, 0.5, 0.15], 0.07, 0.0, 0.0, 0.001, 100, a => $"{a}/USD [{a}-USDC]"),
    ];
}
