namespace FundingWeb.Core.OpenInterest;

/// <summary>
/// Open interest of one market at one time. <paramref name="Usd"/> is base × mark (or oracle where there is no mark).
/// Long/short split only where the venue publishes it (GMX).
/// </summary>
public sealed record OpenInterestObservation(
    string Symbol,
    long TimeMs,
    double Base,
    double Usd,
    double? LongUsd = null,
    double? ShortUsd = null);
