namespace FundingWeb.Hosting;

public enum FeedMode
{
    Simulated,
    Live,
}

/// <summary>Bound from <c>Feed</c>: which world the dashboard watches.</summary>
public sealed class FeedOptions
{
    public FeedMode Mode { get; set; } = FeedMode.Simulated;

    /// <summary>Shortcut for <c>Feed:Simulator:Seed</c>.</summary>
    public int? Seed { get; set; }

    /// <summary>The database a mode uses when <c>Storage:Path</c> is not set: simulated and live never share one.</summary>
    public string DefaultDatabasePath => Mode == FeedMode.Live ? "data/fundingweb-live.db" : "data/fundingweb-sim.db";
}
