using System.Text.Json;
using FundingWeb.Core.Reference;
using FundingWeb.Core.Venues.Hyperliquid;

namespace FundingWeb.Core.Venues.Simulator;

/// <summary>
/// The simulated <c>predictedFundings</c>: the world writes the wire payload and the live parser reads it, so the default run
/// exercises the same path as production. Fails with Hyperliquid's fault knob, since the feed is Hyperliquid's API.
/// </summary>
public sealed class SimulatedReferenceSource(SimulatedWorld world) : IReferenceRateSource
{
    public Task<ReferenceReading> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (world.IsFailing(VenueIds.Hyperliquid))
        {
            throw new VenueException("simulated fault: Hyperliquid's API is failing (fault knob on)");
        }
        using var doc = JsonDocument.Parse(world.PredictedFundingsJson());
        var result = HyperliquidPredictedFundingsParser.Parse(doc.RootElement);
        return Task.FromResult(new ReferenceReading(world.SimNowMs, result.Rates, result.Skipped, result.Problems, "simulator://hyperliquid/info predictedFundings"));
    }
}
