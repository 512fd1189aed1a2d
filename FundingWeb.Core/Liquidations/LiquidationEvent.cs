namespace FundingWeb.Core.Liquidations;

/// <summary>A realised liquidation (or deleveraging) the venue published.</summary>
/// <param name="Id">The venue's trade id, so a re-poll never duplicates it.</param>
public sealed record LiquidationEvent(
    string Id,
    string Symbol,
    long TimeMs,
    LiquidationSide Side,
    double Price,
    double SizeBase,
    double NotionalUsd,
    string Kind = "LIQUIDATED");
