using FundingWeb.Core.Funding;
using FundingWeb.Core.OpenInterest;

namespace FundingWeb.Core.Venues;

public sealed record VenueHistory(
    IReadOnlyList<RawFundingRate> Funding,
    IReadOnlyList<OpenInterestObservation> OpenInterest)
{
    public static VenueHistory Empty { get; } = new([], []);
}
