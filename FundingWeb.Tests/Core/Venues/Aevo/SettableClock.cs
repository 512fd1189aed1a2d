namespace FundingWeb.Tests.Core.Venues.Aevo;

/// <summary>A clock the test moves by hand; timers still run on real time, so keep request budgets ample.</summary>
internal sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
