namespace FundingWeb.Core.Portfolio;

/// <summary>A cross-margin account at one venue: the collateral its cross positions share (USD).</summary>
public sealed record VenueAccount(string Venue, double CollateralUsd);
