namespace FundingWeb.Core.Reference;

/// <summary>Where CEX reference rates come from: Hyperliquid's <c>predictedFundings</c>, live or simulated.</summary>
public interface IReferenceRateSource
{
    /// <summary>Throws <see cref="Venues.VenueException"/> with a readable reason when the answer cannot be used.</summary>
    Task<ReferenceReading> ReadAsync(CancellationToken cancellationToken);
}
