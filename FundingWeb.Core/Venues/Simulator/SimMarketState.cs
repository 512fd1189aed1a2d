namespace FundingWeb.Core.Venues.Simulator;

/// <summary>Mutable state of one simulated market; only <see cref="SimulatedWorld"/> touches it, under its lock.</summary>
public sealed class SimMarketState(SimVenueProfile profile, SimAsset asset, Market market, double premium, double oiUsd, double longShare)
{
    public SimVenueProfile Profile { get; } = profile;
    public SimAsset Asset { get; } = asset;
    public Market Market { get; } = market;

    /// <summary>Premium in 8h-rate units (fraction per 8h), mean-reverting around the asset's sentiment.</summary>
    public double Premium { get; set; } = premium;
    public double OpenInterestBase { get; set; }
    public double OpenInterestUsdTarget { get; set; } = oiUsd;
    /// <summary>+1 building, −1 unwinding, 0 drifting.</summary>
    public int OiRegime { get; set; }
    /// <summary>Share of OI that is long (GMX keeps the two apart).</summary>
    public double LongShare { get; set; } = longShare;

    public double Rate1h { get; set; }
    public double LongRate1h { get; set; }
    public double ShortRate1h { get; set; }
    public double BorrowLong1h { get; set; }
    public double BorrowShort1h { get; set; }

    /// <summary>Σ rate × seconds in the hour now accruing, per leg, for the settled row at the hour's end.</summary>
    public double AccrualNet { get; set; }
    public double AccrualLong { get; set; }
    public double AccrualShort { get; set; }
    public double AccrualSeconds { get; set; }
}
