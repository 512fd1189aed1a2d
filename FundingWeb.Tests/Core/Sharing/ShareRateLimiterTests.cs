using Xunit;
using FundingWeb.Core.Sharing;
using FundingWeb.Tests.Fixtures;

namespace FundingWeb.Tests.Core.Sharing;

[Trait("Category", "Fast")]
public class ShareRateLimiterTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryAcquire_PastThePermits_RefusedWithRetryAfterUntilTheWindowEnds()
    {
        var limiter = new ShareRateLimiter(_time);
        var window = TimeSpan.FromMinutes(1);

        Assert.All(Enumerable.Range(0, 3), i => Assert.True(limiter.TryAcquire("a", 3, window, out _)));
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.False(limiter.TryAcquire("a", 3, window, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(40), retryAfter);
        Assert.True(limiter.TryAcquire("b", 3, window, out _)); // keys are independent

        _time.Advance(TimeSpan.FromSeconds(40));
        Assert.True(limiter.TryAcquire("a", 3, window, out retryAfter));
        Assert.Equal(TimeSpan.Zero, retryAfter);
    }

    [Fact]
    public void TryAcquire_FloodOfKeys_MemoryStaysBounded()
    {
        var limiter = new ShareRateLimiter(_time, maxKeys: 100);

        for (var i = 0; i < 1_000; i++) limiter.TryAcquire("k" + i, 1, TimeSpan.FromMinutes(1), out _);

        Assert.InRange(limiter.TrackedKeys, 1, 100);
    }
}
