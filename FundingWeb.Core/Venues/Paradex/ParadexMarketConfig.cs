namespace FundingWeb.Core.Venues.Paradex;

/// <summary>One perpetual from <c>GET /markets</c>: what is needed to read its rate and size its risk.</summary>
/// <param name="FundingPeriodHours">The period <c>funding_rate</c> is quoted over (8 by default, 1 on some markets).</param>
public sealed record ParadexMarketConfig(
    string Symbol,
    string BaseAsset,
    double FundingPeriodHours,
    double MaxLeverage,
    double MaintenanceMargin,
    MarketStatus Status)
{
    public Market ToMarket() => new(VenueIds.Paradex, Symbol, BaseAsset, FundingPeriodHours, MaxLeverage, MaintenanceMargin, Status);
}
