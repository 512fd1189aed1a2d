namespace FundingWeb.Core.Charts;

/// <summary>One point of a time series as charts receive it: x is UTC Unix milliseconds.</summary>
public readonly record struct ChartPoint(long X, double Y);
