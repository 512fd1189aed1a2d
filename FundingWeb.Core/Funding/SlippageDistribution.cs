namespace FundingWeb.Core.Funding;

/// <summary>Percentiles of funding slippage (APR) over a rolling series; null percentiles when there was no pair.</summary>
public sealed record SlippageDistribution(int Count, double? P5, double? P50, double? P95);
