namespace FundingWeb.Core.Venues.Paradex;

/// <summary>One row of <c>GET /funding/data</c> (or the <c>funding_data</c> channel): the continuous funding at one instant.</summary>
/// <param name="FundingPeriodHours">The period this row's <c>funding_rate</c> is quoted over, read per row.</param>
/// <param name="FundingIndex">
/// <c>funding_index</c>: funding accrued by one unit of the asset since launch, in USDC (NOTES §3.2); null when the row
/// does not carry it. Its change over an hour is that hour's exact accrual per unit.
/// </param>
/// <param name="FundingPremium"><c>funding_premium</c> = rate × spot / USDC price, USDC per unit per period; null when absent.</param>
public sealed record ParadexFundingSample(
    string Market,
    long CreatedAtMs,
    double FundingRate,
    double FundingPeriodHours,
    double? FundingIndex = null,
    double? FundingPremium = null)
{
    /// <summary>Spot ÷ USDC price as the row itself implies it (premium ÷ rate), or null when the rate is 0 or a field is missing.</summary>
    public double? ImpliedPrice =>
        FundingPremium is double p && FundingRate != 0 && p / FundingRate is var price && double.IsFinite(price) && price > 0 ? price : null;
}
