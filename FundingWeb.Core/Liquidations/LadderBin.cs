namespace FundingWeb.Core.Liquidations;

/// <summary>One price bin of one side of a ladder.</summary>
/// <param name="Low">Lower bound, included for longs; for the short bin holding the price, the price itself (excluded).</param>
/// <param name="High">Upper bound; for the long bin holding the price, the price itself (excluded).</param>
/// <param name="CumulativeUsd">This bin plus every bin between it and the price: what a move to this bin liquidates.</param>
public sealed record LadderBin(double Low, double High, double NotionalUsd, double CumulativeUsd);
