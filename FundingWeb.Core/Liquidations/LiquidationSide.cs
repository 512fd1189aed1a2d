namespace FundingWeb.Core.Liquidations;

/// <summary>The side of the position that was (or would be) liquidated.</summary>
public enum LiquidationSide
{
    Long,
    Short,
}
