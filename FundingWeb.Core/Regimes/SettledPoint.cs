namespace FundingWeb.Core.Regimes;

/// <summary>One settlement, compact: when, the hourly rate, the hours it paid for.</summary>
public readonly record struct SettledPoint(long TimeMs, double Rate1h, double IntervalHours);
