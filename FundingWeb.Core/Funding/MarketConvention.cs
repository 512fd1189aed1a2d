namespace FundingWeb.Core.Funding;

/// <summary>
/// How one market's funding is written, as last read (PRODUCT.md: conventions are data, and they change).
/// </summary>
/// <param name="IntervalHours">The period the quoted rate is expressed over.</param>
/// <param name="Unit">How the venue writes the number.</param>
/// <param name="Cap1h">The venue's cap on |rate| as a fraction per hour; null when the venue publishes none (the sanity bound applies).</param>
/// <param name="CapSource">Where the cap comes from (the venue's field, or the documented figure), for the drill-down.</param>
/// <param name="Source">The endpoint and field the rate is read from.</param>
/// <param name="IntervalAssumed">The answer did not say the interval; it is the venue's documented default.</param>
/// <param name="ReadAtMs">When this convention was last read.</param>
/// <param name="SinceMs">Since when it has held (the first read, or the last change).</param>
/// <param name="LastChange">The most recent change of interval or unit, if one was ever seen.</param>
public sealed record MarketConvention(
    double IntervalHours,
    RateUnit Unit,
    double? Cap1h,
    string? CapSource,
    string? Source,
    bool IntervalAssumed,
    long ReadAtMs,
    long SinceMs,
    ConventionChange? LastChange = null)
{
    /// <summary>Same interval and unit: what a change is measured on (cap and source may be refined without it).</summary>
    public bool SameShape(MarketConvention other) => IntervalHours.Equals(other.IntervalHours) && Unit == other.Unit;
}
