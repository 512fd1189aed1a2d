namespace FundingWeb.Core.Venues;

/// <summary>A stretch [<paramref name="FromMs"/>, <paramref name="ToMs"/>] of one market's history that could not be read, and why.</summary>
public sealed record HistoryGap(long FromMs, long ToMs, string Reason);
