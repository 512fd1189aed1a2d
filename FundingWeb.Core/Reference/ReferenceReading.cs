using FundingWeb.Core.Venues.Hyperliquid;

namespace FundingWeb.Core.Reference;

/// <summary>One answer of the reference feed, parsed: the entries with an interval, and what was skipped and why.</summary>
/// <param name="Source">Endpoint and request, for the status line and the drill-down.</param>
public sealed record ReferenceReading(long FetchedAtMs, IReadOnlyList<ReferenceRate> Rates, int Skipped, IReadOnlyList<string> Problems, string Source);
