namespace FundingWeb.Core.Venues.Paradex;

/// <summary>One row of <c>GET /funding/data</c>: the continuous funding rate at one instant.</summary>
/// <param name="FundingPeriodHours">The period this row's <c>funding_rate</c> is quoted over, read per row.</param>
public sealed record ParadexFundingSample(string Market, long CreatedAtMs, double FundingRate, double FundingPeriodHours);
