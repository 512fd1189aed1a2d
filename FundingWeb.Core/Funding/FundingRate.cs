namespace FundingWeb.Core.Funding;

/// <summary>A normalised funding observation: the raw value kept beside the derived hourly fraction.</summary>
/// <param name="Origin">See <see cref="RawFundingRate.Origin"/>.</param>
/// <param name="CrossCheck1h">See <see cref="RawFundingRate.CrossCheck1h"/>.</param>
/// <param name="Implausible">
/// Why the rate cannot be right (beyond the venue's cap, or the sanity bound where no cap is known); null when plausible.
/// Such a row is stored and shown with this reason, and left out of spreads, alerts and colour scales.
/// </param>
public sealed record FundingRate(
    string Venue,
    string Symbol,
    long TimeMs,
    FundingKind Kind,
    FundingLeg Leg,
    double RateRaw,
    double IntervalHours,
    RateUnit Unit,
    double Rate1h,
    string? Origin = null,
    double? CrossCheck1h = null,
    string? Implausible = null);
