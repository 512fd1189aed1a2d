namespace FundingWeb.Core.Venues.Lighter;

/// <summary>One perp market as <c>/api/v1/orderBookDetails</c> describes it; the integer id is what <c>fundings</c> wants.</summary>
/// <param name="LastTradePrice">Lighter's REST snapshot has no mark or index price; the last trade stands in for the mark.</param>
public sealed record LighterMarketRow(long MarketId, Market Market, double OpenInterestBase, double LastTradePrice);
