namespace FundingWeb.Core.Funding;

/// <param name="AverageRate1h">Interval-weighted mean settled rate_1h over the window; null when no row fell in it.</param>
/// <param name="SampleCount">How many settled rows fell in the window.</param>
public sealed record FundingCurvePoint(string Label, double Hours, double? AverageRate1h, int SampleCount);
