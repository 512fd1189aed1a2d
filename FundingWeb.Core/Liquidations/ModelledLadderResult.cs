namespace FundingWeb.Core.Liquidations;

/// <param name="OpenLots">Lots still open after the last bar, oldest first.</param>
/// <param name="Consumed">Lots price traded through, in the order it happened (for a "consumed" overlay).</param>
public sealed record ModelledLadderResult(
    IReadOnlyList<ModelledLot> OpenLots,
    IReadOnlyList<ConsumedLot> Consumed,
    ModelledLadderAssumptions Assumptions);
