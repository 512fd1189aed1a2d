namespace FundingWeb.Core.Depth;

/// <summary>Bound from <c>Depth</c>.</summary>
public sealed class DepthOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How often each venue's depth round runs; the requests a round may spend follow from its per-minute budget.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At most one stored band row per market per this (the table is thinned to hourly after Storage:RawRetention).</summary>
    public TimeSpan StoreInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Markets per venue whose books are kept fresh: the most looked at, then the largest by open interest.</summary>
    public int WatchedMarketsPerVenue { get; set; } = 12;

    /// <summary>Of those, how many are always the largest by OI, however little they are looked at.</summary>
    public int LargestByOpenInterest { get; set; } = 6;

    /// <summary>The most looked-at markets read on every round, ahead of the rotation.</summary>
    public int HotMarketsPerRound { get; set; } = 1;

    /// <summary>A page view's weight halves over this.</summary>
    public TimeSpan InterestHalfLife { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Levels asked for where the venue takes a depth (Paradex <c>depth</c>, Lighter <c>limit</c>, at most 100 there).</summary>
    public int BookLevels { get; set; } = 100;

    /// <summary>A book older than this is still reported, flagged stale, with its age.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Depth requests per minute per venue id, overriding <see cref="DepthBudget"/>'s defaults; always held under the venue's
    /// published limit less what its funding poll may spend.
    /// </summary>
    public Dictionary<string, int> RequestsPerMinute { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>GMX linear pool model: cost as a fraction of notional when the trade takes the side's whole available liquidity.</summary>
    public double GmxLinearCostAtFullLiquidity { get; set; } = 0.01;
}
