namespace FundingWeb.Core.Portfolio;

/// <summary>The beta to BTC a market is shocked with; <see cref="Measured"/> false when it is an assumption (said in <see cref="Source"/>).</summary>
public sealed record BetaReading(string Venue, string Asset, double Beta, bool Measured, string Source);
