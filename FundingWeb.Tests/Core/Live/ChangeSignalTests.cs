using FundingWeb.Core.Live;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Live;

[Trait("Category", "Fast")]
public sealed class ChangeSignalTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Signal_EverySubscriberHearsOnceAndAFailingOneStopsNoOther()
    {
        var signal = new ChangeSignal(_time, TimeSpan.FromSeconds(1));
        var heard = new List<string>();
        using var a = signal.Subscribe(() => { heard.Add("a"); return Task.CompletedTask; });
        using var failing = signal.Subscribe(() => throw new InvalidOperationException("listener bug"));
        using var b = signal.Subscribe(() => { heard.Add("b"); return Task.CompletedTask; });

        signal.Signal();
        signal.Signal(); // coalesced into the waiting callback
        _time.Advance(TimeSpan.Zero);

        Assert.Equal(["a", "b"], heard);
    }

    [Fact]
    public void Subscribe_Dispose_CountGoesBackAndTheCallbackStops()
    {
        var signal = new ChangeSignal(_time, TimeSpan.Zero);
        var counts = new List<int>();
        signal.SubscribersChanged += counts.Add;
        var calls = 0;
        var subscription = signal.Subscribe(() => { calls++; return Task.CompletedTask; });
        Assert.Equal(1, signal.SubscriberCount);

        subscription.Dispose();
        subscription.Dispose(); // idempotent
        signal.Signal();
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, signal.SubscriberCount);
        Assert.Equal(0, calls);
        Assert.Equal([1, 0], counts);
    }
}
