using FundingWeb.Core.Carry;
using FundingWeb.Core.Chains;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Live;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>The Carry view: the stress row's exit delay is the estimate from the venue's chain now, unless the user typed one.</summary>
[Trait("Category", "Fast")]
public sealed class CarryExitViewTests
{
    private const long NowMs = 1_764_590_400_000;

    private static VenueSnapshot Venue(long headAgeMs)
    {
        var venue = TestMarkets.Venue("gmx", "GMX v2", NowMs, ("BTC", 0.00001, 1e9));
        return venue with
        {
            Venue = venue.Venue with { WithdrawalDelay = TimeSpan.FromHours(2), RollupKind = "optimistic rollup" },
            Chain = new ChainReading("Arbitrum One", NowMs, 1, NowMs - headAgeMs, null, SequencerState.Up, null, null),
            ChainLimits = ChainLimits.Default,
        };
    }

    private static CarryView Build(VenueSnapshot venue, double? ownDelayHours = null)
    {
        var query = CarryQuery.Default with { Venue = "gmx", ExitDelayHours = ownDelayHours };
        var load = new CarryLoad(query, venue, venue.ForAsset("BTC")!, [], [], LadderKind.Modelled, [TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(50)]);
        return CarryView.Build(load, TestMarkets.Snapshot(NowMs, venue), new CarryOptions(), NowMs);
    }

    [Fact]
    public void Build_CalmChain_StressRowOverNominalPlusLag()
    {
        var view = Build(Venue(6_000));

        Assert.False(view.Exit!.Congested);
        Assert.Equal(2 + 6 / 3600d, view.Estimate!.Stress.ExitDelayHours, 9);
    }

    [Fact]
    public void Build_StalledChain_StressRowOverNominalPlusP95OfEpisodes()
    {
        // p95 of 30 and 50 min (linear) = 30 + 0.95 × 20 = 49 min; the head is 5 min old.
        var view = Build(Venue(300_000));

        Assert.True(view.Exit!.Congested);
        Assert.Equal("stalled", view.Exit.ChainState);
        Assert.Equal(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(49), view.ExitDelay!.Delay);
        Assert.Equal(2 + 49 / 60d, view.Estimate!.Stress.ExitDelayHours, 9);
    }

    [Fact]
    public void Build_OwnDelay_WinsOverTheEstimate()
    {
        var view = Build(Venue(300_000), ownDelayHours: 1);

        Assert.Equal(1, view.Estimate!.Stress.ExitDelayHours, 9);
        Assert.True(view.ExitDelay!.Congested);
    }
}
