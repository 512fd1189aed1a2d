namespace FundingWeb.Core.Funding;

/// <summary>One venue market's term structure: average settled funding per window, ending at <paramref name="EndMs"/>.</summary>
public sealed record FundingCurve(string Venue, string Symbol, long EndMs, IReadOnlyList<FundingCurvePoint> Points);
