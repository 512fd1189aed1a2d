namespace FundingWeb.Model.Health;

/// <summary>A venue's feed limits as its poller applies them: what the board judges poll latency and data lag against.</summary>
/// <param name="StaleAfter">The poller calls the venue stale when its own data lags this much (or it is silent this long).</param>
/// <param name="AttemptTimeout">One poll attempt gives up after this long.</param>
public sealed record VenueBoardLimits(TimeSpan StaleAfter, TimeSpan AttemptTimeout)
{
    public static VenueBoardLimits Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));

    /// <summary>Error rate over the last 50 polls: one in ten failing is worth a look, half failing is a venue in trouble.</summary>
    public static HealthLimits ErrorRate { get; } = new(10, 50, "%", "of the last 50 polls");

    public HealthLimits PollLatency => new(AttemptTimeout.TotalMilliseconds / 4, AttemptTimeout.TotalMilliseconds, "ms",
        "a quarter of / the whole poll attempt timeout");

    public HealthLimits DataLag => new(StaleAfter.TotalSeconds / 2, StaleAfter.TotalSeconds, "s", "the venue goes stale at the stall limit");
}
