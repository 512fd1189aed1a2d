using FundingWeb.Core.Funding;

namespace FundingWeb.Core.Venues.Simulator;

/// <param name="Listing">Share of the catalogue the venue lists, by tier (1 = every tier-1 asset).</param>
/// <param name="OiShare">Share of an asset's OI this venue tends to hold.</param>
/// <param name="PremiumBeta">How strongly the venue's premium follows the asset's cross-venue sentiment.</param>
/// <param name="Cap1h">Clamp on the hourly rate.</param>
public sealed record SimVenueProfile(
    VenueInfo Info,
    SimFundingStyle Style,
    double[] Listing,
    double OiShare,
    double PremiumBeta,
    double PremiumBias,
    double Cap1h,
    int MaxLeverageMajors,
    Func<string, string> SymbolOf)
{
    /// <summary>How the venue writes a rate on the wire for a market: unit and the interval the raw number covers.</summary>
    public (RateUnit Unit, double IntervalHours) Convention(double marketPeriodHours) => Style switch
    {
        SimFundingStyle.HourlyPercent => (RateUnit.Percent, 1),
        SimFundingStyle.ContinuousPerPeriod => (RateUnit.Fraction, marketPeriodHours),
        SimFundingStyle.SeparateLongShort => (RateUnit.Fixed1e30, FundingBasis.HoursPerYear),
        _ => (RateUnit.Fraction, 1),
    };
}
