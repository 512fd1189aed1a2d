namespace FundingWeb.Core.Venues.Paradex;

/// <summary>One perpetual from <c>GET /markets</c>: what is needed to read its rate and size its risk.</summary>
/// <param name="FundingPeriodHours">The period <c>funding_rate</c> is quoted over (8 by default, 1 on some markets).</param>
/// <param name="IntervalAssumed">The answer did not carry <c>funding_period_hours</c>: the documented 8 h stands in.</param>
/// <param name="FundingCap"><c>max_funding_rate</c>: the cap on |funding_rate|, a fraction per funding period; null when not sent.</param>
public sealed record ParadexMarketConfig(
    string Symbol,
    string BaseAsset,
    double FundingPeriodHours,
    double MaxLeverage,
    double MaintenanceMargin,
    MarketStatus Status,
    bool IntervalAssumed = false,
    double? FundingCap = null)
{
    public Market ToMarket() => new(VenueIds.Paradex, Symbol, BaseAsset, FundingPeriodHours, MaxLeverage, MaintenanceMargin, Status,
        IntervalAssumed, FundingCap);
}
