namespace FundingWeb.Polling;

/// <summary>What one venue's poller needs to know beyond the client: cadence, backfill depth, when to call it stale.</summary>
public sealed record PollerSettings(TimeSpan Interval, int BackfillDays, TimeSpan AttemptTimeout)
{
    /// <summary>Stale after missing about three polls, never sooner than 10 s.</summary>
    public TimeSpan StaleAfter => TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(10).Ticks, Interval.Ticks * 3));
}
