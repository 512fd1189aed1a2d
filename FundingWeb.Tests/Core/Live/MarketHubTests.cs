using Xunit;
using FundingWeb.Core.Live;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace FundingWeb.Tests.Core.Live;

[Trait("Category", "Fast")]
public class MarketHubTests
{
    private readonly ManualTimeProvider _time = new(DateTimeOffset.UnixEpoch);

    [Fact]
    public void Publish_NotifiesEverySubscriberWhichReadsCurrent()
    {
        var hub = new MarketHub(Options.Create(new LiveOptions()), _time);
        var seen = new List<long>();
        using var a = hub.Subscribe(() => { seen.Add(hub.Current.Version); return Task.CompletedTask; });
        using var b = hub.Subscribe(() => { seen.Add(hub.Current.Version); return Task.CompletedTask; });

        hub.Publish(s => s with { Version = 7 });
        _time.Advance(TimeSpan.Zero);

        Assert.Equal([7L, 7L], seen);
    }

    [Fact]
    public void Subscription_Disposed_IsNoLongerNotified()
    {
        var hub = new MarketHub(Options.Create(new LiveOptions()), _time);
        var calls = 0;
        var subscription = hub.Subscribe(() => { calls++; return Task.CompletedTask; });
        subscription.Dispose();
        subscription.Dispose();

        hub.Publish(s => s with { Version = 1 });
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, calls);
        Assert.Equal(0, hub.SubscriberCount);
    }
}
