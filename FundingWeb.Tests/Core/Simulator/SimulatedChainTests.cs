using FundingWeb.Core.Chains;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Simulator;

/// <summary>The simulated chains: blocks keep coming, a congestion episode stops the head with the data, outages are seeded.</summary>
[Trait("Category", "Fast")]
public sealed class SimulatedChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static (SimulatedWorld World, ManualTimeProvider Time) World()
    {
        var time = new ManualTimeProvider(Start);
        return (new SimulatedWorld(new SimulatorOptions { Seed = 42, BackfillDays = 0 }, time), time);
    }

    [Fact]
    public void Chain_NormalTimes_EveryVenueFreshWithItsOwnChain()
    {
        var (world, time) = World();
        time.Advance(TimeSpan.FromMinutes(1));
        foreach (var venue in VenueIds.All)
        {
            var reading = world.Chain(venue);
            var health = ChainHealth.Of(reading, ChainLimits.Default, time.GetUtcNow().ToUnixTimeMilliseconds());
            Assert.Equal(ChainState.Fresh, health.State);
            Assert.Equal(SimChainProfile.For(venue).Name, reading.Chain);
            Assert.True(reading.HeadAgeSeconds(time.GetUtcNow().ToUnixTimeMilliseconds()) <= SimChainProfile.For(venue).BlockSeconds);
        }
        Assert.Null(world.Chain(VenueIds.Dydx).L1LagSeconds);
        Assert.True(world.Chain(VenueIds.Paradex).L1LagSeconds > 3600);
    }

    [Fact]
    public void Congestion_StopsTheHeadWithTheDataAndTheChainRecoversAfter()
    {
        var (world, time) = World();
        time.Advance(TimeSpan.FromMinutes(1));
        world.Congest(VenueIds.Aevo, TimeSpan.FromMinutes(6));
        var l1Before = world.Chain(VenueIds.Aevo).L1LagSeconds!.Value;

        time.Advance(TimeSpan.FromMinutes(3));
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var congested = world.Chain(VenueIds.Aevo);
        Assert.True(congested.HeadAgeSeconds(now) >= 175, $"head age {congested.HeadAgeSeconds(now)} s during the episode");
        Assert.Equal(ChainState.Stalled, ChainHealth.Of(congested, ChainLimits.Default, now).State);
        Assert.True(congested.L1LagSeconds >= l1Before, "the settled state falls further behind, never closer");
        Assert.Equal(ChainState.Fresh, ChainHealth.Of(world.Chain(VenueIds.Gmx), ChainLimits.Default, now).State);

        time.Advance(TimeSpan.FromMinutes(4));
        now = time.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.Equal(ChainState.Fresh, ChainHealth.Of(world.Chain(VenueIds.Aevo), ChainLimits.Default, now).State);
    }

    [Fact]
    public void SequencerFeed_OverAWeek_SeededOutagesWithNoBlocksAndASince()
    {
        var (world, time) = World();
        ChainReading? down = null;
        for (var minute = 0; minute < 7 * 24 * 60 && down is null; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            if (world.Chain(VenueIds.Gmx) is { Sequencer: SequencerState.Down } r) down = r;
        }
        Assert.NotNull(down);
        Assert.NotNull(down!.SequencerSinceMs);
        Assert.True(down.HeadTimeMs <= down.SequencerSinceMs, "no block after the outage began");
        time.Advance(TimeSpan.FromMinutes(11));
        var after = world.Chain(VenueIds.Gmx);
        Assert.Equal(SequencerState.Up, after.Sequencer);
        Assert.Equal(SequencerState.Unknown, world.Chain(VenueIds.Aevo).Sequencer);

        var (again, againTime) = World();
        againTime.Advance(TimeSpan.FromMilliseconds(down.ReadAtMs - Start.ToUnixTimeMilliseconds()));
        Assert.Equal(down with { ReadAtMs = again.Chain(VenueIds.Gmx).ReadAtMs }, again.Chain(VenueIds.Gmx));
    }
}
