namespace FundingWeb.Core.Venues.Gmx;

/// <summary>
/// GMX writes each side's funding and borrowing from that side's own point of view; our legs keep the market sign
/// (funding: positive = the long side pays, on both legs) and borrowing as a cost (positive = that side pays).
/// <para>
/// Funding: GMX's SDK (gmx-io/gmx-interface <c>sdk/src/utils/fees/index.ts</c>, <c>getFundingFactorPerPeriod</c>) returns
/// the paying side's factor × −1 and the receiving side's factor scaled by payer OI ÷ receiver OI, so a negative
/// <c>fundingRateLong</c> means longs pay and a negative <c>fundingRateShort</c> means shorts pay. Which side pays is in
/// the sign, never inferred from the OI split: with adaptive funding the larger side usually, not always, pays.
/// </para>
/// <para>
/// Borrowing: the on-chain borrowing factor is unsigned and GMX's own rates API "stores borrowing rate as a positive
/// cost magnitude" (gmx-interface <c>src/components/NetRateChart/NetRateChart.tsx</c>); the SDK's ticker writes
/// net = funding − borrowing (<c>sdk/src/utils/markets/utils.ts</c> <c>getMarketTicker</c>). Only the UI header negates
/// borrowing, to show it beside funding from the side's view. So a value ≥ 0 is the cost; a negative one is read as
/// that side's-view negation only when the same market's net rate says so (net = funding + borrowing), and is
/// otherwise refused: a side can never be paid a borrowing fee, and guessing would hide a broken answer.
/// </para>
/// </summary>
public static class GmxSides
{
    /// <summary>Net rates are 1e30 fixed point read into doubles: agreement is judged to this relative tolerance.</summary>
    private const double NetTolerance = 1e-6;

    /// <summary>GMX long side (negative = longs pay) → our long leg (positive = longs pay). 0 stays +0.</summary>
    public static double FundingLongLeg(double gmxLong) => 0d - gmxLong;

    /// <summary>GMX short side (negative = shorts pay) → our short leg (negative = shorts pay longs): same sign.</summary>
    public static double FundingShortLeg(double gmxShort) => gmxShort + 0d;

    /// <summary>
    /// The side's borrowing cost (≥ 0, positive = that side pays), or a reason it cannot be read.
    /// <paramref name="gmxFunding"/> and <paramref name="gmxNet"/> are the same side's values as GMX wrote them.
    /// </summary>
    public static GmxBorrowReading BorrowCost(string field, double gmxBorrow, double gmxFunding, double? gmxNet)
    {
        if (!double.IsFinite(gmxBorrow)) return new(null, $"{field} {gmxBorrow} is not a finite number: borrow leg left out");
        if (gmxBorrow >= 0) return new(gmxBorrow + 0d, null);
        if (gmxNet is double net && Agrees(net, gmxFunding + gmxBorrow, gmxFunding, gmxBorrow))
        {
            // Written from the side's view like funding (the UI header's reading); the net rate confirms it.
            return new(-gmxBorrow, null);
        }
        var check = gmxNet is null ? "no net rate to confirm a sign convention" : "the net rate does not confirm it as a cost";
        return new(null, $"{field} {gmxBorrow / 1e30:0.######} per period is negative and {check}: borrow leg left out");
    }

    private static bool Agrees(double net, double expected, double funding, double borrow)
    {
        var scale = Math.Max(Math.Abs(net), Math.Max(Math.Abs(funding), Math.Abs(borrow)));
        return Math.Abs(net - expected) <= NetTolerance * scale;
    }
}

/// <param name="Cost">The borrowing cost as written by GMX's unit, positive = the side pays; null when unreadable.</param>
/// <param name="Problem">Why the borrow leg was left out, for the venue's market errors.</param>
public sealed record GmxBorrowReading(double? Cost, string? Problem);
