namespace FundingWeb.Core.Funding;

/// <summary>
/// Which side a rate applies to. Most venues quote one symmetric rate (<see cref="Net"/>, positive = longs pay shorts).
/// GMX v2 quotes the two sides separately because the payer pays f while the receiver earns f × payerOI / receiverOI;
/// both legs keep the market sign convention: positive = the long side pays.
/// Borrow legs are GMX's borrowing fee, positive = that side pays.
/// </summary>
public enum FundingLeg
{
    Net,
    Long,
    Short,
    BorrowLong,
    BorrowShort,
}
