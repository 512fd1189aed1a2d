namespace FundingWeb.Core.Carry;

public sealed class CarryOptions
{
    /// <summary>The stress row's percentiles are of settled rate_1h over this look-back.</summary>
    public TimeSpan StressLookback { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// "Close" to today's quote: a past window counts when its quoted APR is within
    /// max(<see cref="CloseQuoteAbsoluteApr"/>, <see cref="CloseQuoteRelative"/> × |today's APR|) of today's quoted APR.
    /// The absolute floor keeps a near-zero quote from matching nothing; the relative part widens the band for big quotes.
    /// </summary>
    public double CloseQuoteAbsoluteApr { get; set; } = 0.05;

    public double CloseQuoteRelative { get; set; } = 0.25;

    /// <summary>Liquidation clusters are the levels binned by this fraction of price.</summary>
    public double ClusterBinFraction { get; set; } = 0.005;

    /// <summary>A bin is a cluster when it holds at least this much notional.</summary>
    public double ClusterMinUsd { get; set; } = 1_000_000;

    /// <summary>A cluster is "near" when it lies between price and the position's own liquidation price plus this fraction of price.</summary>
    public double ClusterMarginFraction { get; set; } = 0.02;
}
