namespace FundingWeb.Core.Portfolio;

/// <summary>
/// What the stress needs to know of one market now: price, maintenance margin, beta to BTC, the funding a position on each
/// side pays per hour (quoted; positive = this side pays), the p99 adverse hourly funding of the last 30 days, and the
/// venue's exit delay.
/// </summary>
public sealed record MarketFacts(
    string Venue,
    string Asset,
    double Price,
    double MaintenanceMargin,
    double Beta,
    double LongPays1h,
    double AdverseP99Long1h,
    double AdverseP99Short1h,
    TimeSpan ExitDelay);
