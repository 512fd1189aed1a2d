using System.Collections.Immutable;
using FundingWeb.Core.Alerts;
using FundingWeb.Core.Chains;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;
using FundingWeb.Core.Regimes;
using FundingWeb.Core.Venues;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Alerts;

/// <summary>The health and regime kinds: chain head age, sequencer down, sustained data lag, regime change.</summary>
[Trait("Category", "Fast")]
public sealed class ChainAndRegimeAlertTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _time = new(Start);

    private static VenueInfo Venue(string id) => new(id, id, "rollup", TimeSpan.FromHours(1), 0.0005, IsSimulated: true);

    private MarketSnapshot Snapshot(long headAgeMs, SequencerState sequencer = SequencerState.Up, long? dataLagMs = 1_000)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var market = new Market("gmx", "BTC/USD", "BTC", 8760, 100, 0.01);
        var quote = new MarketQuote(market, [new FundingQuote(FundingLeg.Long, 0.00001, 0, 8760, RateUnit.Fixed1e30, now, now, null)], 1, 1, 1, 1, null, null, now);
        var venue = VenueSnapshot.Empty(Venue("gmx")) with
        {
            Status = VenueStatus.Unknown("gmx") with { LastSuccessMs = now, StaleSinceMs = null, DataLagMs = dataLagMs },
            Markets = ImmutableDictionary<string, MarketQuote>.Empty.Add("BTC/USD", quote),
            Chain = new ChainReading("Arbitrum One", now, 1, now - headAgeMs, now - 900_000, sequencer, now - 60_000, null),
        };
        return MarketSnapshot.Empty.WithVenue(venue, now);
    }

    [Fact]
    public void ChainHeadAge_OldHeadFiresAndAYoungOneClearsPastTheHysteresis()
    {
        var rule = new ChainHeadAgeRule { Id = "c", Name = "arbitrum head", Venue = "gmx", MaxAgeSeconds = 60, Hysteresis = 10 };
        var evaluator = new AlertEvaluator([rule], _time);
        Assert.Empty(evaluator.Evaluate(Snapshot(5_000)));
        var fired = Assert.Single(evaluator.Evaluate(Snapshot(90_000)));
        Assert.Equal(AlertTransitionKind.Fired, fired.Transition);
        Assert.Contains("newest block 90 s old", fired.Reason);
        Assert.Empty(evaluator.Evaluate(Snapshot(55_000))); // inside the band: still firing
        Assert.Equal(AlertTransitionKind.Cleared, Assert.Single(evaluator.Evaluate(Snapshot(40_000))).Transition);
    }

    [Fact]
    public void SequencerDown_FiresWithItsSinceAndClearsWhenUp()
    {
        var evaluator = new AlertEvaluator([new SequencerDownRule { Id = "s", Name = "sequencer" }], _time);
        Assert.Empty(evaluator.Evaluate(Snapshot(1_000)));
        var fired = Assert.Single(evaluator.Evaluate(Snapshot(1_000, SequencerState.Down)));
        Assert.Contains("sequencer down since 2026-12-01 11:59:00 UTC", fired.Reason);
        Assert.Equal(AlertTransitionKind.Cleared, Assert.Single(evaluator.Evaluate(Snapshot(1_000, SequencerState.Up))).Transition);
    }

    [Fact]
    public void DataLag_FiresOnlyOnceTheLagHeldForItsDuration()
    {
        var evaluator = new AlertEvaluator([new DataLagRule { Id = "d", Name = "lag", MaxLagSeconds = 30, MinDuration = TimeSpan.FromMinutes(2) }], _time);
        Assert.Empty(evaluator.Evaluate(Snapshot(1_000, dataLagMs: 45_000)));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(evaluator.Evaluate(Snapshot(1_000, dataLagMs: 50_000)));
        _time.Advance(TimeSpan.FromMinutes(1.5));
        var fired = Assert.Single(evaluator.Evaluate(Snapshot(1_000, dataLagMs: 40_000)));
        Assert.Equal(40, fired.Value);
        Assert.Null(new AlertEvaluator([new DataLagRule { Id = "x", Name = "x" }], _time).Evaluate(Snapshot(1_000, dataLagMs: null)).FirstOrDefault());
    }

    private sealed class FixedRegimes(FundingRegimeLabel label, double z) : IFundingRegimes
    {
        public FundingRegime? For(string venue, string symbol) => new(label, z, 0, 1, 5, 0, z, [], 48);
    }

    [Fact]
    public void RegimeChange_EnteringExtremeFiresLeavingClears()
    {
        var rule = new RegimeChangeRule { Id = "r", Name = "btc regime", Asset = "BTC" };
        var calm = new AlertEvaluator([rule], _time, regimes: new FixedRegimes(FundingRegimeLabel.Calm, 0.3));
        Assert.Empty(calm.Evaluate(Snapshot(1_000)));
        var extreme = new AlertEvaluator([rule], _time, regimes: new FixedRegimes(FundingRegimeLabel.Extreme, 2.7));
        var fired = Assert.Single(extreme.Evaluate(Snapshot(1_000)));
        Assert.Equal(2.7, fired.Value, 9);
        Assert.Contains("extreme: z = +2.70", fired.Reason);
    }
}
