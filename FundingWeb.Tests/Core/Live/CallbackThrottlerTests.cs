using Xunit;
using FundingWeb.Core.Live;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;

namespace FundingWeb.Tests.Core.Live;

[Trait("Category", "Fast")]
public class CallbackThrottlerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));
    private int _calls;

    private CallbackThrottler Create(Func<Task>? callback = null) =>
        new(callback ?? (() => { Interlocked.Increment(ref _calls); return Task.CompletedTask; }), Interval, _time, NullLogger.Instance);

    [Fact]
    public void Signal_AfterQuietSpell_RunsWithoutWaiting()
    {
        using var throttler = Create();
        throttler.Signal();
        _time.Advance(TimeSpan.Zero);
        Assert.Equal(1, _calls);
    }

    [Fact]
    public void Signal_BurstWithinInterval_CoalescesIntoOneMoreRun()
    {
        using var throttler = Create();
        throttler.Signal();
        _time.Advance(TimeSpan.Zero);
        for (var i = 0; i < 10; i++) throttler.Signal();

        _time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.Equal(1, _calls);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, _calls);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task Signal_DuringRun_SchedulesOneRunAfterIt()
    {
        var release = new TaskCompletionSource();
        using var throttler = Create(async () => { Interlocked.Increment(ref _calls); await release.Task; });
        throttler.Signal();
        _time.Advance(TimeSpan.Zero);
        throttler.Signal();
        throttler.Signal();
        Assert.Equal(1, _calls);

        release.SetResult();
        await Eventually.TrueAsync(() => { _time.Advance(Interval); return Volatile.Read(ref _calls) == 2; }, TimeSpan.FromSeconds(5), "the follow-up run");
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, _calls);
    }

    [Fact]
    public void Callback_Throws_IsCaughtAndLaterSignalsStillRun()
    {
        using var throttler = Create(() => { Interlocked.Increment(ref _calls); throw new InvalidOperationException("listener bug"); });
        throttler.Signal();
        _time.Advance(TimeSpan.Zero);
        _time.Advance(Interval);
        throttler.Signal();
        _time.Advance(Interval);
        Assert.Equal(2, _calls);
    }

    [Fact]
    public void Dispose_PendingRun_NeverFires()
    {
        var throttler = Create();
        throttler.Signal();
        _time.Advance(TimeSpan.Zero);
        throttler.Signal();
        throttler.Dispose();
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, _calls);
    }
}
