using System.Collections.Immutable;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Live;

/// <summary>Everything live about one market. <see cref="Funding"/> is the market rate (net leg, or GMX's long leg).</summary>
/// <param name="Convention">How this market's funding is written, as last read; null until a quote was read.</param>
public sealed record MarketQuote(
    Market Market,
    ImmutableArray<FundingQuote> Legs,
    double? Mark,
    double? Index,
    double? OpenInterestBase,
    double? OpenInterestUsd,
    double? OpenInterestLongUsd,
    double? OpenInterestShortUsd,
    long TimeMs,
    MarketConvention? Convention = null)
{
    /// <summary>The market rate as quoted, implausible or not: for display (with its reason), never for decisions.</summary>
    public FundingQuote? Funding =>
        Legs.FirstOrDefault(l => l.Leg == FundingLeg.Net) ?? Legs.FirstOrDefault(l => l.Leg == FundingLeg.Long);

    /// <summary>The market rate when it can be trusted: what spreads, alerts and colour scales use.</summary>
    public FundingQuote? PlausibleFunding => Funding is { IsPlausible: true } f ? f : null;

    public FundingQuote? Leg(FundingLeg leg) => Legs.FirstOrDefault(l => l.Leg == leg);

    /// <summary>Mark where there is one, else the index/oracle price.</summary>
    public double? Price => Mark ?? Index;
}
