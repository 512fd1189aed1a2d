namespace FundingWeb.Core.Venues.Simulator;

/// <summary>Bound from <c>Feed:Simulator</c>.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Same seed and same start time → the same world, quote for quote.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Simulated seconds per real second (1 = real time; 60 = an hour a minute).</summary>
    public double Acceleration { get; set; } = 1;

    /// <summary>Hourly settled funding and OI generated before the start, so charts are never empty.</summary>
    public int BackfillDays { get; set; } = 30;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Venue ids whose simulated API fails every poll (the fault knob; also switchable at run time).</summary>
    public List<string> FailingVenues { get; set; } = [];

    /// <summary>Mean simulated hours between congestion episodes per venue (funding spike + lagging data); 0 turns them off.</summary>
    public double CongestionEveryHours { get; set; } = 6;

    /// <summary>
    /// "venue/ASSET" markets whose simulated API quotes three times the market's own cap, like the real isolated market seen
    /// at 0.73 % per hour: the quote shows as implausible. Empty by default.
    /// </summary>
    public List<string> ImplausibleMarkets { get; set; } = [];

    /// <summary>Venues whose positions are public in the simulation (measured ladders); the others expose only OI.</summary>
    public List<string> PositionVenues { get; set; } = ["hyperliquid", "lighter", "gmx"];
}
