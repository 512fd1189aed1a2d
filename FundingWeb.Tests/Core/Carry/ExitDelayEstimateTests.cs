using FundingWeb.Core.Carry;
using FundingWeb.Core.Chains;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using Xunit;

namespace FundingWeb.Tests.Core.Carry;

/// <summary>Worked numbers for the exit delay estimate: nominal + current lag; congested → nominal + p95 of past episodes.</summary>
[Trait("Category", "Fast")]
public sealed class ExitDelayEstimateTests
{
    private const long NowMs = 1_764_590_400_000;

    private static readonly VenueInfo Gmx = new("gmx", "GMX v2", "optimistic rollup (Arbitrum)", TimeSpan.FromHours(2), 0.0005, true);

    private static ExitConditions Conditions(double? headAgeSeconds, double? settledBehindSeconds, SequencerState sequencer = SequencerState.Up, VenueInfo? venue = null)
    {
        var head = headAgeSeconds is { } a ? NowMs - (long)(a * 1000) : (long?)null;
        var reading = new ChainReading("Arbitrum One", NowMs, 1, head, head is { } h && settledBehindSeconds is { } s ? h - (long)(s * 1000) : null, sequencer, null, null);
        return ExitConditions.Of(venue ?? Gmx, ChainHealth.Of(reading, ChainLimits.Default, NowMs), ChainLimits.Default, NowMs);
    }

    [Fact]
    public void Of_CalmChain_NominalPlusHeadAgePlusL1Lag()
    {
        // 2 h nominal + 4 s head age + 896 s L1 lag = 2 h 15 min.
        var estimate = ExitDelayEstimate.Of(Conditions(4, 896), [TimeSpan.FromHours(5)]);

        Assert.False(estimate.Congested);
        Assert.Equal(TimeSpan.FromSeconds(900), estimate.CurrentLag);
        Assert.Equal(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(15), estimate.Delay);
        Assert.True(estimate.Measured);
    }

    [Fact]
    public void Of_CongestedWithEpisodes_NominalPlusP95OfEpisodes()
    {
        // Episodes 10, 20, 30, 40, 50 min: p95 (linear between ranks) = 40 + 0.8 × 10 = 48 min; the head is 5 min old (stalled),
        // with no settled state read. 2 h + 48 min = 2 h 48 min.
        var episodes = new[] { 10, 20, 30, 40, 50 }.Select(m => TimeSpan.FromMinutes(m)).ToList();

        var estimate = ExitDelayEstimate.Of(Conditions(300, null), episodes);

        Assert.True(estimate.Congested);
        Assert.Equal(TimeSpan.FromMinutes(48), estimate.StressEpisode);
        Assert.Equal(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(48), estimate.Delay);
        Assert.Equal(5, estimate.Episodes);
        Assert.Contains("p95", estimate.Basis);
    }

    [Fact]
    public void Of_CongestedLongerThanAnyEpisode_CurrentLagWins()
    {
        // A stall of 3 h so far beats a p95 of 30 min: 2 h + 3 h = 5 h.
        var estimate = ExitDelayEstimate.Of(Conditions(3 * 3600, null), [TimeSpan.FromMinutes(30)]);

        Assert.Equal(TimeSpan.FromHours(5), estimate.Delay);
    }

    [Fact]
    public void Of_CongestedWithoutHistory_NominalPlusCurrentLag()
    {
        var estimate = ExitDelayEstimate.Of(Conditions(45, null), []);

        Assert.True(estimate.Congested);
        Assert.Null(estimate.StressEpisode);
        Assert.Equal(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(45), estimate.Delay);
        Assert.Contains("no past congestion episode", estimate.Basis);
    }

    [Fact]
    public void Of_SequencerDown_CongestedEvenWithYoungHead()
    {
        var estimate = ExitDelayEstimate.Of(Conditions(2, null, SequencerState.Down), [TimeSpan.FromMinutes(20)]);

        Assert.True(estimate.Congested);
        Assert.Equal(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(20), estimate.Delay);
    }

    [Fact]
    public void Of_NoProbe_NominalAloneLabelledConfigured()
    {
        var conditions = ExitConditions.Of(Gmx, null, null, NowMs);

        var estimate = ExitDelayEstimate.Of(conditions, [TimeSpan.FromHours(9)]);

        Assert.False(estimate.Measured);
        Assert.Equal(TimeSpan.FromHours(2), estimate.Delay);
        Assert.Equal("no probe", conditions.ChainState);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Of_NonsenseLag_CountsAsZero(double l1)
    {
        var conditions = Conditions(0, null) with { L1LagSeconds = l1 };

        Assert.Equal(TimeSpan.FromHours(2), ExitDelayEstimate.Of(conditions, []).Delay);
    }

    [Fact]
    public void Of_HugeLag_Bounded()
    {
        var conditions = Conditions(0, null) with { HeadAgeSeconds = double.MaxValue };

        Assert.Equal(TimeSpan.FromHours(2) + TimeSpan.FromDays(365), ExitDelayEstimate.Of(conditions, []).Delay);
    }

    [Fact]
    public void Episodes_RunsAtOrAboveLagLimit_LastAsLongAsTheirOldestHead()
    {
        static VenueHealthPoint P(long minute, double? headSeconds) =>
            new("gmx", NowMs + minute * 60_000, 40, 0, 0, headSeconds * 1000, null, 1, null);
        // lag limit 30 s: a 4-point run whose head reached 5 min, a one-point run of 31 s, a gap (no head) splitting a run.
        var points = new[]
        {
            P(0, 2), P(1, 40), P(2, 100), P(3, 160), P(4, 300), P(5, 1), P(6, 31), P(7, 3), P(8, 60), P(9, null), P(10, 45), P(11, 2),
        };

        var episodes = CongestionEpisodes.From(points.Reverse(), TimeSpan.FromSeconds(30));

        Assert.Equal([TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(31), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(45)], episodes);
    }

    [Fact]
    public void Episodes_EmptyOrCalm_None()
    {
        Assert.Empty(CongestionEpisodes.From([], TimeSpan.FromSeconds(30)));
        Assert.Empty(CongestionEpisodes.From([new VenueHealthPoint("gmx", NowMs, 1, 1, 0, 1_000, null, 1, "fresh")], TimeSpan.FromSeconds(30)));
    }
}
