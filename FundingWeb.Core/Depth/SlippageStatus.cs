namespace FundingWeb.Core.Depth;

/// <summary>How a walk for a notional ended.</summary>
public enum SlippageStatus
{
    /// <summary>The whole notional filled within what the book (or pool) shows.</summary>
    Filled,
    /// <summary>The book ran out first: the filled part and the shortfall are reported, the slippage of the whole is not.</summary>
    Thin,
    /// <summary>The side the trade walks has no level at all.</summary>
    NoLiquidity,
    /// <summary>No mid to measure against: the book is one-sided, empty or crossed.</summary>
    NoMid,
    /// <summary>The notional asked for is not a positive finite amount of USD.</summary>
    InvalidNotional,
}
