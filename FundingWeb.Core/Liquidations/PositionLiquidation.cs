namespace FundingWeb.Core.Liquidations;

/// <summary>One real position's liquidation price, where a venue exposes positions (measured ladders).</summary>
public sealed record PositionLiquidation(
    string Symbol,
    LiquidationSide Side,
    double LiquidationPrice,
    double NotionalUsd);
