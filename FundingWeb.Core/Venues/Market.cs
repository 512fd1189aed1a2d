namespace FundingWeb.Core.Venues;

/// <param name="Symbol">The venue's own market name (BTC, BTC-USD, BTC-USD-PERP, ...).</param>
/// <param name="BaseAsset">The asset the market is on, upper case (BTC), so markets line up across venues.</param>
/// <param name="FundingIntervalHours">The period the venue quotes its rate over (not necessarily its settlement cadence).</param>
/// <param name="MaintenanceMargin">Maintenance margin fraction (0.012 = 1.2 %).</param>
/// <param name="IntervalAssumed">
/// True when the venue's answer did not say the interval and <paramref name="FundingIntervalHours"/> is the documented
/// default: the drill-down and the Venues page say "assumed".
/// </param>
/// <param name="FundingCap">
/// The venue's own cap on |rate| for this market, as a fraction per <paramref name="FundingIntervalHours"/>, where the
/// venue publishes one (Paradex <c>max_funding_rate</c>); null when unknown. A rate beyond it is implausible.
/// </param>
public sealed record Market(
    string Venue,
    string Symbol,
    string BaseAsset,
    double FundingIntervalHours,
    double MaxLeverage,
    double MaintenanceMargin,
    MarketStatus Status = MarketStatus.Active,
    bool IntervalAssumed = false,
    double? FundingCap = null);
