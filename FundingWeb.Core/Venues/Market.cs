namespace FundingWeb.Core.Venues;

/// <param name="Symbol">The venue's own market name (BTC, BTC-USD, BTC-USD-PERP, ...).</param>
/// <param name="BaseAsset">The asset the market is on, upper case (BTC), so markets line up across venues.</param>
/// <param name="FundingIntervalHours">The period the venue quotes its rate over (not necessarily its settlement cadence).</param>
/// <param name="MaintenanceMargin">Maintenance margin fraction (0.012 = 1.2 %).</param>
public sealed record Market(
    string Venue,
    string Symbol,
    string BaseAsset,
    double FundingIntervalHours,
    double MaxLeverage,
    double MaintenanceMargin,
    MarketStatus Status = MarketStatus.Active);
