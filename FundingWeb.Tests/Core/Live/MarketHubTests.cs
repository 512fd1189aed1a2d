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

    /// <summary>Every publish's instant is kept for the newest 64, so a spaced page times each publish it shows.</summary>
    [Fact]
    public void PublishedBetween_EachPublishOnce_OldestFirst_NewestSixtyFour()
    {
        var hub = new MarketHub(Options.Create(new LiveOptions()), _time);
        var instants = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(7));
            instants.Add(hub.Publish(s => s).PublishedTimestamp);
        }

        Assert.Equal(3, hub.Current.Sequence);
        Assert.Equal(instants, hub.PublishedBetween(0, 3));
        Assert.Equal(instants[1..], hub.PublishedBetween(1, 3));
        Assert.Equal(instants[..2], hub.PublishedBetween(0, 2));
        Assert.Empty(hub.PublishedBetween(3, 3));
        Assert.Empty(hub.PublishedBetween(3, 1));
        Assert.Equal(instants[2..], hub.PublishedBetween(2, 99));
        Assert.Equal(instants, hub.PublishedBetween(-5, 3));

        for (var i = 0; i < 100; i++) hub.Publish(s => s with { Sequence = 0 });
        var kept = hub.PublishedBetween(0, hub.Current.Sequence);
        Assert.Equal(103, hub.Current.Sequence);
        Assert.Equal(64, kept.Length);
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
