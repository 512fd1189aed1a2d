using FundingWeb.Core.Liquidations;

namespace FundingWeb.Core.Portfolio;

/// <summary>Notional that the market's ladder (measured or modelled, labelled) would liquidate at a price.</summary>
public sealed record LiquidationCluster(string Venue, string Asset, LiquidationSide Side, double Price, double NotionalUsd, LadderKind Kind);
