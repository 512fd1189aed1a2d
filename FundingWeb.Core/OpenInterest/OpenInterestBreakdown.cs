namespace FundingWeb.Core.OpenInterest;

/// <summary>Who holds an asset's open interest at one time.</summary>
/// <param name="Hhi">Σ share² over venues: 1 = all open interest on one venue; null when the total is 0.</param>
/// <param name="Change1h">Change of the total over venues known at both ends (like for like, so a venue that
/// went stale or was just added does not show up as a build-up or a flush).</param>
public sealed record OpenInterestBreakdown(
    string Asset,
    long AtMs,
    double TotalUsd,
    double? Hhi,
    IReadOnlyList<OpenInterestShare> Shares,
    OpenInterestChange Change1h,
    OpenInterestChange Change24h);
