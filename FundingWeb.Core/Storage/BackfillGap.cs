namespace FundingWeb.Core.Storage;

/// <summary>A recorded stretch of one market's settled history that a backfill could not read (table <c>backfill_gap</c>).</summary>
public sealed record BackfillGap(string Venue, string Symbol, long FromMs, long ToMs, string Reason, long RecordedMs);
