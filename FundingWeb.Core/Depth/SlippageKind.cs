namespace FundingWeb.Core.Depth;

/// <summary>Where a slippage figure comes from; a page prints it beside the number.</summary>
public enum SlippageKind
{
    /// <summary>No figure: no book or pool read yet, or the market is not listed.</summary>
    None,
    /// <summary>Measured: a walk of the venue's own order book.</summary>
    Book,
    /// <summary>Modelled: a pool market's price-impact model (GMX), never a book.</summary>
    PoolModel,
}
