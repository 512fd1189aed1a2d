namespace FundingWeb.Core.Funding;

/// <summary>A normalised funding observation: the raw value kept beside the derived hourly fraction.</summary>
public sealed record FundingRate(
    string Venue,
    string Symbol,
    long TimeMs,
    FundingKind Kind,
    FundingLeg Leg,
    double RateRaw,
    double IntervalHours,
    RateUnit Unit,
    double Rate1h);
