using FundingWeb.Core.Funding;
using FundingWeb.Core.OpenInterest;

namespace FundingWeb.Core.Venues;

/// <summary>
/// What one history read brought back: the rows that arrived and, in <see cref="Gaps"/>, the stretches that could not be
/// read (a page failed). A failing page never throws the pages already read away; the backfill records the gaps and
/// reads them again next time.
/// </summary>
public sealed record VenueHistory(
    IReadOnlyList<RawFundingRate> Funding,
    IReadOnlyList<OpenInterestObservation> OpenInterest)
{
    public static VenueHistory Empty { get; } = new([], []);

    /// <summary>Stretches of the asked range that were not read, oldest first; empty when the whole range was read.</summary>
    public IReadOnlyList<HistoryGap> Gaps { get; init; } = [];

    /// <summary>Realised liquidations in the range, where the venue's history has them (the simulator does).</summary>
    public IReadOnlyList<Liquidations.LiquidationEvent> Liquidations { get; init; } = [];
}
