namespace FundingWeb.Core.Liquidations;

/// <summary>
/// One step of a market's history for the modelled ladder: open interest (base units) and price at the end of the
/// interval ending at <paramref name="TimeMs"/>, with the interval's range where known.
/// </summary>
/// <param name="Price">Close (mark) at <paramref name="TimeMs"/>; new notional is priced here.</param>
/// <param name="High">Highest price in the interval; null when only closes are known (then the close is used).</param>
/// <param name="Low">Lowest price in the interval; null when only closes are known (then the close is used).</param>
public sealed record OpenInterestBar(long TimeMs, double OpenInterestBase, double Price, double? High = null, double? Low = null)
{
    /// <summary>A stored hourly OI point, priced at its USD ÷ base (the mark it was valued at). Needs base &gt; 0.</summary>
    public static OpenInterestBar From(Storage.OpenInterestPoint point) => new(point.TimeMs, point.Base, point.Usd / point.Base);
}
