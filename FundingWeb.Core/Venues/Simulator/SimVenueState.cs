using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.OpenInterest;

namespace FundingWeb.Core.Venues.Simulator;

/// <summary>Per-venue bookkeeping of the world: its markets, what is waiting to be observed, congestion, the fault knob.</summary>
public sealed class SimVenueState(SimVenueProfile profile, List<SimMarketState> markets)
{
    public SimVenueProfile Profile { get; } = profile;
    public List<SimMarketState> Markets { get; } = markets;
    public Dictionary<string, List<RawFundingRate>> SettledHistory { get; } = new();
    public Dictionary<string, List<OpenInterestObservation>> OpenInterestHistory { get; } = new();
    public List<RawFundingRate> PendingSettled { get; } = [];
    public List<LiquidationEvent> PendingLiquidations { get; } = [];
    /// <summary>Realised liquidations of the backfilled past, per symbol, served by the history read (never polled).</summary>
    public Dictionary<string, List<LiquidationEvent>> LiquidationHistory { get; } = new();
    public volatile bool Failing;
    public long CongestedFromMs { get; set; }
    public long CongestedUntilMs { get; set; }
    public SimObservation? Frozen { get; set; }
}
