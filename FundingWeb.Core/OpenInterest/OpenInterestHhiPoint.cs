namespace FundingWeb.Core.OpenInterest;

/// <summary>Concentration in one UTC hour bucket [BucketStartMs, BucketStartMs + 1h).</summary>
/// <param name="Hhi">Null when no venue has a value in the bucket.</param>
/// <param name="VenueCount">Venues counted, including those carried forward.</param>
public sealed record OpenInterestHhiPoint(long BucketStartMs, double? Hhi, double TotalUsd, int VenueCount);
