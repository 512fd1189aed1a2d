namespace FundingWeb.Core.Liquidations;

/// <summary>Notional the model assumes was opened at one price, side and leverage.</summary>
/// <param name="NotionalUsd">At entry price, reduced pro rata by later falls in open interest.</param>
public sealed record ModelledLot(
    LiquidationSide Side,
    double Leverage,
    long OpenedMs,
    double EntryPrice,
    double LiquidationPrice,
    double NotionalUsd);
