namespace FundingWeb.Core.Liquidations;

/// <summary>A lot removed because price traded through its liquidation price during the interval ending at <paramref name="ConsumedMs"/>.</summary>
public sealed record ConsumedLot(ModelledLot Lot, long ConsumedMs);
