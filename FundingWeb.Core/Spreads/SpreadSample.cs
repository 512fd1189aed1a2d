namespace FundingWeb.Core.Spreads;

/// <summary>The spread of one venue pair at one time: short venue's rate − long venue's rate, as simple APR.</summary>
public sealed record SpreadSample(long TimeMs, double SpreadApr);
