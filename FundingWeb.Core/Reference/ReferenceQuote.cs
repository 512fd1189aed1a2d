namespace FundingWeb.Core.Reference;

/// <summary>
/// One CEX reference reading as stored (<c>reference_rate</c>) and held live: a centralised exchange's predicted funding for
/// an asset as Hyperliquid's <c>predictedFundings</c> reported it, with <c>rate_1h</c> derived by the one normaliser from the
/// entry's own interval. A reference leg: nothing here is traded by this app.
/// </summary>
/// <param name="Exchange">binance, bybit, … (<see cref="ReferenceExchanges"/>).</param>
/// <param name="TimeMs">When it was read (UTC ms): the feed has no time of its own besides the next funding.</param>
public sealed record ReferenceQuote(string Asset, string Exchange, long TimeMs, double Rate1h, double RateRaw, double IntervalHours, long? NextFundingMs);
