using System.Collections.Immutable;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Live;

/// <summary>Everything live about one market. <see cref="Funding"/> is the market rate (net leg, or GMX's long leg).</summary>
public sealed record MarketQuote(
    Market Market,
    ImmutableArray<FundingQuote> Legs,
    double? Mark,
    double? Index,
    double? OpenInterestBase,
    double? OpenInterestUsd,
    double? OpenInterestLongUsd,
    double? OpenInterestShortUsd,
    long TimeMs)
{
    public FundingQuote? Funding =>
        Legs.FirstOrDefault(l => l.Leg == FundingLeg.Net) ?? Legs.FirstOrDefault(l => l.Leg == FundingLeg.Long);

    public FundingQuote? Leg(FundingLeg leg) => Legs.FirstOrDefault(l => l.Leg == leg);

    /// <summary>Mark where there is one, else the index/oracle price.</summary>
    public double? Price => Mark ?? Index;
}
