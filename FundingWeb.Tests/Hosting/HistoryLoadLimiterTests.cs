using FundingWeb.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace FundingWeb.Tests.Hosting;

[Trait("Category", "Fast")]
public sealed class HistoryLoadLimiterTests
{
    [Fact]
    public async Task Enter_OneClientAtItsCap_WaitsWhileAnotherClientGoesAhead()
    {
        var limiter = new HistoryLoadLimiter(Options.Create(new LiveLimitsOptions { MaxConcurrentLoadsPerClient = 2, MaxConcurrentLoads = 8 }));
        using var a1 = await limiter.EnterAsync("ip:10.0.0.1", default);
        using var a2 = await limiter.EnterAsync("ip:10.0.0.1", default);
        var third = limiter.EnterAsync("ip:10.0.0.1", default);
        using var other = await limiter.EnterAsync("ip:10.0.0.2", default);

        Assert.False(third.IsCompleted);
        a1.Dispose();
        using var granted = await third.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Enter_AllAtTheGlobalCap_WaitsAndACancelledWaitGivesNothingBack()
    {
        var limiter = new HistoryLoadLimiter(Options.Create(new LiveLimitsOptions { MaxConcurrentLoadsPerClient = 5, MaxConcurrentLoads = 1 }));
        var first = await limiter.EnterAsync("a", default);
        using var cancel = new CancellationTokenSource();
        var waiting = limiter.EnterAsync("b", cancel.Token);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        first.Dispose();
        first.Dispose(); // a lease gives its places back once
        using var next = await limiter.EnterAsync("b", default).WaitAsync(TimeSpan.FromSeconds(10));
        var blocked = limiter.EnterAsync("c", default);
        Assert.False(blocked.IsCompleted);
    }
}
