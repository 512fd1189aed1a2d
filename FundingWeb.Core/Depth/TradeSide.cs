namespace FundingWeb.Core.Depth;

/// <summary>Which side of the book a trade takes: a buy walks the asks, a sell walks the bids.</summary>
public enum TradeSide
{
    Buy,
    Sell,
}
