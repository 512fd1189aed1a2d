using FundingWeb.Core.Funding;

namespace FundingWeb.Core.Live;

/// <summary>The latest quoted rate of one leg of one market, with where it came from (the drill-down shows all of it).</summary>
/// <param name="Implausible">Why this rate cannot be right (<see cref="FundingPlausibility"/>); null when plausible.</param>
public sealed record FundingQuote(
    FundingLeg Leg,
    double Rate1h,
    double RateRaw,
    double IntervalHours,
    RateUnit Unit,
    long TimeMs,
    long FetchedAtMs,
    string? Source,
    string? Implausible = null)
{
    public bool IsPlausible => Implausible is null;
}
