namespace FundingWeb.Core.Spreads;

/// <summary>One venue's current quoted rate for an asset, with the fee a taker pays there.</summary>
/// <param name="TakerFee">Fraction of notional per fill (<c>VenueInfo.TakerFee</c>).</param>
public sealed record SpreadQuote(string Venue, double Rate1h, double TakerFee);
