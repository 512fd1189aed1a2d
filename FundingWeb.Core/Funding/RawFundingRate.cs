namespace FundingWeb.Core.Funding;

/// <summary>
/// A rate exactly as the venue wrote it, with what is needed to interpret it. Venue clients produce these;
/// only <see cref="FundingNormalizer"/> turns them into <see cref="FundingRate"/>.
/// </summary>
/// <param name="IntervalHours">
/// The period the raw rate is expressed over (1 for hourly, 8 for an 8h rate, 8760 for an annual rate). For a settled row
/// it is also the period the settlement paid for, which realised funding relies on (Σ rate_1h × interval_hours).
/// </param>
/// <param name="Source">Where it came from (endpoint and field), for the drill-down; not stored per row.</param>
/// <param name="Origin">
/// How a settled row was obtained where a venue allows more than one way, stored per row: <see cref="FundingOrigins"/>
/// (Paradex: the exact Δ<c>funding_index</c> accrual or an hourly sample of the quoted rate). Null = the venue's own settlement.
/// </param>
/// <param name="CrossCheck1h">A second reading of the same hour, as a fraction per hour, kept beside the row (Paradex: the sample beside the index accrual).</param>
public sealed record RawFundingRate(
    string Symbol,
    long TimeMs,
    FundingKind Kind,
    double RateRaw,
    double IntervalHours,
    RateUnit Unit,
    FundingLeg Leg = FundingLeg.Net,
    string? Source = null,
    string? Origin = null,
    double? CrossCheck1h = null);
