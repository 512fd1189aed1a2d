namespace FundingWeb.Core.OpenInterest;

/// <summary>One venue's part of an asset's open interest.</summary>
/// <param name="Share">Usd ÷ the asset's total over the venues shown (0..1).</param>
/// <param name="LongUsd">Only where the venue publishes the split (GMX).</param>
public sealed record OpenInterestShare(
    string Venue,
    long TimeMs,
    double Usd,
    double Share,
    double? LongUsd,
    double? ShortUsd,
    OpenInterestChange Change1h,
    OpenInterestChange Change24h);
