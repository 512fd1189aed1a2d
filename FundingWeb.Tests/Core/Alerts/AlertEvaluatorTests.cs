using Xunit;
using FundingWeb.Core.Alerts;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Tests.Fixtures;
using static FundingWeb.Tests.Core.Alerts.AlertWorld;

namespace FundingWeb.Tests.Core.Alerts;

[Trait("Category", "Fast")]
public class AlertEvaluatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _time = new(Start);
    private readonly AlertWorld _world = new();

    private static long Ms(double minutes) => Start.ToUnixTimeMilliseconds() + (long)(minutes * 60_000);

    /// <summary>Moves the clock to <paramref name="minute"/> and evaluates the world as it is.</summary>
    private IReadOnlyList<AlertTransition> At(AlertEvaluator evaluator, double minute)
    {
        _time.Advance(TimeSpan.FromMilliseconds(Ms(minute) - _time.GetUtcNow().ToUnixTimeMilliseconds()));
        return evaluator.Evaluate(_world.Snapshot());
    }

    private static string Script(IEnumerable<(double Minute, IReadOnlyList<AlertTransition> T)> steps) =>
        string.Join(" ", steps.SelectMany(s => s.T.Select(t => $"{s.Minute}:{t.RuleId}:{t.Transition}")));

    [Fact]
    public void FundingThreshold_HoveringAtThreshold_FiresOnceAndClearsOnlyBelowTheBand()
    {
        var rule = new FundingThresholdRule { Id = "hot", Name = "BTC hot", Asset = "BTC", Venue = "hl", Threshold = 0.50, Hysteresis = 0.10 };
        var evaluator = new AlertEvaluator([rule], _time);
        var aprs = new[] { 0.40, 0.55, 0.49, 0.52, 0.45, 0.41, 0.39, 0.51 };
        var steps = new List<(double, IReadOnlyList<AlertTransition>)>();
        for (var i = 0; i < aprs.Length; i++)
        {
            _world.Rate("hl", "BTC", Apr(aprs[i]));
            steps.Add((i, At(evaluator, i)));
        }

        Assert.Equal("1:hot:Fired 6:hot:Cleared 7:hot:Fired", Script(steps));
        var fired = steps[1].Item2.Single();
        Assert.Equal(0.55, fired.Value, 9);
        Assert.Equal(("hl", "BTC", Ms(1)), (fired.Venue, fired.Asset, fired.TimeMs));
        Assert.Contains("+55.00 % APR", fired.Reason);
        Assert.Equal(0.39, steps[6].Item2.Single().Value, 9);
    }

    [Fact]
    public void FundingThreshold_Cooldown_HoldsBackARefireUntilItEnds()
    {
        var rule = new FundingThresholdRule { Id = "hot", Name = "hot", Asset = "BTC", Threshold = 0.50, Cooldown = TimeSpan.FromMinutes(10) };
        var evaluator = new AlertEvaluator([rule], _time);
        var script = new (double Minute, double Apr)[] { (0, 0.6), (2, 0.4), (3, 0.6), (9, 0.6), (10, 0.6), (11, 0.6) };
        var steps = script.Select(s => { _world.Rate("hl", "BTC", Apr(s.Apr)); return (s.Minute, At(evaluator, s.Minute)); }).ToList();

        Assert.Equal("0:hot:Fired 2:hot:Cleared 10:hot:Fired", Script(steps));
        Assert.Equal(Ms(3), evaluator.StateOf("hot")!.BreachedSinceMs);
    }

    [Fact]
    public void FundingThreshold_AnyVenueBelow_ReportsTheLowestFreshVenue()
    {
        var rule = new FundingThresholdRule
        {
            Id = "cold", Name = "cold", Asset = "ETH", Direction = ThresholdDirection.Below, Threshold = -0.0001, Basis = RateBasis.EightHour,
        };
        var evaluator = new AlertEvaluator([rule], _time);
        _world.Rate("a", "ETH", -0.00001).Rate("b", "ETH", -0.00002).Rate("c", "ETH", -0.00009).Stale("c", Ms(0));

        var fired = Assert.Single(At(evaluator, 1));

        Assert.Equal("b", fired.Venue);
        Assert.Equal(-0.00016, fired.Value, 12);
    }

    [Fact]
    public void FundingFlip_Either_FiresOnTheFlipAndClearsOnReturn_IgnoringTheBand()
    {
        var rule = new FundingFlipRule { Id = "flip", Name = "flip", Asset = "BTC", Venue = "hl", Hysteresis = 0.01 };
        var evaluator = new AlertEvaluator([rule], _time);
        var aprs = new[] { 0.10, -0.005, -0.05, 0.005, -0.02, 0.05, 0.20 };
        var steps = aprs.Select((apr, i) => { _world.Rate("hl", "BTC", Apr(apr)); return ((double)i, At(evaluator, i)); }).ToList();

        Assert.Equal("2:flip:Fired 5:flip:Cleared", Script(steps));
        Assert.Contains("flipped positive → negative", steps[2].Item2.Single().Reason);
    }

    [Fact]
    public void FundingFlip_ToNegative_AlreadyNegativeAtStart_FiresOnlyAfterSeeingPositive()
    {
        var rule = new FundingFlipRule { Id = "neg", Name = "neg", Asset = "BTC", Venue = "hl", Direction = FlipDirection.ToNegative };
        var evaluator = new AlertEvaluator([rule], _time);
        var aprs = new[] { -0.10, -0.10, 0.10, -0.10 };
        var steps = aprs.Select((apr, i) => { _world.Rate("hl", "BTC", Apr(apr)); return ((double)i, At(evaluator, i)); }).ToList();

        Assert.Equal("3:neg:Fired", Script(steps));
    }

    [Fact]
    public void Spread_AboveThreshold_FiresOnlyOnceHeldForTheMinimumAndClearsBelowTheBand()
    {
        var rule = new SpreadRule { Id = "sp", Name = "sp", Asset = "BTC", ThresholdApr = 0.30, MinDuration = TimeSpan.FromMinutes(10), Hysteresis = 0.05 };
        var evaluator = new AlertEvaluator([rule], _time);
        _world.Rate("low", "BTC", Apr(0.05));
        var script = new (double Minute, double HighApr)[]
        {
            (0, 0.45), (5, 0.45), (6, 0.25), (7, 0.45), (16, 0.45), (17, 0.45), (18, 0.32), (19, 0.31), (20, 0.29),
        };
        var steps = script.Select(s => { _world.Rate("high", "BTC", Apr(s.HighApr)); return (s.Minute, At(evaluator, s.Minute)); }).ToList();

        Assert.Equal("17:sp:Fired 20:sp:Cleared", Script(steps));
        var fired = steps[5].Item2.Single();
        Assert.Equal(0.40, fired.Value, 9);
        Assert.Equal("high/low", fired.Venue);
    }

    [Fact]
    public void OpenInterestChange_Rise_FiresOnlyAfterAWholeWindowAndClearsWhenTheWindowRollsOn()
    {
        var rule = new OpenInterestChangeRule
        {
            Id = "oi", Name = "oi", Asset = "BTC", Venue = "hl", ThresholdFraction = 0.10, Hysteresis = 0.02,
            Window = TimeSpan.FromMinutes(60), Direction = ChangeDirection.Rise,
        };
        var evaluator = new AlertEvaluator([rule], _time);
        // A jump inside the first window says nothing: the rule has not watched for a window yet.
        var script = new (double Minute, double Usd)[]
        {
            (0, 100e6), (10, 130e6), (20, 100e6), (60, 100e6), (70, 100e6), (80, 115e6), (90, 115e6), (140, 115e6), (150, 115e6),
        };
        var steps = script.Select(s => { _world.OpenInterest("hl", "BTC", s.Usd); return (s.Minute, At(evaluator, s.Minute)); }).ToList();

        Assert.Equal("80:oi:Fired 140:oi:Cleared", Script(steps));
        Assert.Equal(0.15, steps[5].Item2.Single().Value, 9);
    }

    [Fact]
    public void OpenInterestChange_ManySnapshots_KeepsABoundedHistory()
    {
        var rule = new OpenInterestChangeRule { Id = "oi", Name = "oi", Asset = "BTC", ThresholdFraction = 0.5, Window = TimeSpan.FromHours(1) };
        var evaluator = new AlertEvaluator([rule], _time);
        _world.OpenInterest("hl", "BTC", 1e6);
        for (var second = 0; second < 4 * 3600; second += 5)
        {
            At(evaluator, second / 60d);
        }

        Assert.InRange(evaluator.OpenInterestSamples("oi"), 2, OpenInterestHistory.SamplesPerWindow + 2);
    }

    [Fact]
    public void LadderProximity_PriceApproachesACluster_FiresWithinTheBandAndClearsPastTheHysteresis()
    {
        var rule = new LadderProximityRule
        {
            Id = "lad", Name = "lad", Asset = "BTC", WithinFraction = 0.05, MinNotionalUsd = 2e6, Hysteresis = 0.01, Side = LiquidationSide.Long,
        };
        var evaluator = new AlertEvaluator([rule], _time);
        _world.Positions("hl", "BTC", (LiquidationSide.Long, 97, 3e6), (LiquidationSide.Long, 90, 10e6), (LiquidationSide.Short, 104, 50e6));
        var script = new (double Minute, double Price)[] { (0, 110), (1, 101), (2, 102.5), (3, 103.5), (4, 102) };
        var steps = script.Select(s => { _world.Price("hl", "BTC", s.Price); return (s.Minute, At(evaluator, s.Minute)); }).ToList();

        // 97 is 3.96 % below 101 (fire), 5.37 % below 102.5 (inside 5 % + 1 %), 6.28 % below 103.5 (clear), 4.9 % below 102.
        Assert.Equal("1:lad:Fired 3:lad:Cleared 4:lad:Fired", Script(steps));
        var fired = steps[1].Item2.Single();
        Assert.Equal(3e6, fired.Value);
        Assert.Contains("nearest 97", fired.Reason);
    }

    [Fact]
    public void VenueStale_LongerThanTheMinimum_FiresThenClearsWhenFresh()
    {
        var rule = new VenueStaleRule { Id = "st", Name = "st", Venue = "dydx", MinStale = TimeSpan.FromMinutes(5) };
        var evaluator = new AlertEvaluator([rule], _time);
        _world.Rate("dydx", "BTC", 0).Stale("dydx", Ms(0), "HTTP 503");
        var steps = new List<(double, IReadOnlyList<AlertTransition>)> { (0, At(evaluator, 0)), (5, At(evaluator, 5)), (6, At(evaluator, 6)), (7, At(evaluator, 7)) };
        _world.Stale("dydx", null);
        steps.Add((8, At(evaluator, 8)));

        Assert.Equal("6:st:Fired 8:st:Cleared", Script(steps));
        Assert.Equal(6, steps[2].Item2.Single().Value, 9);
        Assert.Contains("HTTP 503", steps[2].Item2.Single().Reason);
    }

    [Fact]
    public void Composite_TwoMembersFireWithinTheWindow_FiresOnTheSecondAndClearsWhenTheFirstAgesOut()
    {
        var hot = new FundingThresholdRule { Id = "hot", Name = "BTC hot", Asset = "BTC", Threshold = 0.5 };
        var stale = new VenueStaleRule { Id = "st", Name = "dydx stale", Venue = "dydx", MinStale = TimeSpan.FromMinutes(1) };
        var spread = new SpreadRule { Id = "sp", Name = "spread", Asset = "ETH", ThresholdApr = 5 };
        var both = new CompositeRule { Id = "two", Name = "two of three", RuleIds = ["hot", "st", "sp"], Within = TimeSpan.FromMinutes(30) };
        var evaluator = new AlertEvaluator([both, hot, stale, spread], _time);
        _world.Rate("hl", "BTC", Apr(0.6)).Rate("dydx", "BTC", Apr(0.1));
        var steps = new List<(double, IReadOnlyList<AlertTransition>)> { (0, At(evaluator, 0)) };
        _world.Stale("dydx", Ms(18));
        steps.Add((20, At(evaluator, 20)));
        steps.Add((30, At(evaluator, 30)));
        steps.Add((31, At(evaluator, 31)));

        Assert.Equal("0:hot:Fired 20:st:Fired 20:two:Fired 31:two:Cleared", Script(steps));
        Assert.Contains("BTC hot, dydx stale", steps[1].Item2.Last().Reason);
        Assert.Equal(1, steps[3].Item2.Single().Value);
    }

    [Fact]
    public void Restore_RuleAlreadyFiring_DoesNotFireAgainAfterARestartButStillClears()
    {
        var rule = new FundingThresholdRule { Id = "hot", Name = "hot", Asset = "BTC", Threshold = 0.5 };
        var before = new AlertEvaluator([rule], _time);
        _world.Rate("hl", "BTC", Apr(0.6));
        Assert.Single(At(before, 0));
        var persisted = before.TakeChangedStates();

        var after = new AlertEvaluator([rule], _time, persisted);
        var again = At(after, 1);
        _world.Rate("hl", "BTC", Apr(0.4));
        var cleared = At(after, 2);

        Assert.Empty(again);
        Assert.Equal(AlertTransitionKind.Cleared, Assert.Single(cleared).Transition);
        Assert.False(Assert.Single(after.TakeChangedStates()).Firing);
    }

    [Fact]
    public void TakeChangedStates_ValueTicksOnly_ReportsNothingNew()
    {
        var rule = new FundingThresholdRule { Id = "hot", Name = "hot", Asset = "BTC", Threshold = 0.5 };
        var evaluator = new AlertEvaluator([rule], _time);
        _world.Rate("hl", "BTC", Apr(0.1));
        At(evaluator, 0);
        Assert.Single(evaluator.TakeChangedStates());
        _world.Rate("hl", "BTC", Apr(0.2));
        At(evaluator, 1);

        Assert.Empty(evaluator.TakeChangedStates());
        Assert.Equal(0.2, evaluator.StateOf("hot")!.LastValue!.Value, 9);
    }

    [Fact]
    public void Disabled_AndEdited_Rules_AreNotReadAndStartAfresh()
    {
        var rule = new FundingThresholdRule { Id = "hot", Name = "hot", Asset = "BTC", Threshold = 0.5, Enabled = false };
        var evaluator = new AlertEvaluator([rule], _time);
        _world.Rate("hl", "BTC", Apr(0.6));
        Assert.Empty(At(evaluator, 0));

        evaluator.SetRules([rule with { Enabled = true }]);
        Assert.Equal(AlertTransitionKind.Fired, Assert.Single(At(evaluator, 1)).Transition);

        evaluator.SetRules([rule with { Enabled = true, Threshold = 0.55 }]);
        Assert.False(evaluator.StateOf("hot")!.Firing);
        Assert.Equal(AlertTransitionKind.Fired, Assert.Single(At(evaluator, 2)).Transition);

        evaluator.SetRules([]);
        Assert.Null(evaluator.StateOf("hot"));
    }
}
