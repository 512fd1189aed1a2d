namespace FundingWeb.Core.Liquidations;

/// <summary>Notional that is liquidated if price reaches <paramref name="LiquidationPrice"/>: a measured position or a modelled lot.</summary>
public sealed record LadderEntry(LiquidationSide Side, double LiquidationPrice, double NotionalUsd)
{
    public static LadderEntry From(PositionLiquidation position) => new(position.Side, position.LiquidationPrice, position.NotionalUsd);

    public static LadderEntry From(ModelledLot lot) => new(lot.Side, lot.LiquidationPrice, lot.NotionalUsd);
}
