namespace FundingWeb.Core.Venues.Simulator;

/// <param name="Volatility">Annualised volatility of the price.</param>
/// <param name="OpenInterestUsd">Typical total OI across venues, sets the scale of each venue's book.</param>
/// <param name="Tier">1 = majors listed everywhere, 3 = long tail listed on few venues.</param>
public sealed record SimAsset(string Symbol, double Price, double Volatility, double OpenInterestUsd, int Tier);
