using FundingWeb.Core.Liquidations;

namespace FundingWeb.Core.Portfolio;

/// <summary>
/// One position of a desk's book. <paramref name="NotionalUsd"/> is at <paramref name="EntryPrice"/> (the price now when
/// no entry is given). Cross positions share their venue account's collateral; an isolated one carries its own margin
/// (notional ÷ leverage) and stays out of the account.
/// </summary>
public sealed record BookPosition(string Venue, string Asset, LiquidationSide Side, double NotionalUsd, double Leverage, bool Isolated = false, double? EntryPrice = null)
{
    public double Sign => Side == LiquidationSide.Long ? 1 : -1;
}
