using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Liquidations;

/// <summary>What the modelled ladder assumes about positions it cannot see.</summary>
/// <param name="TakerLongShare">Share of new notional opened long (taker buy ratio) when known; null = 50/50.</param>
/// <param name="Leverages">Candidate leverage buckets; null = <see cref="DefaultLeverages"/>.</param>
/// <param name="Weights">Weight per entry of <paramref name="Leverages"/> (any positive scale); null = equal.</param>
public sealed record ModelledLadderOptions(
    double MaxLeverage,
    double MaintenanceMargin,
    double? TakerLongShare = null,
    IReadOnlyList<double>? Leverages = null,
    IReadOnlyList<double>? Weights = null)
{
    public static IReadOnlyList<double> DefaultLeverages { get; } = [5, 10, 20, 25, 50, 100];

    public static ModelledLadderOptions For(Market market, double? takerLongShare = null) =>
        new(market.MaxLeverage, market.MaintenanceMargin, takerLongShare);
}
