namespace FundingWeb.Core.Portfolio;

/// <summary>
/// How far a forced sale (longs liquidated) or buy (shorts liquidated) of <c>notionalUsd</c> moves one market's price, as a
/// fraction: from the book's depth where the venue publishes it, else a model; the cascade step uses it.
/// </summary>
public delegate double PriceImpact(string venue, string asset, double notionalUsd, bool selling);
