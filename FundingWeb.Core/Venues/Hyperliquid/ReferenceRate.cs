namespace FundingWeb.Core.Venues.Hyperliquid;

/// <summary>
/// A centralised venue's predicted funding as Hyperliquid's <c>predictedFundings</c> reports it, normalised by that entry's
/// own interval (Binance runs 4 h on many alts and 8 h on majors): a reference leg, not a venue this app trades.
/// </summary>
/// <param name="Exchange">binance, bybit or hyperliquid (from BinPerp, BybitPerp, HlPerp; other names lower-cased as given).</param>
public sealed record ReferenceRate(string Asset, string Exchange, double Rate1h, double RateRaw, double IntervalHours, long? NextFundingTimeMs);
